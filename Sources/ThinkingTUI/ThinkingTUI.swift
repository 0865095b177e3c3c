import CNcurses
import ThinkingCore
