import CNcurses
import Glibc

/// Waiting on the terminal together with another descriptor, the clock the loop reads, and
/// the bell.
extension Terminal {
    /// Sleeps in `poll` until standard input or `descriptor` is readable, or `timeout`
    /// passes. The loop drains every key ncurses holds before it waits again, so none is
    /// left in ncurses' buffer behind a quiet descriptor.
    public func wait(timeout: Duration?, orReadable descriptor: Int32) -> TerminalWait {
        var fds = [
            pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, nfds_t(fds.count), timeout.map(Terminal.milliseconds) ?? -1)
        guard ready > 0 else { return .timeout }
        return fds[0].revents != 0 ? .input : .change
    }

    /// Time since the terminal was started.
    public var now: Duration { ContinuousClock.now - started }

    /// Rings the terminal's bell once (only when the facilitator asked for `--bell`).
    public func bell() {
        guard !isendwin() else { return }
        beep()
    }
}
