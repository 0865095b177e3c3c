#!/usr/bin/env python3
"""kill -9 between a key and its redraw: the log may be one action ahead of the screen,
never behind it.

usage: python3 Tests/faults/kill9_keys.py PATH/TO/thinkenv [--seed N] [--trials N]

A round of six people ("Ana, Zoë, 李, Ben, محمد, Fay"; a protocol of the user's own: one
round step, untimed, twenty rounds) runs in tmux. Each trial: the screen settles (the state
`before`), Space is pressed, and 0 to 20 ms later (seeded) the program is killed with
SIGKILL. The dead pane keeps the last screen the room saw (`shown`). `thinkenv resume` in a
new window must then show:
- `shown` itself, or
- when `shown` is still `before`, exactly one hand-on ahead of it (the next person in the
  order): the program records an action before it draws it, so a kill in between leaves the
  record one step ahead of the screen;
and never `before` once `shown` had moved on (behind the screen), nor two steps ahead.
At the end, `export latest --format csv` holds each hand-on once: the turns are numbered
without gaps or repeats, in the order of the people, and there are exactly as many as
hand-ons the resumed screens account for.
"""
import csv, io, os, random, signal, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room import Room, finish, home_with_protocol, where  # noqa: E402

PEOPLE = ["Ana", "Zoë", "李", "Ben", "محمد", "Fay"]
PROTOCOL = """name: Twenty rounds
summary: One round step of twenty rounds, for the kill -9 between key and redraw test.
steps:
  - kind: round
    title: Rounds
    rounds: 20
    components: [attention, equality]
"""


def next_thinker(name):
    return PEOPLE[(PEOPLE.index(name) + 1) % len(PEOPLE)] if name in PEOPLE else None


def main():
    binary = sys.argv[1]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 11
    trials = int(sys.argv[sys.argv.index("--trials") + 1]) if "--trials" in sys.argv else 30
    rng = random.Random(seed)
    home = home_with_protocol("thinkenv-kill9-keys-", "twenty-rounds", PROTOCOL)
    room = Room(binary, home)
    started = time.monotonic()
    failures = []
    outcomes = {"as shown": 0, "one ahead": 0}
    hand_ons = 0  # hand-ons the resumed screens account for
    try:
        target = room.start("run", "twenty-rounds", "--people", ", ".join(PEOPLE))
        room.keys(target, "Space")  # the step begins
        room.wait_for(target, lambda s: where(s)[0] is not None)  # its first thinker is shown
        for trial in range(1, trials + 1):
            before = room.settle(target)
            delay = rng.random() * 0.020
            room.keys(target, "Space")
            time.sleep(delay)
            os.kill(room.pid(target), signal.SIGKILL)
            room.wait_for(target, lambda _: room.dead(target))
            shown = where(room.screen(target))
            target = room.start("resume")
            after = room.settle(target)
            ahead = next_thinker(before[0])
            if shown[0] not in (before[0], ahead):
                failures.append(f"trial {trial}: the dead screen shows ▶ {shown[0]}, neither ▶ {before[0]} nor the next")
            if after[0] == shown[0]:
                outcomes["as shown"] += 1
                verdict = "as shown"
            elif shown[0] == before[0] and after[0] == ahead:
                outcomes["one ahead"] += 1
                verdict = "one ahead of the screen"
            else:
                verdict = "WRONG"
                failures.append(f"trial {trial}: before ▶ {before[0]}, shown ▶ {shown[0]}, resumed ▶ {after[0]}"
                                f" ({'behind the screen' if after[0] == before[0] else 'neither shown nor one ahead'})")
            if after[0] == ahead:
                hand_ons += 1
            print(f"trial {trial:2d}: kill {delay * 1000:4.1f} ms after Space: ▶ {before[0]} -> shown ▶ {shown[0]}"
                  f" -> resumed ▶ {after[0]} ({verdict})")
        room.leave(target)
        export = room.run("export", "latest", "--format", "csv", timeout=20)
        if export.returncode != 0:
            failures.append(f"export failed ({export.returncode}): {export.stderr.strip()}")
        else:
            rows = [row for row in csv.DictReader(io.StringIO(export.stdout)) if row["kind"] == "round"]
            done = [row for row in rows if row["ended_by"] != "stopped"]
            order = [row["person"] for row in rows]
            expected = [PEOPLE[i % len(PEOPLE)] for i in range(len(rows))]
            numbers = [(row["round"], row["turn"]) for row in rows]
            if order != expected:
                failures.append(f"the export's turns are not in the people's order: {order}")
            if len(set(numbers)) != len(numbers):
                failures.append("a turn appears twice in the export")
            if len(done) != hand_ons:
                failures.append(f"the export holds {len(done)} finished turns; the screens account for {hand_ons}")
            print(f"export: {len(rows)} turns ({len(done)} handed on, {len(rows) - len(done)} in progress)")
        print(f"outcomes: {outcomes['as shown']} resumed as shown, {outcomes['one ahead']} one action ahead")
    finally:
        room.stop()
    finish("kill9_keys", failures, started, ())


main()
