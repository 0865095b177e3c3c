#!/usr/bin/env python3
"""End-to-end tests: the real thinkenv binary driven in tmux, its screen read with
capture-pane and its session log read back.

    python3 Tests/e2e/run.py [BINARY] [-k NAME]

BINARY defaults to .build/debug/thinkenv. Prints `ok  name` or `FAIL name: why` per
scenario, then `N passed, M failed`; exits 0 only if every scenario passed.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Failure, Sandbox, check, excerpt, read_clock  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

SCENARIOS = []


def scenario(fn):
    SCENARIOS.append(fn)
    return fn


def line_with(screen, text):
    for line in screen.splitlines():
        if text in line:
            return line
    return ""


def drawn_at(x, y):
    """Whether the screen was drawn for x×y: y rows, and the header's right-aligned
    step counter ends at the right edge (a screen drawn for another width, which tmux
    only crops or wraps, fails this)."""
    def holds(s):
        lines = s.splitlines()
        return len(lines) == y and lines[0].rstrip().endswith("Step 1 of 1") and (
            x - 2 <= len(lines[0].rstrip()) <= x)
    return holds


def banner_shown(screen):
    """Whether the thinker's name is drawn in block letters (half blocks at 80x24; the big
    clock at that size uses full blocks only)."""
    return any("▀" in line or "▄" in line for line in screen.splitlines()[:14])


def thinking(sb, name):
    """A predicate on the screen: `name` is the one thinking or speaking. A name drawn as
    text is read off the screen; one drawn in block letters is checked against the log
    (the last turn started, which is written before the screen shows it)."""
    def test(screen):
        if centred_name(screen, name):
            return True
        if not banner_shown(screen):
            return False
        log = sb.the_log()
        names = log.people + [p["name"] for p in log.facts("personJoined")]
        started = log.facts("turnStarted")
        return bool(started) and names[started[-1]["person"]] == name
    return test


def centred_name(screen, name):
    """Whether `name` stands alone on a line (the person thinking, drawn large)."""
    return any(line.strip() == name for line in screen.splitlines())


def centred_name_line(screen, name):
    return centred_name(screen, name)


def thinker(screen):
    """The name after ▶ in the order strip, or None."""
    m = re.search(r"▶ (\S+(?: \S+)?)(?:   |$)", screen, re.M)
    return m.group(1).strip() if m else None


def finish_and_check_exit(sb, pane):
    """From the summary, q ends the session for good; the program says so and exits 0."""
    sb.keys(pane, "q")
    status = sb.wait_exit(pane)
    check(status == 0, f"exit status {status} after finishing")
    after = sb.everything(pane)
    check("The session has finished. Its transcript:" in after,
          f"no 'session has finished' message:{excerpt(after)}")


# MARK: - 1. a round: pass, hand on, undo, resize, pass offered again

@scenario
def round_pass_undo_resize(binary):
    with Sandbox(binary, "round") as sb:
        q = "What is going well?"
        p = sb.start("run", "round", "--people", "Ana, Zoë 李, Ben", "--question", q,
                     "--turn", "1m")
        s = sb.wait_for(p, "Space begins", q, "Ana starts")
        check("next: Ana" in s, "the order strip names Ana next")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana", "next: Zoë 李")
        sb.keys(p, "p")
        sb.wait_for(p, "– Ana (passed)", "▶ Zoë 李", "next: Ben")
        sb.keys(p, "Space")
        sb.wait_for(p, "✓ Zoë 李", "▶ Ben")
        sb.keys(p, "u")
        s = sb.wait_for(p, "▶ Zoë 李", "next: Ben", absent=["✓ Zoë 李"],
                        what="Zoë 李 thinking again after undo")
        check("– Ana (passed)" in s, "Ana's pass survives the undo")

        for x, y in ((120, 40), (80, 24)):
            sb.resize(p, x, y)
            s = sb.wait_for(
                p, drawn_at(x, y), "▶ Zoë 李", q, "finished",
                what=f"a {x}x{y} screen with Zoë 李 thinking")
            check("Make this window larger" not in s, f"{x}x{y} is said to be too small")
            wide = [l for l in s.splitlines() if len(l.rstrip()) > x]
            check(not wide, f"lines wider than {x}: {wide}")
            check(read_clock(s) is not None, f"no clock at {x}x{y}:{excerpt(s)}")

        sb.resize(p, 30, 10)
        sb.wait_for(p, "Make this window larger", lambda s: len(s.splitlines()) == 10)
        sb.resize(p, 80, 24)
        sb.wait_for(p, drawn_at(80, 24), "▶ Zoë 李", q, "Space: finished",
                    absent=["Make this window larger"], what="80x24 again after 30x10")

        sb.keys(p, "Space")
        sb.wait_for(p, "✓ Zoë 李", "▶ Ben")
        sb.keys(p, "Space")
        s = sb.wait_for(p, "Offered again", "▶ Ana")
        sb.keys(p, "Space")
        # The room reads "Thank you"; the facilitator asks for the figures with t.
        s = sb.wait_for(p, "Every step is done", "Thank you", "The session took")
        check("Share" not in s, f"the figures are shown to the room unasked:{excerpt(s)}")
        sb.keys(p, "t")
        # Every row whole (a capture can catch the table half drawn).
        s = sb.wait_for(p, "Every step is done", "Name", "Turns", "Passes", "Share", lambda s: all(
            len(line_with(s, name).split()) >= 5 for name in ("Ana", "Ben")), what="the whole table")
        ana = line_with(s, "Ana").split()
        check(ana[1:3] == ["1", "1"], f"Ana's summary row (1 turn, 1 pass): {ana}")
        for name in ("Zoë 李", "Ben"):
            row = line_with(s, name).replace(name, "").split()
            check(row[:2] == ["1", "0"], f"{name}'s summary row (1 turn, 0 passes): {row}:{excerpt(s)}")
        finish_and_check_exit(sb, p)

        log = sb.the_log()
        check(log.people == ["Ana", "Zoë 李", "Ben"], f"plan.people {log.people}")
        check(log.header["plan"].get("question") == q, "plan.question")
        acts = log.actions()
        check(acts == ["begin", "pass", "handOn", "undo", "handOn", "handOn", "handOn",
                       "finish"], f"actions {acts}")
        turns = [(t["person"], t["passed"], t["secondOffer"]) for t in log.turns()]
        check(turns == [(0, True, False), (1, False, False), (2, False, False),
                        (0, False, True)], f"turns that stand {turns}")
        check(all(t["endedBy"] == "thinker" for t in log.turns()), "endedBy thinker")
        undone = log.facts("undone")
        check(len(undone) == 1 and undone[0]["person"] == 1, f"undone facts {undone}")
        names = log.fact_names()
        check(names[-1] == "sessionFinished", f"last fact {names[-1]}")
        check("protocolCompleted" in names, "protocolCompleted fact")


# MARK: - 2. thinking pairs reach their time and swap by themselves

def pairs(binary, tag, people, turns):
    with Sandbox(binary, tag) as sb:
        p = sb.start("run", "thinking-pairs", "--people", ", ".join(people),
                     "--turn", "3s")
        # The pairs are shown before the clock runs; Space starts it.
        sb.wait_for(p, "Space starts the clock", "3s each way")
        sb.keys(p, "Space")
        for i, lines in enumerate(turns):
            s = sb.wait_for(p, f"Turn {i + 1} of {len(turns)}", *lines, timeout=6)
            check(read_clock(s) is not None, f"no shared clock:{excerpt(s)}")
        sb.wait_for(p, "Every step is done", timeout=6)
        sb.keys(p, "t")
        # Every row whole (a capture can catch the table half drawn).
        s = sb.wait_for(p, "Every step is done", "Share", lambda s: all(
            len(line_with(s, f" {name} ").split()) >= 5 for name in people), what="the whole table")
        for name in people:
            row = line_with(s, f" {name} ").split()
            check(row[1:3] == ["1", "0"], f"{name}'s summary row: {row}")
        finish_and_check_exit(sb, p)

        log = sb.the_log()
        check(log.people == people, f"plan.people {log.people}")
        check("swapEarly" not in log.actions(), "an early swap was logged")
        records = log.turns()
        check(sorted(r["person"] for r in records) == list(range(len(people))),
              f"everyone thinks once: {[r['person'] for r in records]}")
        for r in records:
            check(r["endedBy"] == "time", f"a pair turn ended by {r['endedBy']}")
            check(r["allotted"] == 3, f"allotted {r['allotted']}")
            check(r["endedAt"] - r["startedAt"] >= 2.9, f"a turn cut short: {r}")
            check(not r["passed"], "a pair turn passed")
        check(log.fact_names()[-1] == "sessionFinished", "sessionFinished last")


@scenario
def pairs_swap_at_time(binary):
    pairs(binary, "pairs", ["Ana", "Ben", "Cy", "Di"], [
        ["Ana thinks · Ben listens", "Cy thinks · Di listens"],
        ["Ben thinks · Ana listens", "Di thinks · Cy listens"],
    ])


@scenario
def pairs_odd_group_trio(binary):
    pairs(binary, "trio", ["Ana", "Ben", "Cy", "Di", "Ed"], [
        ["Ana thinks · Ben listens", "Cy thinks · Di, Ed listen"],
        ["Ben thinks · Ana listens", "Di thinks · Cy, Ed listen"],
        ["Ana & Ben: resting", "Ed thinks · Cy, Di listen"],
    ])


# MARK: - 3. a council, from the Presenter's turn to the appreciation

@scenario
def council_to_appreciation(binary):
    with Sandbox(binary, "council") as sb:
        people = ["Ana", "Ben", "Cy", "Di"]
        members = {"Ana", "Ben", "Di"}
        question = "What would help us share the work?"
        p = sb.start("run", "council", "--people", ", ".join(people), "--presenter",
                     "Cy", "--turn", "1m")
        sb.wait_for(p, "The Presenter thinks aloud", "Presenter: Cy", "Space begins")
        sb.keys(p, "Space")
        s = sb.wait_for(p, "Presenter", "Space: finished")
        check(thinking(sb, "Cy")(s), "Cy thinks aloud first")
        sb.keys(p, "Space")
        sb.wait_for(p, "The Presenter's question", "Enter saves it")
        sb.type(p, question)
        sb.wait_for(p, question)
        sb.keys(p, "Enter")

        def members_round(title, step):
            s = sb.wait_for(p, title, f"Step {step} of 9", "Space begins")
            check(question in s, f"the question is not shown on '{title}'")
            check("Cy" not in line_with(s, "next:"), f"Cy in the order: {s}")
            sb.keys(p, "Space")
            seen = []
            for _ in members:
                s = sb.wait_for(p, lambda s: thinker(s) not in (None, *seen),
                                what=f"a new thinker in {title}")
                who = thinker(s)
                check(who in members, f"{who!r} thinks in {title}")
                check(question in s, f"the question is gone in {title}")
                seen.append(who)
                sb.keys(p, "Space")
            return seen

        def presenter_again(step):
            sb.wait_for(p, "freshest", f"Step {step} of 9", "Space begins")
            sb.keys(p, "Space")
            s = sb.wait_for(p, "Space: finished", thinking(sb, "Cy"), what="Cy thinking")
            check(question in s, "the question is gone in the freshest thinking")
            sb.keys(p, "Space")

        for r in range(3):
            order = members_round(f"Council round {r + 1} of 3", 3 + 2 * r)
            check(sorted(order) == sorted(members), f"round {r + 1} order {order}")
            presenter_again(4 + 2 * r)
        sb.wait_for(p, "Step 9 of 9", "Space begins")
        s = sb.screen(p)
        check("Appreciation of the Presen" in s, f"no appreciation step:{excerpt(s)}")
        members_round("Appreciation of the Presen", 9)
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)

        log = sb.the_log()
        check(log.people == people, f"plan.people {log.people}")
        cy = people.index("Cy")
        check(question in open(log.path, encoding="utf-8").read(),
              "the framed question is not in the log")
        by_step = {}
        for t in log.turns():
            by_step.setdefault(t["step"], []).append(t["person"])
        check(by_step.get(0) == [cy], f"step 1 is the Presenter's: {by_step.get(0)}")
        for step in (2, 4, 6, 8):
            check(sorted(by_step.get(step, [])) == sorted(
                people.index(m) for m in members), f"step {step + 1}: {by_step.get(step)}")
        for step in (3, 5, 7):
            check(by_step.get(step) == [cy], f"step {step + 1}: {by_step.get(step)}")
        check(log.fact_names()[-1] == "sessionFinished", "sessionFinished last")

        # The Presenter's record: their question and the rounds, no figures, readable by the owner only.
        record = os.path.join(sb.root, "for-cy.md")
        out = subprocess.run([binary, "export", "latest", "--for-presenter", "--output", record],
                             env=sb.env, capture_output=True, text=True)
        check(out.returncode == 0, f"export --for-presenter: {out.stderr}")
        check(os.stat(record).st_mode & 0o777 == 0o600, "the Presenter's record is not 0600")
        text = open(record, encoding="utf-8").read()
        check(text.startswith(f"# For Cy · {question} · "), f"the record's title: {text[:120]}")
        for part in ("## Your question", "## Council round 1 of 3", "## Appreciation of the Presenter"):
            check(part in text, f"{part!r} not in the record:{text[:400]}")
        check("Share" not in text and "Spread" not in text, "figures in the Presenter's record")


# MARK: - 4. quit and resume

@scenario
def quit_and_resume(binary):
    with Sandbox(binary, "resume") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben, Cy", "--turn", "1m")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "Space")
        sb.wait_for(p, "✓ Ana", "▶ Ben")
        sb.keys(p, "q")
        sb.wait_for(p, "End the session? It can be resumed.")
        sb.keys(p, "y")
        status = sb.wait_exit(p)
        check(status == 0, f"exit status {status} after q y")
        name = sb.the_log().name
        after = sb.everything(p)
        check("The session is saved. To take it up again:" in after,
              f"no 'session is saved':{excerpt(after)}")
        check(f"thinkenv resume {name}" in after, f"no 'thinkenv resume {name}'")

        p2 = sb.new_window("resume")
        s = sb.wait_for(p2, "▶ Ben", "✓ Ana", what="Ben thinking again after resume")
        sb.keys(p2, "Space")
        sb.wait_for(p2, "▶ Cy")
        sb.keys(p2, "Space")
        sb.wait_for(p2, "Every step is done")
        finish_and_check_exit(sb, p2)

        log = sb.the_log()
        check(log.name == name, "resume made a new log")
        acts = log.actions()
        check("recover" in acts, f"no recover action: {acts}")
        check(log.facts("downtime"), f"no downtime fact: {log.fact_names()}")
        turns = [t["person"] for t in log.turns()]
        check(turns == [0, 1, 2], f"turns {turns}")
        check(log.fact_names()[-1] == "sessionFinished", "sessionFinished last")


@scenario
def ctrl_c_asks_first(binary):
    with Sandbox(binary, "ctrlc") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben", "--turn", "1m")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "C-c")
        sb.wait_for(p, "End the session? It can be resumed.")
        sb.keys(p, "Escape")
        sb.wait_for(p, "▶ Ana", "next: Ben", absent=["End the session?"])
        sb.keys(p, "C-c")
        sb.wait_for(p, "End the session? It can be resumed.")
        sb.keys(p, "y")
        status = sb.wait_exit(p)
        check(status == 0, f"exit status {status} after C-c y")
        after = sb.everything(p)
        check("The session is saved. To take it up again:" in after,
              f"no 'session is saved':{excerpt(after)}")
        log = sb.the_log()
        check(log.actions() == ["begin"], f"actions {log.actions()}")
        check("sessionFinished" not in log.fact_names(), "C-c finished the session")
        check(log.turns() == [], f"a turn ended: {log.turns()}")


# MARK: - 5. kill -9 in the middle of a turn, then resume

@scenario
def kill9_mid_turn_resume(binary):
    with Sandbox(binary, "kill9") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben", "--turn", "1m")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ben")
        s = sb.wait_for(p, lambda s: (read_clock(s) or 60) <= 56, timeout=8,
                        what="Ben's clock at 0:56 or less")
        before = read_clock(s)
        sb.kill9(p)
        status = sb.wait_exit(p)
        check(status == 128 + 9, f"exit status {status} after SIGKILL")

        p2 = sb.new_window("resume")
        s = sb.wait_for(p2, "▶ Ben", "✓ Ana", lambda s: read_clock(s) is not None)
        after = read_clock(s)
        # The clock counts down: not reset means it reads no more than before (+1 s).
        check(after <= before + 1, f"clock went from {before}s left to {after}s left")
        sb.keys(p2, "Space")
        sb.wait_for(p2, "Every step is done")
        finish_and_check_exit(sb, p2)

        log = sb.the_log()
        check("recover" in log.actions(), f"no recover action: {log.actions()}")
        check(log.facts("downtime"), f"no downtime fact: {log.fact_names()}")
        ben = [t for t in log.turns() if t["person"] == 1]
        check(len(ben) == 1, f"Ben's turns {ben}")
        check(ben[0]["endedAt"] - ben[0]["startedAt"] >= 60 - before - 1,
              f"Ben's turn lost time over the kill: {ben[0]}; clock {before}s left "
              f"before, {after}s after; log:\n{open(log.path).read()}")
        started = [f for f in log.facts("turnStarted") if f["person"] == 1]
        check(len(started) == 1, f"Ben's turn started anew on resume: {started}")


# MARK: - 6. no terminal

@scenario
def no_terminal(binary):
    with Sandbox(binary, "noterm") as sb:
        proc = subprocess.run(
            [sb.binary, "run", "round", "--people", "A,B"], stdin=subprocess.DEVNULL,
            capture_output=True, text=True, env=sb.env, timeout=10)
        check(proc.returncode == 2, f"exit {proc.returncode}, expected 2")
        err = proc.stderr.strip()
        check(err and len(err.splitlines()) == 1, f"stderr is not one line: {err!r}")
        check("terminal" in err, f"stderr does not mention a terminal: {err!r}")
        check(proc.stdout == "", f"stdout: {proc.stdout!r}")
        check(sb.log_files() == [], f"a session file was created: {sb.log_files()}")


@scenario
def term_dumb(binary):
    with Sandbox(binary, "dumb") as sb:
        p = sb.start("run", "round", "--people", "A,B", env={"TERM": "dumb"})
        status = sb.wait_exit(p)
        check(status == 2, f"exit {status} with TERM=dumb, expected 2")
        out = sb.everything(p)
        check("terminal" in out, f"no message about the terminal:{excerpt(out)}")
        check(sb.log_files() == [], f"a session file was created: {sb.log_files()}")


# MARK: - 7. a hostile name

@scenario
def hostile_name(binary):
    with Sandbox(binary, "hostile") as sb:
        p = sb.start("run", "round", "--people", "Ana\x1b[2J,Ben", "--question", "Q?")
        s = sb.wait_for(p, "Space begins", "Ana␛[2J")
        check(s.splitlines()[0].strip().startswith("Round"), "the header is gone")
        sb.keys(p, "Space")
        s = sb.wait_for(p, "▶ Ana␛[2J", "next: Ben")
        # The thinker's name is drawn big (the escape as its visible sign ␛), or as text where
        # no font can be loaded.
        check(any(l.strip() == "Ana␛[2J" for l in s.splitlines()) or banner_shown(s),
              f"the thinker line:{excerpt(s)}")
        check(s.splitlines()[0].strip().startswith("Round"), "the header is gone")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ben")
        sb.keys(p, "Space")
        sb.wait_for(p, "Every step is done")
        sb.keys(p, "t")
        s = sb.wait_for(p, "Every step is done", "Share")
        check("Ana␛[2J" in s, "the summary shows the name visibly")
        finish_and_check_exit(sb, p)
        log = sb.the_log()  # also checks no raw ESC byte is in the file
        check(log.people == ["Ana\x1b[2J", "Ben"], f"plan.people {log.people!r}")


# MARK: - 8. protocols check

@scenario
def protocols_check(binary):
    with Sandbox(binary, "check") as sb:
        shipped = sorted(glob.glob(os.path.join(REPO, "Protocols", "*.yaml")))
        names = {os.path.basename(path) for path in shipped}
        check({"round.yaml", "thinking-pairs.yaml", "council.yaml"} <= names, f"shipped protocols {shipped}")
        proc = subprocess.run([sb.binary, "protocols", "check", *shipped],
                              capture_output=True, text=True, env=sb.env, timeout=10)
        check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
        for f in shipped:
            check(f"{f}: ok" in proc.stdout, f"no '{f}: ok' in {proc.stdout!r}")

        bad = os.path.join(sb.root, "broken.yaml")
        with open(os.path.join(REPO, "Protocols", "round.yaml")) as f:
            text = f.read()
        check("  - kind: round\n" in text, "round.yaml has no '  - kind: round' line")
        line = text[: text.index("  - kind: round\n")].count("\n") + 1
        with open(bad, "w") as f:
            f.write(text.replace("  - kind: round\n", "  - kind: roundabout\n"))
        proc = subprocess.run([sb.binary, "protocols", "check", bad],
                              capture_output=True, text=True, env=sb.env, timeout=10)
        out = proc.stdout + proc.stderr
        check(proc.returncode == 1, f"exit {proc.returncode} on a broken file: {out!r}")
        m = re.search(re.escape(bad) + r":(\d+):(\d+): ", out)
        check(m, f"no FILE:LINE:COLUMN: in {out!r}")
        check(int(m.group(1)) == line, f"line {m.group(1)}, expected {line}")
        check("roundabout" in out, f"the message does not quote the value: {out!r}")


# MARK: - 9. settings, and help that reads well

@scenario
def settings_and_help(binary):
    with Sandbox(binary, "settings") as sb:
        def run(*args):
            proc = subprocess.run([sb.binary, *args], capture_output=True, text=True, env=sb.env, timeout=10)
            return proc.returncode, proc.stdout, proc.stderr
        code, out, _ = run("protocols", "show", "council")
        check(code == 0 and out.endswith("\n"), f"protocols show council ends without a newline: {out[-40:]!r}")
        code, out, _ = run("display", "--help")
        lonely = [line for line in out.splitlines() if re.fullmatch(r"[a-z`]+", line.strip() or "-")]
        check(code == 0 and not lonely, f"display --help breaks lines oddly: {lonely!r}")
        code, out, _ = run("settings")
        check(code == 0 and "every setting is built in" in out, f"settings without a file: {out!r}")
        path = os.path.join(sb.config, "thinkenv", "settings.yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("theme: mono\nturn: 2m\n")
        code, out, _ = run("settings")
        check(re.search(r"^turn\s+2m\s+settings\.yaml:2$", out, re.M), f"settings: {out!r}")
        with open(path, "w") as f:
            f.write("theme: mono\nturn: 90\n")
        code, out, err = run("run", "round", "--people", "Ana, Ben")
        check(code == 1 and f"{path}:2:7: turn is a bare number" in err, f"run on a broken file: {code} {err!r}")
        code, out, err = run("settings", "check")
        check(code == 1 and f"{path}:2:7:" in err, f"settings check: {code} {err!r}")
        os.remove(path)
        # The locale chooses the language where no flag or setting does.
        env = dict(sb.env, LANG="de_DE.UTF-8", LC_ALL="")
        proc = subprocess.run([sb.binary, "components"], capture_output=True, text=True, env=env, timeout=10)
        check(proc.stdout.startswith("Aufmerksamkeit"), f"components in German: {proc.stdout[:60]!r}")
        code, out, _ = run("components", "--language", "fr")
        check(out.startswith("Attention") and "Égalité" in out, f"components --language fr: {out[:80]!r}")
        code, out, err = run("components", "--language", "tlh")
        check(code == 64 and "No language 'tlh'" in err, f"an unknown language: {code} {err!r}")


@scenario
def delete_by_person(binary):
    """delete --person takes every session with that person in it, asks first, and says why
    when the name fits nobody."""
    with Sandbox(binary, "delete") as sb:
        for people in ("Zoë, Ana", "Ben, Chloé"):
            p = sb.start("run", "round", "--people", people, "--turn", "1m")
            sb.wait_for(p, "Space begins")
            sb.keys(p, "q")
            sb.wait_for(p, "End the session? It can be resumed.")
            sb.keys(p, "y")
            check(sb.wait_exit(p) == 0, f"quitting the session of {people}")
            time.sleep(1.1)  # a new second, a new session file

        def run(*args, answer=None):
            proc = subprocess.run([sb.binary, *args], capture_output=True, text=True, env=sb.env, timeout=10,
                                  input=answer)
            return proc.returncode, proc.stdout, proc.stderr
        code, out, _ = run("delete", "--person", "zoe", answer="n\n")
        check(code == 0 and "Zoë, Ana" in out and "Delete this session with Zoë?" in out
              and "Nothing was deleted." in out, f"delete --person, declined: {code} {out!r}")
        code, out, err = run("delete", "--person", "nobody", "--yes")
        check(code == 1 and "Nobody called \"nobody\" in 2 session(s)" in err, f"nobody: {code} {err!r}")
        code, out, err = run("delete", "latest", "--person", "zoe")
        check(code == 64 and "one of them" in err, f"both a session and a person: {code} {err!r}")
        code, out, _ = run("delete", "--person", "ZOE", "--yes")
        check(code == 0 and out.count("Deleted ") == 1, f"delete --person --yes: {code} {out!r}")
        code, out, _ = run("sessions")
        check("Ben, Chloé" in out and "Zoë" not in out, f"what is left: {out!r}")
        # A copy of a log elsewhere is the user's own file: delete names the store's sessions only.
        name = out.strip().splitlines()[-1].rsplit("[", 1)[-1].rstrip("]")
        copy = os.path.join(sb.root, "copy.jsonl")
        shutil.copy(os.path.join(sb.data, "thinkenv", "sessions", name + ".jsonl"), copy)
        os.chmod(copy, 0o600)
        code, out, err = run("delete", copy, "--yes")
        check(code == 1 and "is not in the sessions folder" in err and os.path.exists(copy),
              f"delete of a copy outside the store: {code} {err!r}")
        code, out, _ = run("delete", name, answer="")
        check(code == 0 and out.endswith("[y/N] \nNothing was deleted.\n"), f"no answer: {out!r}")


# MARK: - main


@scenario
def timed_talk(binary):
    with Sandbox(binary, "talk") as sb:
        p = sb.start("run", "timed-talk", "--people", "Ana, Ben", "--turn", "2s")
        sb.wait_for(p, "Space begins", "2s each")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "p")
        sb.wait_for(p, "This step does not allow passing.")
        sb.wait_for(p, "TIME · over by", timeout=6)
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ben")
        sb.keys(p, "Space")
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        records = sb.the_log().turns()
        check([r["kind"] for r in records] == ["talk", "talk"], f"kinds {records}")
        check(records[0]["allotted"] == 2 and records[0]["endedAt"] - records[0]["startedAt"] >= 2,
              f"Ana's talk: {records[0]}")
        check(not any(r["passed"] for r in records), "a talk passed")


@scenario
def dialogue_back_and_forth(binary):
    with Sandbox(binary, "dialogue") as sb:
        p = sb.start("run", "dialogue", "--people", "Ana, Ben", "--question", "What matters most?")
        sb.wait_for(p, "Space begins", "Two people, turns back and forth")
        sb.keys(p, "Space")
        sb.wait_for(p, "What matters most?", "Ana 0:0")
        time.sleep(1.2)
        sb.keys(p, "Space")
        s = sb.wait_for(p, thinking(sb, "Ben"), "Space: the other speaks", what="Ben speaking")
        check("Ana 0:01" in s, f"Ana's running total:{excerpt(s)}")
        sb.keys(p, "e")
        sb.wait_for(p, "End this step now and move on?")
        sb.keys(p, "y")
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        records = sb.the_log().turns()
        check([(r["kind"], r["person"]) for r in records] == [("dialogue", 0), ("dialogue", 1)], f"turns {records}")
        check(records[1]["endedBy"] == "facilitator", f"the step was ended by {records[1]['endedBy']}")


@scenario
def open_discussion_into_a_round(binary):
    with Sandbox(binary, "discussion") as sb:
        p = sb.start("run", "open-discussion", "--people", "Ana, Ben, Cy")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "Open discussion", "1 Ana 0:00", "3 Cy 0:00")
        sb.keys(p, "2")
        sb.wait_for(p, thinking(sb, "Ben"), "speaking · nobody is cut off", what="Ben speaking")
        sb.keys(p, "C")
        sb.wait_for(p, thinking(sb, "Cy"), what="Cy speaking")
        sb.keys(p, "r")
        sb.wait_for(p, "▶ Ana", "next: Ben")
        for _ in range(3):
            sb.keys(p, "Space")
            time.sleep(0.2)
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        records = sb.the_log().turns()
        got = [(r["kind"], r["person"]) for r in records]
        check(got == [("discussion", 1), ("discussion", 2), ("round", 0), ("round", 1), ("round", 2)], f"turns {got}")


@scenario
def thinking_partnership_parts(binary):
    with Sandbox(binary, "partnership") as sb:
        p = sb.start("run", "thinking-partnership", "--people", "Ana, Ben")
        sb.wait_for(p, "Space begins", "Six parts")
        sb.keys(p, "Space")
        sb.wait_for(p, "Part 1 of 6", "Thinker · Partner: Ben")
        sb.keys(p, "n")
        sb.wait_for(p, "Notes are not recorded in this step.")
        for part in range(2, 7):
            sb.keys(p, "Space")
            sb.wait_for(p, f"Part {part} of 6")
        sb.keys(p, "Space")
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        log = sb.the_log()
        records = log.turns()
        check([(r["kind"], r["turn"], r["person"]) for r in records] == [("partnership", n, 0) for n in range(1, 7)],
              f"parts {records}")
        check(not log.facts("noteAdded"), "a note was recorded in a partnership")


@scenario
def late_arrival_and_departure(binary):
    with Sandbox(binary, "presence") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben, Cy", "--total", "3m")
        sb.wait_for(p, "Space begins", "Each turn: 1m")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "+")
        sb.type(p, "Zoë")
        sb.wait_for(p, "Arriving: Zoë")
        sb.keys(p, "Enter")
        sb.wait_for(p, "· Zoë")
        sb.keys(p, "-")
        sb.type(p, "Ben")
        sb.keys(p, "Enter")
        sb.wait_for(p, lambda s: "Ben" not in line_with(s, "▶ Ana"), what="Ben gone from the order strip")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Cy")
        sb.keys(p, "Space")
        s = sb.wait_for(p, thinking(sb, "Zoë"), what="Zoë thinking")
        check("of 1m" in s, f"Zoë's turn time:{excerpt(s)}")
        sb.keys(p, "Space")
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        log = sb.the_log()
        check(log.facts("personJoined") and log.facts("personLeft"), f"facts {log.fact_names()}")
        people = [t["person"] for t in log.turns()]
        check(people == [0, 2, 3], f"turns {people}: Ben never had one, Zoë had hers")


@scenario
def transforming_meeting_with_an_agenda(binary):
    with Sandbox(binary, "meeting") as sb:
        agenda = os.path.join(sb.root, "agenda.yaml")
        with open(agenda, "w") as f:
            f.write("- How do we make Tuesdays shorter?\n"
                    "- question: What would make the timetable work?\n"
                    "  steps: [pairs, discussion]\n  time: 10m\n  turn: 1s\n"
                    "- The budget\n")
        p = sb.start("run", "transforming-meeting", "--people", "Ana, Ben, Cy", "--agenda", agenda,
                     "--turn", "30s")
        sb.wait_for(p, "Opening round", "What is going well for you at the moment?", "is not written as a question")
        for _ in range(4):  # begin, Ana, Ben, Cy
            sb.keys(p, "Space")
            time.sleep(0.15)
        sb.wait_for(p, "Item 1 of 3: round", "How do we make Tuesdays shorter?")
        for _ in range(4):
            sb.keys(p, "Space")
            time.sleep(0.15)
        sb.wait_for(p, "Item 2 of 3: thinking pairs", "1s each way")
        sb.keys(p, "Space")
        sb.wait_for(p, "Item 2 of 3: open discussion", "Space begins", timeout=8)
        sb.keys(p, "Space")
        sb.wait_for(p, "of 10m", "1 Ana 0:00")
        sb.keys(p, "1")
        time.sleep(0.3)
        sb.keys(p, "e")
        sb.wait_for(p, "End this step now")
        sb.keys(p, "y")
        sb.wait_for(p, "Item 3 of 3: round", "The budget")
        for _ in range(4):
            sb.keys(p, "Space")
            time.sleep(0.15)
        sb.wait_for(p, "Closing round")
        for _ in range(4):
            sb.keys(p, "Space")
            time.sleep(0.15)
        sb.wait_for(p, "Every step is done")
        finish_and_check_exit(sb, p)
        kinds = [t["kind"] for t in sb.the_log().turns()]
        check(kinds.count("round") == 12 and kinds.count("pairs") == 3 and kinds.count("discussion") == 1,
              f"turn kinds {kinds}")
        show = subprocess.run([binary, "show", "latest"], env=sb.env, capture_output=True, text=True)
        check(show.returncode == 0 and "Item 2 of 3: thinking pairs" in show.stdout, f"show:{show.stdout[:400]}")



# MARK: - two screens: run --control in one window, display in the other

FACILITATOR_ONLY = ("Space", "?: keys", "q: quit", "Note:", "Enter saves", "End the session")


@scenario
def control_and_display(binary):
    with Sandbox(binary, "display") as sb:
        people = ["Ana", "Ben", "Cy", "Di"]
        members = {"Ana", "Ben", "Di"}
        question = "What would help us share the work?"
        c = sb.start("run", "council", "--people", ", ".join(people), "--presenter", "Cy",
                     "--turn", "1m", "--control")
        sb.wait_for(c, "The Presenter thinks aloud", "Space begins")
        d = sb.new_window("display")
        seen_on_display = []

        def room(*texts, what=None):
            """The display shows `texts` within a second, and never a facilitator's part."""
            s = sb.wait_for(d, *texts, timeout=1.0, what=what)
            for hidden in FACILITATOR_ONLY:
                check(hidden not in s, f"{hidden!r} on the display:{excerpt(s)}")
            check("private words" not in s, f"a note on the display:{excerpt(s)}")
            seen_on_display.append(s)
            return s

        room("The Presenter thinks aloud", "Presenter: Cy")
        sb.keys(c, "Space")
        sb.wait_for(c, "Space: finished", "Then: The Presenter's question")
        room(thinking(sb, "Cy"), what="Cy thinking")
        sb.keys(c, "Space")
        sb.wait_for(c, "Enter saves it")
        sb.type(c, question)
        sb.wait_for(c, question)
        room("frames the question")
        check(question not in sb.screen(d), "the draft question on the display")
        sb.keys(c, "Enter")
        for r in range(3):
            title = f"Council round {r + 1} of 3"
            sb.wait_for(c, title, "Space begins")
            room(title, question)
            sb.keys(c, "Space")
            spoken = []
            for _ in members:
                s = sb.wait_for(c, lambda s: thinker(s) not in (None, *spoken), what="a new thinker")
                who = thinker(s)
                room(lambda s, who=who: thinker(s) == who, what=f"{who} thinking")
                if r == 0 and not spoken:
                    sb.keys(c, "n")
                    sb.type(c, "private words")
                    sb.wait_for(c, "Note: private words")
                    room(lambda s, who=who: thinker(s) == who, what=f"{who} still thinking")
                    sb.keys(c, "Enter")
                if r == 1 and not spoken:
                    # The controller quits and is resumed: the display goes on following.
                    sb.keys(c, "q")
                    sb.wait_for(c, "End the session?")
                    sb.keys(c, "y")
                    check(sb.wait_exit(c) == 0, "the controller left")
                    room(lambda s, who=who: thinker(s) == who, what="the display stays")
                    c = sb.new_window("resume", "--control")
                    sb.wait_for(c, title, "Space: finished")
                    room(lambda s, who=who: thinker(s) == who, what=f"{who} after resume")
                spoken.append(who)
                sb.keys(c, "Space")
            check(sorted(spoken) == sorted(members), f"round {r + 1}: {spoken}")
            sb.wait_for(c, "freshest", "Space begins")
            room("freshest")
            sb.keys(c, "Space")
            sb.wait_for(c, "Space: finished")
            room(thinking(sb, "Cy"), what="Cy's freshest thinking")
            sb.keys(c, "Space")
        sb.wait_for(c, "Appreciation of the Presen", "Space begins")
        sb.keys(c, "Space")
        for _ in members:
            sb.wait_for(c, "Space: finished")
            sb.keys(c, "Space")
        sb.wait_for(c, "Every step is done")
        room("Every step is done")
        sb.keys(c, "q")
        check(sb.wait_exit(c) == 0, "the controller finished the session")
        room("Session finished")
        time.sleep(1.2)
        check("Session finished" in sb.screen(d), "the display stays on 'Session finished'")
        sb.keys(d, "q")
        check(sb.wait_exit(d) == 0, "q leaves the display")
        check(len(seen_on_display) > 20, "the display was checked at every step")
        check(sb.the_log().fact_names()[-1] == "sessionFinished", "sessionFinished last")


