#!/usr/bin/env python3
"""A full disk in the middle of a session: nothing the screen showed may be lost or hidden.

usage: python3 Tests/faults/full_disk.py PATH/TO/thinkenv

Needs root (to mount a tmpfs); where none can be mounted it says "skipped: ..." and exits 0.
A 2 MiB tmpfs holds XDG_DATA_HOME (the session logs); HOME, where the fallback file goes,
stays on the normal disk. A round of six people (a protocol of the user's own: one round
step, two rounds, untimed) is begun in tmux and handed on twice; then a filler file takes
every byte of the tmpfs (and keeps taking whatever comes free, the heartbeat file's page
for one); then six more hand-ons, and `q` `y`.

What must hold:
- the screen goes on: each hand-on moves to the next thinker, and a warning is shown;
- after the quit the program does not say "The session is saved" while lines are missing
  from the log;
- the lines the log could not take are in `thinkenv-unsaved-<session>.jsonl` in HOME: JSON
  lines whose seqs go on from the log's last complete line, one by one;
- with the disk still full and before any resume, `export latest --format csv` lists all 8
  turns handed on (round 1: Ana..Fay; round 2: Ana, Ben), in order; Chloé's running turn may
  follow;
- the filler removed, `thinkenv resume` shows the 9th turn (▶ Chloé, round 2 of 2); left with
  `q` `y`, the fallback file is gone, the log holds every seq once, in order, 1..N, and the
  export still lists the 8 turns (and maybe the running one).
"""
import csv, io, os, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room import Room, finish, home_with_protocol, log_lines, where  # noqa: E402

PEOPLE = ["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay"]
PROTOCOL = """name: Two rounds
summary: One round step of two rounds, for the full-disk fault test.
steps:
  - kind: round
    title: Rounds
    rounds: 2
    components: [attention, equality]
"""
HANDED_ON = [("1", p) for p in PEOPLE] + [("2", "Ana"), ("2", "Ben")]
RUNNING = ("2", "Chloé")
SAVED = "The session is saved"


class Filler:
    """A file that takes all the free space of a file system, and goes on taking whatever
    comes free until it is removed."""

    def __init__(self, path):
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self.stopped = threading.Event()
        self.fill()
        self.thread = threading.Thread(target=self.keep_full, daemon=True)
        self.thread.start()

    def fill(self):
        for size in (1 << 20, 1 << 16, 4096, 512, 64, 1):
            chunk = b"\0" * size
            while not self.stopped.is_set():
                try:
                    os.write(self.fd, chunk)
                except OSError:
                    break

    def keep_full(self):
        while not self.stopped.wait(0.01):
            self.fill()

    def remove(self):
        self.stopped.set()
        self.thread.join()
        os.close(self.fd)
        os.unlink(self.path)


def turns(room):
    """The export's rows as (round, person) of kind round, or an error."""
    result = room.run("export", "latest", "--format", "csv", timeout=20)
    if result.returncode != 0:
        return None, f"export failed ({result.returncode}): {result.stderr.strip()}"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    return [(row["round"], row["person"]) for row in rows if row["kind"] == "round"], None


def check_turns(label, rows, error, failures):
    if error:
        failures.append(f"{label}: {error}")
        return
    ok = rows == HANDED_ON or rows == HANDED_ON + [RUNNING]
    print(f"{label}: {len(rows)} turn(s): " + ", ".join(f"{p} (r{r})" for r, p in rows))
    if not ok:
        missing = [f"{p} (round {r})" for r, p in HANDED_ON if (r, p) not in rows]
        failures.append(f"{label}: lists {len(rows)} turns, not the 8 handed on"
                        + (f"; missing {', '.join(missing)}" if missing else f": {rows}"))


def check_seqs(label, seqs, failures):
    if seqs != list(range(1, len(seqs) + 1)):
        twice = sorted({s for s in seqs if seqs.count(s) > 1})
        gaps = sorted(set(range(1, max(seqs, default=0) + 1)) - set(seqs))
        failures.append(f"{label}: the seqs are not 1..{len(seqs)} once each in order"
                        f" (twice: {twice[:10]}, missing: {gaps[:10]})")


def fallbacks(home, session):
    return sorted(f"{home}/{n}" for n in os.listdir(home)
                  if n.startswith(f"thinkenv-unsaved-{session}") and n.endswith(".jsonl"))



