import ArgumentParser
print("thinkenv")