# MARK: - the room's screen (issue 13)

def leave(sb, pane):
    """q, then y at "End the session?": the program leaves with status 0."""
    sb.keys(pane, "q")
    sb.wait_for(pane, "End the session?")
    sb.keys(pane, "y")
    check(sb.wait_exit(pane) == 0, "q, y leaves")


@scenario
def pairs_before_the_clock(binary):
    """Space on a pairs step first shows who pairs with whom; the clock runs from the
    next Space, with the pairs still readable."""
    with Sandbox(binary, "pairsfirst") as sb:
        p = sb.start("run", "thinking-pairs", "--people", "Ana, Ben, Chloé, Dev, Eun, Fay, Gus", "--turn", "3m")
        s = sb.wait_for(p, "Ana & Ben", "Chloé & Dev", "Eun, Fay & Gus", "Space starts the clock")
        check(read_clock(s) is None, f"a clock before the pairs are seated:{excerpt(s)}")
        sb.keys(p, "Space")
        s = sb.wait_for(p, "Ana thinks · Ben listens", "Eun thinks · Fay, Gus listen",
                        lambda s: read_clock(s) is not None, what="the shared clock")
        leave(sb, p)


@scenario
def masked_typing(binary):
    """On the one shared screen a note being typed shows as a count; Ctrl-R shows it to
    the facilitator; Enter saves it with a quiet confirmation."""
    with Sandbox(binary, "masked") as sb:
        p = sb.start("run", "round", "--people", "Zoë, 李, محمد", "--question", "Q?")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "Space: finished")
        sb.keys(p, "n")
        sb.type(p, "Li mentioned the budget")
        s = sb.wait_for(p, "note: 23 characters")
        check("budget" not in s, f"the note is on the room's screen:{excerpt(s)}")
        sb.keys(p, "C-r")
        sb.wait_for(p, "Note: Li mentioned the budget")
        sb.keys(p, "C-r")
        s = sb.wait_for(p, "note: 23 characters")
        check("budget" not in s, f"the note stays on screen after Ctrl-R again:{excerpt(s)}")
        sb.keys(p, "Enter")
        sb.wait_for(p, "Note saved.")
        sb.wait_for(p, absent=("Note saved.",), timeout=4)
        leave(sb, p)
        notes = [f["note"]["text"] for f in sb.the_log().facts("noteAdded")]
        check(notes == ["Li mentioned the budget"], f"notes {notes}")


