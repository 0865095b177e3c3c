#!/usr/bin/env python3
"""kill -9 at 20 random moments of a scripted session driven in tmux.

usage: python3 Tests/faults/kill9.py PATH/TO/thinkenv [--seed N] [--kills N]

A session of six rounds of six people runs in a tmux server of its own (`tmux -L`), with
its own HOME and XDG directories. Keys come from a seeded script (Space: hand on, p: pass,
u: undo, z: pause and resume). At 20 random moments the program is killed with SIGKILL,
after the screen has settled and a random part of a second more; the pane stays (remain-on-
exit), so its last screen is what the room saw. `thinkenv resume` in a new pane must show
the same thinker (the order strip's `▶ name`) and the same step and round. At the end,
`thinkenv export latest --format csv` must hold every turn once: each person once in each
round, and once more only after a pass.
"""
import csv, io, os, random, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room import Room, finish, home_with_protocol, where  # noqa: E402

PEOPLE = ["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay"]
PROTOCOL = """name: Six rounds
summary: Six rounds, for the kill -9 fault test.
steps:
  - kind: round
    title: Rounds
    turn: 1m
    rounds: 6
    components: [attention, equality]
"""


def check_csv(text):
    rows = list(csv.DictReader(io.StringIO(text)))
    problems = []
    seen = {}
    for row in rows:
        key = (row["step"], row["round"], row["person"])
        seen.setdefault(key, []).append(row)
    for round_ in {row["round"] for row in rows}:
        for person in PEOPLE:
            turns = seen.get(("1", round_, person), [])
            if not turns:
                problems.append(f"round {round_}: no turn for {person}")
            elif len(turns) > 2 or (len(turns) == 2 and turns[0]["passed"] != "true"):
                problems.append(f"round {round_}: {person} has {len(turns)} turns: {turns}")
    turn_numbers = [(row["step"], row["round"], row["turn"]) for row in rows]
    if len(set(turn_numbers)) != len(turn_numbers):
        problems.append("a turn number appears twice")
    return len(rows), problems


def main():
    binary = sys.argv[1]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 8
    kills = int(sys.argv[sys.argv.index("--kills") + 1]) if "--kills" in sys.argv else 20
    rng = random.Random(seed)
    home = home_with_protocol("thinkenv-kill9-", "three-rounds", PROTOCOL)
    room = Room(binary, home)
    started = time.monotonic()
    failures = []
    try:
        target = room.start("run", "three-rounds", "--people", ", ".join(PEOPLE))
        room.keys(target, "Space")  # the step begins
        done_kills = 0
        presses = 0
        while done_kills < kills:
            if presses > 400:
                failures.append("the session ended before all the kills")
                break
            key = rng.choice(["Space"] * 5 + ["p", "u", "z"])
            room.keys(target, key)
            if key == "z":
                time.sleep(0.1)
                room.keys(target, "z")
            presses += 1
            if "Every step is done" in room.screen(target):
                failures.append("the session ended before all the kills")
                break
            if rng.random() < 0.5:
                continue
            room.settle(target)
            time.sleep(rng.random() * 1.2)  # somewhere in a running second
            before = where(room.screen(target))
            os.kill(room.pid(target), signal.SIGKILL)
            room.wait_for(target, lambda _: room.dead(target))
            shown = where(room.screen(target))  # the dead pane keeps the last screen
            done_kills += 1
            target = room.start("resume")
            after = room.settle(target)
            if after != before or shown[0] != before[0]:
                failures.append(f"kill {done_kills}: on screen {shown} (captured {before}), after resume {after}")
            print(f"kill {done_kills:2d}: {shown[0] or '-':6s} {before[1] or '':14s} -> resumed {after[0] or '-'} {after[1] or ''}")
        # Finish the session: hand on until every step is done, then leave.
        for _ in range(60):
            if "Every step is done" in room.screen(target) or room.dead(target):
                break
            room.keys(target, "Space")
            time.sleep(0.08)
        room.keys(target, "q")
        time.sleep(0.3)
        room.keys(target, "y")
        time.sleep(0.5)
        export = subprocess.run([binary, "export", "latest", "--format", "csv"], capture_output=True, text=True,
                                env={**os.environ, **room.env})
        if export.returncode != 0:
            failures.append(f"export failed: {export.stderr}")
        else:
            count, problems = check_csv(export.stdout)
            if problems:
                print(export.stdout)
            failures += problems
            print(f"transcript: {count} turns")
    finally:
        room.stop()
    finish("kill9", failures, started, ())


main()
