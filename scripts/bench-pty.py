#!/usr/bin/env python3
"""Pseudo-terminal measurements for thinkenv-bench (prints one JSON object).

  bench-pty.py load SECONDS COLSxROWS -- NAME=CMD... [-- NAME=CMD...]
      Runs every command at once, each in its own pseudo-terminal of the given size, for
      SECONDS: first output (ms from fork to the first byte), bytes/s after a 2 s warm-up,
      CPU % of one core (utime+stime from /proc over the same span), peak RSS (KiB).
      Commands are given as NAME=ARGS with ARGS split on spaces; ENV=... prefixes are
      passed through `env`.

  bench-pty.py timer SECONDS COLSxROWS -- CMD...
      Starts CMD (a `thinkenv run` waiting at its first step), sends Space (a turn
      begins) and, SECONDS later by time.monotonic(), Space again (the turn ends), then
      `q`, `y`. Reports the two key instants and the instant of every output chunk, so the
      caller can compare them with the log's recorded times and the screen's changes.

`peers` installs tty-clock and termdown when missing (apt-get, pip).
"""
import fcntl, json, os, pty, select, shutil, signal, struct, subprocess, sys, termios, time

WARM = 2.0


def spawn(cmd, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = os.environ.get("TERM_FOR_CHILD", "xterm-256color")
        os.environ.setdefault("LANG", "C.UTF-8")
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def load(seconds, cols, rows, commands):
    runs = []
    for name, cmd in commands:
        start = time.monotonic()
        pid, fd = spawn(cmd, cols, rows)
        runs.append(dict(name=name, pid=pid, fd=fd, start=start, first=None, total=0, steady=0,
                         cpu0=None, peak=0, alive=True))
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        fds = [r["fd"] for r in runs if r["alive"]]
        ready, _, _ = select.select(fds, [], [], 0.05)
        now = time.monotonic()
        for r in runs:
            if r["cpu0"] is None and now - r["start"] >= WARM:
                r["cpu0"] = (cpu_seconds(r["pid"]), now)
            if r["fd"] in ready:
                try:
                    data = os.read(r["fd"], 65536)
                except OSError:
                    data = b""
                if not data:
                    r["alive"] = False
                    continue
                if r["first"] is None:
                    r["first"] = now - r["start"]
                r["total"] += len(data)
                if now - r["start"] >= WARM:
                    r["steady"] += len(data)
            if r["alive"]:
                r["peak"] = max(r["peak"], rss_kib(r["pid"]))
    result = {}
    for r in runs:
        end = time.monotonic()
        cpu1 = cpu_seconds(r["pid"]) if r["alive"] else r["cpu0"][0]
        stop(r["pid"], r["fd"])
        span = end - r["cpu0"][1]
        result[r["name"]] = dict(
            first_output_ms=round(r["first"] * 1000, 2) if r["first"] is not None else -1,
            bytes_per_s=round(r["steady"] / span, 1), cpu_pct=round((cpu1 - r["cpu0"][0]) / span * 100, 3),
            peak_rss_kib=r["peak"], total_bytes=r["total"], alive=r["alive"])
    return result


def drain(fd, until, chunks):
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append((time.monotonic(), len(data)))


def timer(seconds, cols, rows, cmd):
    pid, fd = spawn(cmd, cols, rows)
    chunks = []
    drain(fd, time.monotonic() + 1.5, chunks)
    began = time.monotonic()
    os.write(fd, b" ")
    drain(fd, began + seconds, chunks)
    ended = time.monotonic()
    os.write(fd, b" ")
    drain(fd, ended + 1.0, chunks)
    os.write(fd, b"q")
    drain(fd, time.monotonic() + 0.5, chunks)
    os.write(fd, b"y")
    drain(fd, time.monotonic() + 1.5, chunks)
    stop(pid, fd)
    return dict(began=began, ended=ended, chunks=[[t - began, n] for t, n in chunks if t >= began])


def peers():
    if not shutil.which("tty-clock"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "tty-clock"], check=False)
    if not shutil.which("termdown"):
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "termdown"], check=False)
    return dict(tty_clock=shutil.which("tty-clock"), termdown=shutil.which("termdown"))


def main():
    mode = sys.argv[1]
    if mode == "peers":
        print(json.dumps(peers()))
        return
    seconds = float(sys.argv[2])
    cols, rows = map(int, sys.argv[3].split("x"))
    rest = sys.argv[4:]
    groups, current = [], None
    for arg in rest:
        if arg == "--":
            current = []
            groups.append(current)
        else:
            current.append(arg)
    if mode == "load":
        commands = []
        for group in groups:
            name, first = group[0].split("=", 1)
            commands.append((name, [first] + group[1:]))
        print(json.dumps(load(seconds, cols, rows, commands)))
    elif mode == "timer":
        print(json.dumps(timer(seconds, cols, rows, groups[0])))


main()
