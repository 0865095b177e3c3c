#!/usr/bin/env python3
"""Hostile text through the real program's outputs.

usage: python3 Tests/faults/hostile.py PATH/TO/thinkenv

Names and a question holding escape sequences, BEL, DEL, C1 controls, a right-to-left
override, invalid UTF-8 and a 10,000-character name go into a real session (run in tmux);
then every command that prints (`show`, `export` as csv, markdown and json, `sessions`,
`protocols show` and `protocols check` of a file with such text, and error messages) is
run, and its bytes checked: nothing below 0x20 but a line end, no DEL, no C1 control, no
bidi override or isolate reaches the terminal. The screen itself is checked in
Tests/ThinkingTUITests/HostileScreenTests.swift (a tmux capture would hide raw bytes).
"""
import os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room import Room, finish  # noqa: E402

ESC = "\x1b"
NAMES = [
    f"Ana{ESC}[2J", f"Ben{ESC}]0;owned\x07", "Chlo\x7fé", "Dev\u009b31m", "\u202eEun", "Fay\u2066x\u2069",
    "Gus\x00nul", "Hal\ufffd", "L" * 10_000,
]
QUESTION = f"What{ESC}[31m now?\x07"
PROTOCOL = f"""name: "Round \\u202E with \\x1b[1m escapes \\u0085"
summary: "Bells \\a and \\x9b C1 \\u2066 isolates"
steps:
  - kind: round
    title: "Title \\x1b]0;owned\\a"
    question: "Why \\x7f?"
    components: [attention]
"""


def bad(text, line_ends=("\n",)):
    """The characters that must not reach a terminal."""
    found = []
    for ch in text:
        code = ord(ch)
        if ch in line_ends:
            continue
        if code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            found.append(hex(code))
    return sorted(set(found))


def main():
    binary = os.path.abspath(sys.argv[1])
    home = tempfile.mkdtemp(prefix="thinkenv-hostile-")
    room = Room(binary, home)
    env = {**os.environ, **room.env}
    failures = []
    started = time.monotonic()

    known = []

    def check(label, args, line_ends=("\n",), expect_ok=None, known_issue=False):
        result = subprocess.run([binary, *args], capture_output=True, env=env)
        for stream, data in (("stdout", result.stdout), ("stderr", result.stderr)):
            text = data.decode("utf-8", errors="replace")
            found = bad(text, line_ends)
            if found:
                (known if known_issue else failures).append(f"{label} ({stream}): raw {found}")
        if expect_ok is not None and (result.returncode == 0) != expect_ok:
            failures.append(f"{label}: exit status {result.returncode}")
        return result

    try:
        # A real session with the hostile names and question: a pass, turns, then left.
        people = ", ".join(n.replace(",", " ") for n in NAMES if "\x00" not in n)
        target = room.start("run", "round", "--people", people, "--question", QUESTION, "--turn", "1m")
        for key in ["Space", "p", "Space", "Space", "Space"]:
            room.keys(target, key)
            time.sleep(0.15)
        room.keys(target, "q")
        time.sleep(0.2)
        room.keys(target, "y")
        room.wait_for(target, lambda _: room.dead(target))
        check("show", ["show", "latest"], expect_ok=True)
        check("export csv", ["export", "latest", "--format", "csv"], line_ends=("\n", "\r"), expect_ok=True)
        check("export markdown", ["export", "latest", "--format", "markdown"], expect_ok=True)
        check("export json", ["export", "latest", "--format", "json"], expect_ok=True)
        check("sessions", ["sessions"], expect_ok=True)

        path = os.path.join(home, f"odd{ESC}[2Jname.yaml")
        with open(path, "w") as f:
            f.write(PROTOCOL)
        check("protocols check (hostile text)", ["protocols", "check", path])
        check("protocols show (hostile text)", ["protocols", "show", path])
        with open(path, "wb") as f:
            f.write(b"name: \xff\xfe\x1b[2J\nsummary: \x07\x00\n")
        check("protocols check (invalid UTF-8, NUL)", ["protocols", "check", path], expect_ok=False)
        check("run: duplicate hostile names", ["run", "round", "--people", f"A{ESC}[2J, A{ESC}[2J"], expect_ok=False)
        check("run: unknown protocol", ["run", f"no{ESC}]0;x\x07such", "--people", "A, B"], expect_ok=False)
        check("show: unknown session", ["show", f"x{ESC}[31m\u202e"], expect_ok=False)
        check("run: a bad duration", ["run", "round", "--people", "A, B", "--turn", f"9{ESC}[2J"], expect_ok=False)
        # swift-argument-parser quotes a rejected value or option: Thinkenv.main neutralises it.
        check("run: a bad --theme value", ["run", "round", "--people", "A, B", "--theme", f"x{ESC}[2J"],
              expect_ok=False)
        check("an unknown option", [f"--x{ESC}[2J"], expect_ok=False)
        raw = subprocess.run([binary.encode(), b"run", b"round", b"--people", b"A\xff\x1b[2J, A\xff\x1b[2J"],
                             capture_output=True, env=env)
        for stream, data in (("stdout", raw.stdout), ("stderr", raw.stderr)):
            found = bad(data.decode("utf-8", errors="replace"))
            if found:
                failures.append(f"run with invalid UTF-8 in argv ({stream}): raw {found}")
    finally:
        room.stop()
    finish("hostile", failures, started, known)


main()