@scenario
def double_space(binary):
    """Two Spaces at once (a double press, auto-repeat) hand on once: the second is
    ignored, and recorded as ignored."""
    with Sandbox(binary, "doublespace") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben, Chloé", "--question", "Q?")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        time.sleep(0.6)
        sb.tmux("send-keys", "-t", p, "Space", "Space")
        s = sb.wait_for(p, "▶ Ben")
        time.sleep(0.4)
        s = sb.screen(p)
        check("▶ Ben" in s and "next: Chloé" in s, f"a person was skipped:{excerpt(s)}")
        leave(sb, p)
        log = sb.the_log()
        check(len(log.facts("handOnIgnored")) == 1, f"ignored: {log.facts('handOnIgnored')}")
        check(len(log.facts("turnStarted")) == 2, "two turns started (Ana, Ben)")


@scenario
def setup_form_ctrl_s(binary):
    """Ctrl-S, the setup form's start key, reaches the program (no tty flow control)."""
    with Sandbox(binary, "ctrls") as sb:
        p = sb.start("run")
        sb.wait_for(p, "A new session", "Ctrl-S or F10: start")
        sb.type(p, "Ana")
        sb.keys(p, "Enter")
        sb.type(p, "Ben")
        sb.keys(p, "C-s")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "C-q")  # Ctrl-Q reaches it too, and does nothing
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        leave(sb, p)