def main():
    binary = sys.argv[1]
    started = time.monotonic()
    disk = tempfile.mkdtemp(prefix="thinkenv-full-disk-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", disk],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        os.rmdir(disk)
        reason = mounted.stderr.strip() or f"mount exited with {mounted.returncode}"
        print(f"full_disk: skipped: cannot mount a tmpfs here ({reason})")
        sys.exit(0)
    home = home_with_protocol("thinkenv-full-disk-home-", "two-rounds", PROTOCOL)
    room = Room(binary, home, data_home=f"{disk}/data")
    failures = []
    filler = None
    try:
        target = room.start("run", "two-rounds", "--people", ", ".join(PEOPLE), "--question", "What is going well?")
        room.keys(target, "Space")  # the step begins
        room.settle(target)
        for _ in range(2):
            room.keys(target, "Space")
            room.settle(target)
        log = room.logs()[0]
        session = os.path.basename(log)[: -len(".jsonl")]
        in_log = len(log_lines(log))

        filler = Filler(f"{disk}/filler")
        free = os.statvfs(disk)
        print(f"disk full: {free.f_bavail * free.f_frsize} bytes free; the log holds {in_log} events")
        expected = [p for _, p in HANDED_ON[3:]] + [RUNNING[1]]  # after Chloé: Dev .. Ben, then Chloé
        for thinker in expected:
            before = where(room.screen(target))
            room.keys(target, "Space")
            try:
                now = where(room.wait_for(target, lambda s: where(s)[:2] != before[:2], timeout=3))
            except SystemExit:
                now = where(room.screen(target))
            if now[0] != thinker:
                failures.append(f"disk full: after a hand-on from ▶ {before[0]} the screen shows ▶ {now[0]}, "
                                f"not {thinker}")
        screen = room.screen(target)
        warning = next((line.strip() for line in screen.splitlines() if "⚠" in line or "cannot write" in line), None)
        print(f"disk full: 6 hand-ons, the screen shows ▶ {where(screen)[0]} {where(screen)[1]}; warning: {warning}")
        if warning is None:
            failures.append("disk full: no warning on the screen")
        said = room.leave(target)
        after_lines = [line.strip() for line in said.splitlines() if line.strip()]
        print("after the quit: " + " / ".join(after_lines[-4:]))

        log_seqs = [e.get("seq") for e in log_lines(log)]
        kept = fallbacks(home, session)
        print(f"log: {len(log_seqs)} complete events (seq {log_seqs[:1]}..{log_seqs[-1:]}); "
              f"fallback: {[os.path.basename(k) for k in kept]}")
        if SAVED in said and kept:
            failures.append(f"after the quit the program says '{SAVED}' while lines are missing from the log")
        if len(kept) != 1:
            failures.append(f"expected one fallback file thinkenv-unsaved-{session}.jsonl in HOME, found {kept}")
        else:
            extra = log_lines(kept[0], header=True)
            seqs = [e.get("seq") for e in extra]
            print(f"fallback: {len(extra)} events, seq {seqs[:1]}..{seqs[-1:]}")
            start = (log_seqs[-1] if log_seqs else 0) + 1
            if not extra or seqs != list(range(start, start + len(seqs))):
                failures.append(f"the fallback's seqs {seqs} do not go on from the log's last seq {start - 1}")
            if not any("handOn" in (e.get("action") or {}) for e in extra):
                failures.append("the fallback holds no hand-on")

        rows, error = turns(room)
        check_turns("export, disk full, before resume", rows, error, failures)

        filler.remove()
        filler = None
        target = room.start("resume")
        shown = room.settle(target)
        print(f"resumed: ▶ {shown[0]} {shown[1]}")
        if (shown[0], shown[1]) != (RUNNING[1], "Round 2 of 2"):
            failures.append(f"resume shows ▶ {shown[0]} ({shown[1]}), not the 9th turn: ▶ Chloé (Round 2 of 2)")
        room.leave(target)
        left = fallbacks(home, session)
        if left:
            failures.append(f"after resume the fallback file is still there: {[os.path.basename(k) for k in left]}")
        seqs = [e.get("seq") for e in log_lines(log)]
        print(f"log after resume: {len(seqs)} events")
        check_seqs("log after resume", seqs, failures)
        rows, error = turns(room)
        check_turns("export after resume", rows, error, failures)
    finally:
        if filler:
            filler.remove()
        room.stop()
        for attempt in range(50):  # the tmux server may take a moment to go
            if subprocess.run(["umount", disk], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            subprocess.run(["umount", "-l", disk])
        os.rmdir(disk)
    finish("full_disk", failures, started, ())


main()
