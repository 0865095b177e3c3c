"""A tmux server of our own (`tmux -L`), with its own HOME and XDG directories, running
thinkenv in windows of 100x30: the fault tests' room."""
import json, os, re, shutil, subprocess, sys, tempfile, time


class Room:
    def __init__(self, binary, home, data_home=None):
        """`data_home`: the XDG_DATA_HOME to use (default `HOME/data`)."""
        self.binary = os.path.abspath(binary)
        self._last_turn_key = 0.0
        self.home = home
        self.socket = f"thinkenv-faults-{os.getpid()}"
        self.env = {
            "HOME": home, "XDG_DATA_HOME": data_home or f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
        }
        self.window = 0

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check).stdout

    def command(self, *args):
        env = " ".join(f"{k}={shq(v)}" for k, v in self.env.items())
        return f"env {env} {shq(self.binary)} " + " ".join(shq(a) for a in args)

    def start(self, *args, ready=None, keep_status=False):
        """A new window running thinkenv ARGS; returns its target once the screen shows a
        step (or `ready(screen)` holds), or the program has exited. `keep_status`: run it
        from a shell that keeps its exit status for `status` (the pane's pid is then the
        shell's, so not for a window that is to be killed)."""
        self.window += 1
        name = f"w{self.window}"
        target = f"faults:{name}"
        command = self.command(*args)
        if keep_status:  # tmux's own #{pane_dead_status} is sometimes empty
            command += f"; echo $? > {shq(self.status_file(target))}"
        if self.window == 1:
            self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "faults", "-n", name, "-x", "100", "-y", "30",
                      command)
            self.tmux("set-option", "-g", "remain-on-exit", "on")
        else:
            self.tmux("new-window", "-t", "faults", "-n", name, command)
        ready = ready or (lambda screen: "Step" in screen)
        self.wait_for(target, lambda screen: ready(screen) or self.dead(target))
        return target

    def run(self, *args, **kwargs):
        """thinkenv ARGS run directly (no terminal), with the room's environment."""
        return subprocess.run([self.binary, *args], capture_output=True, text=True,
                              env={**os.environ, **self.env}, **kwargs)

    @property
    def sessions_directory(self):
        return f"{self.env['XDG_DATA_HOME']}/thinkenv/sessions"

    def logs(self):
        """The session logs, oldest first (their names start with the start time)."""
        try:
            names = os.listdir(self.sessions_directory)
        except FileNotFoundError:
            return []
        return [f"{self.sessions_directory}/{n}" for n in sorted(names) if n.endswith(".jsonl")]

    def screen(self, target):
        return self.tmux("capture-pane", "-p", "-t", target, check=False)

    def pid(self, target):
        return int(self.tmux("display-message", "-p", "-t", target, "#{pane_pid}").strip())

    def dead(self, target):
        return self.tmux("display-message", "-p", "-t", target, "#{pane_dead}").strip() == "1"

    def status(self, target):
        """The exit status of a program started with `keep_status` (None while it runs)."""
        for _ in range(20):  # the shell writes it as the pane dies
            try:
                with open(self.status_file(target)) as f:
                    return int(f.read().strip())
            except (FileNotFoundError, ValueError):
                time.sleep(0.05)
        return None

    def status_file(self, target):
        return f"{self.home}/.status-{target.split(':')[-1]}"

    def output(self, target):
        """Everything the pane showed, its scrollback included (what a program printed
        after leaving the alternate screen)."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", target, check=False)

    # The program ignores a hand-on within half a second of a turn's start (a double Space
    # or auto-repeat must not skip a person): a Space comes at least this long after the
    # last key that may have started a turn (the program may take a moment to start it on a
    # full disk), as a facilitator's does.
    TURN_GAP = 0.8

    def keys(self, target, *keys):
        for key in keys:
            if key in ("Space", "Enter", "p"):
                wait = self._last_turn_key + self.TURN_GAP - time.monotonic()
                if key != "p" and wait > 0:
                    time.sleep(wait)
                self._last_turn_key = time.monotonic()
            self.tmux("send-keys", "-t", target, key)

    def wait_for(self, target, ready, timeout=10.0):
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(target)
            if ready(screen):
                return screen
            time.sleep(0.05)
        raise SystemExit(f"timed out waiting for the screen:\n{screen}")

    def settle(self, target):
        """Waits until two captures 150 ms apart agree on everything but the clock."""
        last = None
        for _ in range(40):
            state = where(self.screen(target))
            if state == last:
                return state
            last = state
            time.sleep(0.15)
        return last

    def stop(self):
        """Ends the tmux server and removes the room's HOME."""
        self.tmux("kill-server", check=False)
        shutil.rmtree(self.home, ignore_errors=True)

    def leave(self, target):
        """Leaves the session (`q`, then `y` to confirm) and returns what the pane showed."""
        self.keys(target, "q")
        time.sleep(0.3)
        self.keys(target, "y")
        self.wait_for(target, lambda _: self.dead(target))
        return self.output(target)

    def close(self, target):
        """Removes a (dead) window, unless it is the last one (which keeps the server up)."""
        if len(self.tmux("list-windows", "-t", "faults", "-F", "#{window_id}", check=False).split()) > 1:
            self.tmux("kill-window", "-t", target, check=False)


def home_with_protocol(prefix, name, text):
    """A new HOME whose config holds one protocol of the user's own, `name`.yaml."""
    home = tempfile.mkdtemp(prefix=prefix)
    os.makedirs(f"{home}/config/thinkenv/protocols")
    with open(f"{home}/config/thinkenv/protocols/{name}.yaml", "w") as f:
        f.write(text)
    return home


def log_lines(path, header=False):
    """The events of a JSON Lines log, decoded: after the header (unless `header`), without
    a torn last line (one with no line end) or a line that is not JSON."""
    events = []
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    for number, line in enumerate(lines[:-1]):  # the last piece has no line end
        if (number == 0 and not header) or not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except ValueError:
            pass
    return events


def where(screen):
    """The thinker (▶ name in the order strip), the round label, whether paused."""
    thinker = re.search(r"▶ (\S+)", screen)
    round_ = re.search(r"Round \d+ of \d+", screen)
    return (thinker.group(1) if thinker else None, round_.group(0) if round_ else None, "PAUSED" in screen.upper())


def shq(text):
    return "'" + text.replace("'", "'\\''") + "'"




def finish(name, failures, started, known=()):
    """Prints the outcome and exits: 1 when something failed."""
    print(f"{name}: {len(failures)} failure(s) in {time.monotonic() - started:.1f} s")
    for failure in failures:
        print("  " + failure)
    for issue in known:
        print("  known issue: " + issue)
    sys.exit(1 if failures else 0)