@scenario
def display_waits_then_pauses(binary):
    """`display` before any session waits; it follows the session that starts; the
    controller killed with -9 leaves the room a calm 'Paused' within three seconds and no
    clock; `resume` brings the clock back."""
    with Sandbox(binary, "displaywait") as sb:
        d = sb.start("display")
        sb.wait_for(d, "Waiting for a session to start")
        c = sb.new_window("run", "round", "--control", "--people", "Zoë, 李, محمد", "--question", "Q?",
                          "--turn", "2m")
        sb.wait_for(c, "Space begins")
        sb.keys(c, "Space")
        sb.wait_for(c, "Space: finished")
        sb.wait_for(d, "▶ Zoë", lambda s: read_clock(s) is not None, what="the room's clock", timeout=4)
        sb.kill9(c)
        s = sb.wait_for(d, "Paused — the facilitator will be back", timeout=3.5)
        check(read_clock(s) is None and "█" not in s, f"a clock shown as live:{excerpt(s)}")
        c = sb.new_window("resume", "--control")
        sb.wait_for(c, "Space: finished")
        sb.wait_for(d, "▶ Zoë", lambda s: read_clock(s) is not None, what="the clock back", timeout=4)
        leave(sb, c)
        sb.keys(d, "q")
        check(sb.wait_exit(d) == 0, "q leaves the display")


