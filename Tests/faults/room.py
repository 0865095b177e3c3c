"""A tmux server of our own (`tmux -L`), with its own HOME and XDG directories, running
thinkenv in windows of 100x30: the fault tests' room."""
import os, re, shutil, subprocess, sys, time


class Room:
    def __init__(self, binary, home):
        self.binary = os.path.abspath(binary)
        self.home = home
        self.socket = f"thinkenv-faults-{os.getpid()}"
        self.env = {
            "HOME": home, "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
        }
        self.window = 0

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check).stdout

    def command(self, *args):
        env = " ".join(f"{k}={shq(v)}" for k, v in self.env.items())
        return f"env {env} {shq(self.binary)} " + " ".join(shq(a) for a in args)

    def start(self, *args):
        """A new window running thinkenv ARGS; returns its target."""
        self.window += 1
        name = f"w{self.window}"
        if self.window == 1:
            self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "faults", "-n", name, "-x", "100", "-y", "30",
                      self.command(*args))
            self.tmux("set-option", "-g", "remain-on-exit", "on")
        else:
            self.tmux("new-window", "-t", "faults", "-n", name, self.command(*args))
        target = f"faults:{name}"
        self.wait_for(target, lambda screen: "Step" in screen or self.dead(target))
        return target

    def screen(self, target):
        return self.tmux("capture-pane", "-p", "-t", target, check=False)

    def pid(self, target):
        return int(self.tmux("display-message", "-p", "-t", target, "#{pane_pid}").strip())

    def dead(self, target):
        return self.tmux("display-message", "-p", "-t", target, "#{pane_dead}").strip() == "1"

    def keys(self, target, *keys):
        self.tmux("send-keys", "-t", target, *keys)

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
