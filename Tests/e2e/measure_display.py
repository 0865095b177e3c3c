#!/usr/bin/env python3
"""Measures `thinkenv display`: the time from a log append to the display's output.

A real log is recorded first (a round of twelve, the controller driven in tmux); then
`display` runs in a pseudo-terminal on a copy that holds only the start, and the rest is
appended one action (with its facts) at a time, each written and fsynced as the
controller does. The latency is from just before the write (the display may react before fsync returns) to the first byte the display
writes. The lines' wall times are in the past, so the display's clock is held (no second
ticks to mistake for a reaction). Usage: measure_display.py BINARY [SAMPLES]
"""

import os
import pty
import random
import select
import shutil
import signal
import statistics
import struct
import sys
import termios
import fcntl
import time
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Sandbox  # noqa: E402


def record(binary, people):
    with Sandbox(binary, "measure") as sb:
        p = sb.start("run", "round", "--people", ", ".join(people), "--turn", "2m",
                     "--question", "What is going well?")
        sb.wait_for(p, "Space begins")
        for _ in range(len(people) + 1):
            sb.keys(p, "Space")
            time.sleep(0.05)
        sb.wait_for(p, "Every step is done")
        sb.keys(p, "u")
        time.sleep(0.1)
        sb.keys(p, "q", "y")
        sb.wait_exit(p)
        with open(sb.the_log().path, "rb") as f:
            return f.read().splitlines(keepends=True)


def main(argv):
    binary = os.path.abspath(argv[1])
    samples = int(argv[2]) if len(argv) > 2 else 60
    people = [f"P{i}" for i in range(1, 13)]
    lines = record(binary, people)
    first = next(i for i, l in enumerate(lines) if l.startswith(b'{"action":{"handOn"'))
    head = lines[:first]  # the header, and the round begun
    hand_on = lines[first]
    undo = next(l for l in lines if l.startswith(b'{"action":{"undo"'))
    root = os.path.join("/tmp", f"thinkenv-measure-{os.getpid()}")
    sessions = os.path.join(root, "data", "thinkenv", "sessions")
    os.makedirs(sessions, mode=0o700)
    path = os.path.join(sessions, "2026-01-01T00-00-00Z-round.jsonl")
    with open(path, "wb") as f:
        f.write(b"".join(head))
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(root, "data"), HOME=root, TERM="xterm-256color")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "display", path], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def drain(quiet):
        """Reads until the display is silent for `quiet` seconds."""
        while select.select([fd], [], [], quiet)[0]:
            os.read(fd, 65536)

    drain(1.0)
    latencies = []
    seq = json.loads(head[-1])["seq"]
    last = json.loads(hand_on)
    out = os.open(path, os.O_WRONLY | os.O_APPEND)
    for k in range(samples):
        # Hand-on and undo in turn: every append changes who thinks. Times as the last.
        entry = json.loads(hand_on if k % 2 == 0 else undo)
        seq += 1
        entry["seq"], entry["t"], entry["wall"] = seq, last["t"], last["wall"]
        data = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
        t0 = time.monotonic()
        os.write(out, data)
        os.fsync(out)
        if select.select([fd], [], [], 2.0)[0]:
            latencies.append((time.monotonic() - t0) * 1000)
            os.read(fd, 65536)
        drain(0.15 + random.random() * 0.1)
    os.close(out)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    shutil.rmtree(root, ignore_errors=True)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
    print(f"{len(latencies)} of {samples} appends shown; latency ms: p50 {statistics.median(latencies):.1f}, "
          f"p99 {p99:.1f}, max {latencies[-1]:.1f}, min {latencies[0]:.1f}")


if __name__ == "__main__":
    main(sys.argv)
