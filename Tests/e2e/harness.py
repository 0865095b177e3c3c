"""A sandbox for one end-to-end scenario: its own tmux server, its own XDG and HOME
directories, the real thinkenv binary in a pane, and readers for the screen and the log.

Standard library only. tmux creates its own pseudo-terminal, so this runs in CI with no
terminal attached.
"""

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time

POLL = 0.1  # seconds between two looks at the screen
WAIT = 5.0  # default seconds to wait for something to show


class Failure(Exception):
    """A scenario's expectation that did not hold; the message says why."""


def check(condition, why):
    if not condition:
        raise Failure(why)


def excerpt(screen):
    """The screen, non-blank lines only, indented, for a failure message."""
    lines = [l.rstrip() for l in screen.splitlines() if l.strip()]
    return "\n      | " + "\n      | ".join(lines) if lines else " (blank screen)"


class Sandbox:
    """One scenario's world. Use as a context manager: the tmux server is always killed
    and the temporary directories removed on the way out."""

    counter = 0

    def __init__(self, binary, name):
        Sandbox.counter += 1
        self.binary = os.path.abspath(binary)
        self._last_key = {}
        self.name = name
        self.root = tempfile.mkdtemp(prefix=f"thinkenv-e2e-{name}-")
        self.data = os.path.join(self.root, "data")
        self.config = os.path.join(self.root, "config")
        self.home = os.path.join(self.root, "home")
        for d in (self.data, self.config, self.home):
            os.mkdir(d, 0o700)
        self.socket = f"thinkenv-e2e-{os.getpid()}-{Sandbox.counter}-{name}"
        self.conf = os.path.join(self.root, "tmux.conf")
        with open(self.conf, "w") as f:
            # Read when the server starts, before the first pane exists, so a program
            # that exits at once still leaves its pane (and its last words) behind.
            f.write("set -g remain-on-exit on\n")
            f.write("set -g status off\n")  # the whole window is the program's
            f.write("set -g default-terminal xterm-256color\n")
            f.write("set -g history-limit 5000\n")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "HOME": self.home,
            "XDG_DATA_HOME": self.data,
            "XDG_CONFIG_HOME": self.config,
        }
        self.server_started = False
        self.socket_path = None
        self.panes = 0
        self.status_files = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.server_started:
            subprocess.run(
                ["tmux", "-L", self.socket, "kill-server"],
                env=self.env, capture_output=True, timeout=10,
            )
            if self.socket_path:
                try:
                    os.unlink(self.socket_path)  # tmux 3.3 leaves it behind
                except FileNotFoundError:
                    pass
        # A program that got SIGHUP from kill-server may still be writing its log.
        deadline = time.monotonic() + 3
        while os.path.exists(self.root) and time.monotonic() < deadline:
            shutil.rmtree(self.root, ignore_errors=True)
            if os.path.exists(self.root):
                time.sleep(POLL)
        return False

    # MARK: - tmux

    def tmux(self, *args):
        """Runs one tmux command on this scenario's server; returns its stdout."""
        p = subprocess.run(
            ["tmux", "-L", self.socket, "-f", self.conf, *args],
            env=self.env, capture_output=True, text=True, timeout=10,
        )
        if p.returncode != 0:
            raise Failure(f"tmux {' '.join(args)}: {p.stderr.strip()}")
        return p.stdout

    def env_flags(self, extra=None):
        env = dict(self.env, **(extra or {}))
        flags = []
        for k, v in env.items():
            flags += ["-e", f"{k}={v}"]
        return flags

    def command(self, args, env):
        """The pane's command: thinkenv under a small sh that writes its exit status
        (128 + N for signal N) to a file, which tmux 3.3's pane_dead_status does not
        report reliably. `trap :` (a handler, not an ignore) is reset by exec, so
        thinkenv gets SIGINT and SIGHUP as usual."""
        self.panes += 1
        status = os.path.join(self.root, f"status-{self.panes}")
        # tmux sets TERM from default-terminal, so another TERM goes through env(1).
        term = ["env", f"TERM={env['TERM']}"] if env and "TERM" in env else []
        script = 'trap : INT HUP TERM; "$@"; echo $? > "$0.tmp"; mv "$0.tmp" "$0"'
        return status, ["/bin/sh", "-c", script, status, *term, self.binary, *args]

    def start(self, *args, x=80, y=24, env=None):
        """Starts `thinkenv ARGS` in a new tmux server of its own, in an x×y window;
        returns the pane id."""
        status, cmd = self.command(args, env)
        out = self.tmux(
            "new-session", "-d", "-x", str(x), "-y", str(y), "-P", "-F", "#{pane_id}",
            *self.env_flags(env), "--", *cmd,
        )
        self.server_started = True
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()
        pane = out.strip()
        self.status_files[pane] = status
        return pane

    def new_window(self, *args, env=None):
        """Starts `thinkenv ARGS` in a new window of the same server; returns its pane."""
        status, cmd = self.command(args, env)
        out = self.tmux(
            "new-window", "-P", "-F", "#{pane_id}", *self.env_flags(env), "--", *cmd,
        )
        pane = out.strip()
        self.status_files[pane] = status
        return pane

    # The program ignores a hand-on within half a second of a turn's start (a double
    # Space or auto-repeat must not skip a person): a facilitator's keys come further apart.
    KEY_GAP = 0.55

    def keys(self, pane, *keys):
        """Presses keys as a person would: each at least KEY_GAP after the one before (the
        double_space scenario sends two at once with tmux directly)."""
        for key in keys:
            wait = self._last_key.get(pane, 0) + self.KEY_GAP - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.tmux("send-keys", "-t", pane, key)
            self._last_key[pane] = time.monotonic()

    def type(self, pane, text):
        self.tmux("send-keys", "-t", pane, "-l", text)

    def resize(self, pane, x, y):
        self.tmux("resize-window", "-t", pane, "-x", str(x), "-y", str(y))

    def screen(self, pane):
        """The visible screen as text, one line per row."""
        return self.tmux("capture-pane", "-p", "-t", pane)

    def everything(self, pane):
        """The scrollback history and the screen: where a program's last words go."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", pane)

    def pane_info(self, pane, fmt):
        return self.tmux("display-message", "-p", "-t", pane, fmt).strip()

    def pid(self, pane):
        return int(self.pane_info(pane, "#{pane_pid}"))

    def wait_for(self, pane, *texts, absent=(), timeout=WAIT, what=None):
        """Polls the screen until every text shows and no `absent` text does; returns
        the screen. A text may also be a function screen -> bool."""

        def holds(s):
            for t in texts:
                if not (t(s) if callable(t) else t in s):
                    return False
            return not any(a in s for a in absent)

        deadline = time.monotonic() + timeout
        while True:
            s = self.screen(pane)
            if holds(s):
                return s
            if time.monotonic() > deadline:
                wanted = what or ", ".join(repr(t) for t in texts if not callable(t))
                if absent:
                    wanted += " without " + ", ".join(repr(a) for a in absent)
                raise Failure(f"waited {timeout:g}s for {wanted}; the screen:{excerpt(s)}")
            time.sleep(POLL)

    def wait_exit(self, pane, timeout=WAIT):
        """Waits for the pane's program to end; returns its exit status (an int,
        128 + N when killed by signal N)."""
        path = self.status_files[pane]
        deadline = time.monotonic() + timeout
        while True:
            if os.path.exists(path):
                with open(path) as f:
                    return int(f.read().strip())
            if time.monotonic() > deadline:
                raise Failure(f"the program did not exit in {timeout:g}s:"
                              f"{excerpt(self.screen(pane))}")
            time.sleep(POLL)

    def program_pid(self, pane):
        """The pid of thinkenv, the only child of the pane's sh."""
        sh = self.pid(pane)
        with open(f"/proc/{sh}/task/{sh}/children") as f:
            children = f.read().split()
        check(len(children) == 1, f"the pane's sh has children {children}")
        return int(children[0])

    def kill9(self, pane):
        """Sends SIGKILL to the pane's thinkenv, after checking it is thinkenv."""
        pid = self.program_pid(pane)
        with open(f"/proc/{pid}/comm") as f:
            check(f.read().strip() == "thinkenv", f"process {pid} is not thinkenv")
        os.kill(pid, signal.SIGKILL)

    # MARK: - the log

    @property
    def sessions_dir(self):
        return os.path.join(self.data, "thinkenv", "sessions")

    def log_files(self):
        if not os.path.isdir(self.sessions_dir):
            return []
        return sorted(
            os.path.join(self.sessions_dir, n)
            for n in os.listdir(self.sessions_dir) if n.endswith(".jsonl")
        )

    def the_log(self):
        """The one session log of this scenario, checked for privacy, read back."""
        files = self.log_files()
        check(len(files) == 1, f"expected one session log, found {files}")
        path = files[0]
        file_mode = stat.S_IMODE(os.stat(path).st_mode)
        dir_mode = stat.S_IMODE(os.stat(self.sessions_dir).st_mode)
        check(file_mode == 0o600, f"log file mode is {file_mode:o}, expected 600")
        check(dir_mode == 0o700, f"sessions dir mode is {dir_mode:o}, expected 700")
        return Log(path)


