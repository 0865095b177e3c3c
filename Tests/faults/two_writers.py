#!/usr/bin/env python3
"""Two terminals take up the same session: the second must be refused and write nothing.

usage: python3 Tests/faults/two_writers.py PATH/TO/thinkenv [--trials N]

A round of four people ("Ana, Zoë, 李, Ben"; a protocol of the user's own: one round step,
untimed, twenty rounds, so that the session outlasts the trials) is begun in tmux, handed on
twice and left with `q` `y`: an unfinished session. Then, N times (default 10):
`thinkenv resume` in one window, until its screen shows the running step; the log's bytes
are taken; `thinkenv resume` again in a second window (it needs a terminal), given 5 s.

What must hold, each time:
- the second exits at once (within 5 s) with a non-zero status, and says the session is
  "already open in another terminal";
- the log's bytes are the same just before it started and just after it exited (the first
  is idle: untimed turns, nobody pressing keys, so it writes nothing meanwhile): no
  `opened` line, nothing at all, from the second;
- the first still works: Space hands on, the screen moves to the next thinker and the
  hand-on is in the log; `q` `y` leave it.
At the end every `seq` in the log appears once, in order, 1..N.
"""
import json, os, signal, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room import Room, finish, home_with_protocol, log_lines, where  # noqa: E402

PEOPLE = ["Ana", "Zoë", "李", "Ben"]
PROTOCOL = """name: Long round
summary: One round step of twenty rounds, for the two-writers fault test.
steps:
  - kind: round
    title: Round
    rounds: 20
    components: [attention, equality]
"""
REFUSAL = "already open in another terminal"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def kinds(data):
    """What each line of `data` is: its top-level key and, for a program note or an
    action, the note's or action's name."""
    out = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            out.append("a torn line")
            continue
        for key in ("program", "action", "fact"):
            value = entry.get(key)
            if isinstance(value, dict):
                inner = value.get("what", value)
                out.append(next(iter(inner), key) if isinstance(inner, dict) else key)
                break
        else:
            out.append("?")
    return out



def main():
    binary = sys.argv[1]
    trials = int(sys.argv[sys.argv.index("--trials") + 1]) if "--trials" in sys.argv else 10
    home = home_with_protocol("thinkenv-two-writers-", "long-round", PROTOCOL)
    room = Room(binary, home)
    started = time.monotonic()
    failures = []
    try:
        target = room.start("run", "long-round", "--people", ", ".join(PEOPLE), "--question", "What is going well?")
        room.keys(target, "Space")  # the step begins
        room.settle(target)
        for _ in range(2):
            room.keys(target, "Space")
            room.settle(target)
        room.leave(target)
        logs = room.logs()
        if len(logs) != 1:
            raise SystemExit(f"expected one session log, found {logs}")
        log = logs[0]

        for trial in range(1, trials + 1):
            try:
                first = room.start("resume")
                if room.dead(first):
                    failures.append(f"trial {trial}: the first resume exited: {room.output(first).strip()[-300:]}")
                    break
                state = room.settle(first)
                before = read(log)
                clock = time.monotonic()
                second = room.start("resume", ready=lambda _: True, keep_status=True)
                while not room.dead(second) and time.monotonic() - clock < 5:
                    time.sleep(0.05)
                elapsed = time.monotonic() - clock
                if room.dead(second):
                    status = room.status(second)
                    said = room.output(second)
                    verdict = f"exit {status} in {elapsed:.2f} s"
                    if status == 0 or status is None:
                        failures.append(f"trial {trial}: the second resume exited with status {status}")
                    if REFUSAL not in said:
                        lines = [line for line in said.splitlines() if line.strip()]
                        failures.append(f"trial {trial}: the second resume does not say '{REFUSAL}': {lines[-3:]}")
                else:
                    shown = where(room.screen(second))
                    verdict = f"still running after 5 s (▶ {shown[0]})"
                    failures.append(f"trial {trial}: the second resume started too and is still running after 5 s "
                                    f"(its screen shows ▶ {shown[0]}, like the first's ▶ {state[0]})")
                    os.killpg(room.pid(second), signal.SIGKILL)  # the shell and thinkenv
                    room.wait_for(second, lambda _: room.dead(second))
                after = read(log)
                if after == before:
                    wrote = "wrote nothing"
                elif after.startswith(before):
                    added = kinds(after[len(before):])
                    wrote = f"wrote {len(added)} line(s): {', '.join(added)}"
                    failures.append(f"trial {trial}: while it ran the log grew by {len(added)} line(s) "
                                    f"({', '.join(added)}), {added.count('opened')} of them 'opened'")
                else:
                    wrote = "rewrote the log"
                    failures.append(f"trial {trial}: while it ran the log was rewritten, not appended to")
                room.close(second)

                # The first still works, and records what it does.
                hand_ons = sum(1 for e in log_lines(log) if "handOn" in (e.get("action") or {}))
                room.keys(first, "Space")
                try:
                    moved = room.wait_for(first, lambda s: where(s)[:2] != state[:2], timeout=3)
                    now = where(moved)
                except SystemExit:
                    now = where(room.screen(first))
                    failures.append(f"trial {trial}: Space in the first did not move the screen (▶ {now[0]})")
                later = sum(1 for e in log_lines(log) if "handOn" in (e.get("action") or {}))
                if later != hand_ons + 1:
                    failures.append(f"trial {trial}: the log holds {later - hand_ons} new hand-on(s), not 1")
                room.leave(first)
                room.close(first)
                print(f"trial {trial:2d}: ▶ {state[0]}: second resume {verdict}, {wrote}; "
                      f"first: Space -> ▶ {now[0]}, {later - hand_ons} hand-on recorded")
            except SystemExit as error:  # a screen that never came
                failures.append(f"trial {trial}: {error}")
                break

        entries = log_lines(log)
        seqs = [entry.get("seq") for entry in entries]
        twice = sorted({seq for seq in seqs if seqs.count(seq) > 1})
        if twice:
            failures.append(f"{len(twice)} seq(s) appear more than once in the log: {twice[:12]}"
                            f"{' ...' if len(twice) > 12 else ''}")
        if seqs != list(range(1, len(seqs) + 1)):
            wrong = next(i for i, seq in enumerate(seqs) if seq != i + 1)
            failures.append(f"the seqs are not 1..{len(seqs)} in order: line {wrong + 2} has seq {seqs[wrong]}, "
                            f"expected {wrong + 1}")
        opened = sum(1 for e in entries if "opened" in (e.get("program") or {}))
        print(f"log: {len(entries)} events, {opened} 'opened' (1 start + {trials} resumes expected: {trials + 1})")
        if opened != trials + 1:
            failures.append(f"the log holds {opened} 'opened' lines, expected {trials + 1}")
    finally:
        room.stop()
    finish("two_writers", failures, started, ())


main()