@scenario
def every_documented_key(binary):
    """Each key on the `?` card reaches the program and does what the card says."""
    with Sandbox(binary, "keys") as sb:
        p = sb.start("run", "round", "--people", "Ana, Ben, Chloé", "--question", "Q?")
        sb.wait_for(p, "Space begins")
        sb.keys(p, "?")
        sb.wait_for(p, "Keys", "pause / resume every clock", "Ctrl-R")
        sb.keys(p, "x")
        sb.wait_for(p, "Space begins", absent=("pause / resume every clock",))
        sb.keys(p, "c")
        sb.wait_for(p, "The ten components")
        sb.keys(p, "x")
        sb.keys(p, "h")
        sb.wait_for(p, absent=("Space: begin",))
        sb.keys(p, "h")
        sb.wait_for(p, "Space: begin")
        sb.keys(p, "Space")
        sb.wait_for(p, "▶ Ana")
        sb.keys(p, "z")
        sb.wait_for(p, "PAUSED", "z: resume")
        sb.keys(p, "z")
        sb.wait_for(p, "z: pause", absent=("PAUSED",))
        sb.keys(p, "i")
        sb.wait_for(p, "Interruption noted.")
        sb.keys(p, "n")
        sb.wait_for(p, "note: 0 characters")
        sb.keys(p, "Escape")
        sb.wait_for(p, absent=("note: 0 characters",))
        sb.keys(p, "+")
        sb.wait_for(p, "Arriving:")
        sb.type(p, "Dev")
        sb.keys(p, "Enter")
        sb.wait_for(p, "Arrival recorded.", "Dev")
        sb.keys(p, "-")
        sb.wait_for(p, "Leaving (number or name):")
        sb.type(p, "Dev")
        sb.keys(p, "Enter")
        sb.wait_for(p, "Departure recorded.")
        sb.keys(p, "p")
        sb.wait_for(p, "Ana (passed)", "▶ Ben")
        sb.keys(p, "u")
        sb.wait_for(p, "▶ Ana", absent=("Ana (passed)",))
        sb.keys(p, "C-c")
        sb.wait_for(p, "End the session?")
        sb.keys(p, "x")
        sb.wait_for(p, "▶ Ana", absent=("End the session?",))
        for name in ("Ben", "Chloé"):
            sb.keys(p, "Space")
            sb.wait_for(p, f"▶ {name}")
        sb.keys(p, "Space")
        sb.wait_for(p, "Thank you", "t: figures")
        sb.keys(p, "t")
        sb.wait_for(p, "Share", "Spread")
        sb.keys(p, "q")
        check(sb.wait_exit(p) == 0, "q ends the finished session")
        names = sb.the_log().fact_names()
        for fact in ("paused", "resumed", "interruptionNoted", "personJoined", "personLeft", "undone",
                     "protocolCompleted", "sessionFinished"):
            check(fact in names, f"no {fact} in the log")


def main(argv):
    args = [a for a in argv[1:]]
    only = None
    if "-k" in args:
        i = args.index("-k")
        only = args[i + 1]
        del args[i:i + 2]
    binary = args[0] if args else ".build/debug/thinkenv"
    if not os.access(binary, os.X_OK):
        print(f"no executable at {binary}: build with `swift build` first")
        return 2
    if shutil.which("tmux") is None:
        print("tmux is not installed")
        return 2
    passed = failed = 0
    began = time.monotonic()
    for fn in SCENARIOS:
        if only and only not in fn.__name__:
            continue
        t0 = time.monotonic()
        try:
            fn(binary)
        except Failure as e:
            failed += 1
            print(f"FAIL {fn.__name__}: {e}", flush=True)
            continue
        except Exception:
            failed += 1
            print(f"FAIL {fn.__name__}: {traceback.format_exc().strip()}", flush=True)
            continue
        passed += 1
        print(f"ok  {fn.__name__}", flush=True)
        print(f"  ({fn.__name__}: {time.monotonic() - t0:.1f}s)", file=sys.stderr, flush=True)
    print(f"  (all: {time.monotonic() - began:.1f}s)", file=sys.stderr, flush=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