class Log:
    """A session log read back: the header, then every event in order."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[: -len(".jsonl")]
        with open(path, "rb") as f:
            raw = f.read()
        check(b"\x1b" not in raw, "the log holds a raw ESC byte")
        lines = raw.decode("utf-8").splitlines()
        check(lines, "the log is empty")
        try:
            records = [json.loads(l) for l in lines]
        except json.JSONDecodeError as e:
            raise Failure(f"a log line is not JSON: {e}")
        self.header = records[0]
        self.events = records[1:]
        check(self.header.get("kind") == "thinkenv-session", "the header's kind")
        seqs = [e["seq"] for e in self.events]
        check(seqs == sorted(seqs) and len(set(seqs)) == len(seqs),
              f"sequence numbers do not rise: {seqs}")

    @property
    def people(self):
        return self.header["plan"]["people"]

    def actions(self):
        """The names of the actions, in order: begin, pass, handOn, undo, ..."""
        return [next(iter(e["action"])) for e in self.events if "action" in e]

    def facts(self, name=None):
        """(name, payload) of every fact, in order; or the payloads of one kind."""
        out = [
            next(iter(e["fact"]["what"].items())) for e in self.events if "fact" in e
        ]
        return [p for n, p in out if n == name] if name else out

    def fact_names(self):
        return [n for n, _ in self.facts()]

    def turns(self):
        """The turnEnded records that still stand: a record that an `undone` fact
        reopened is taken out, as the engine does."""
        kept = []
        for name, p in self.facts():
            if name == "turnEnded":
                kept.append(p["record"])
            elif name == "undone":
                for i in range(len(kept) - 1, -1, -1):
                    r = kept[i]
                    if r["person"] == p["person"] and r["startedAt"] == p["startedAt"]:
                        del kept[i]
                        break
                else:
                    raise Failure(f"undone {p} matches no ended turn")
        return kept


# MARK: - reading the big clock

# The digits of BigClockFont.seven (5x7) and .five (3x5), read from the program's source
# (one copy of the font), so that the test reads the screen as a person would, without the
# program's help.
def _digits(font, height):
    source_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                               "Sources", "ThinkingTUI", "BigClockFont.swift")
    with open(source_path, encoding="utf-8") as f:
        source = f.read()
    block = source[source.index(f"static let {font}"):]
    block = block[:block.index(f"height: {height})")]
    digits = {}
    for match in re.finditer(r'"(.)": \[((?:"[^"]*",?\s*)+)\]', block):
        if match.group(1) in "0123456789:":
            digits[match.group(1)] = re.findall(r'"([^"]*)"', match.group(2))
    if sorted(digits) != sorted("0123456789:") or any(len(rows) != height for rows in digits.values()):
        raise SystemExit(f"cannot read the {font} digits from {source_path}")
    return digits


DIGITS = _digits("seven", 7)
FIVE_DIGITS = _digits("five", 5)


def big_rows(text, columns=2, digits=DIGITS):
    """How `text` looks in a block font (the 7-row one by default), `columns` cells per pixel."""
    rows = []
    for r in range(len(digits["0"])):
        pixels = " ".join(digits[c][r] for c in text)
        rows.append("".join(("█" if p == "#" else " ") * columns for p in pixels))
    return rows


def read_clock(screen):
    """The clock reading on the screen as seconds (m:ss), from the big block digits or,
    on a small screen, the plain text; None if there is none."""
    lines = screen.splitlines()
    for digits in (DIGITS, FIVE_DIGITS):
        for m in range(0, 10):
            for s in range(0, 60):
                text = f"{m}:{s:02d}"
                rows = big_rows(text, digits=digits)
                for i in range(len(lines) - len(rows) + 1):
                    col = lines[i].find(rows[0].rstrip())
                    if col >= 0 and all(
                        lines[i + k].ljust(col + len(rows[k]))[col:col + len(rows[k])]
                        == rows[k] for k in range(len(rows))
                    ):
                        return m * 60 + s
    for line in lines:
        t = re.fullmatch(r"\s*(\d+):(\d\d)\s*", line)
        if t:
            return int(t.group(1)) * 60 + int(t.group(2))
    return None
