import CNcurses
import Glibc
import ThinkingCore

/// A session that someone else is running, as a read-only display follows it.
public protocol SessionFeed: AnyObject {
    /// Catches up with what the controlling program wrote; true when anything changed.
    func refresh() -> Bool
    var session: Session { get }
    /// Session time now, as the controlling program's screen reads it.
    func now() -> Duration
    /// Whether the time is held: the controlling program has given no sign of life lately.
    var isHeld: Bool { get }
    /// A descriptor that becomes readable when there is something new (inotify), or nil:
    /// the runner then looks again every `DisplayRunner.boundedWait`.
    var changeDescriptor: Int32? { get }
}

/// The loop of `thinkenv display`: draws the room's view of a followed session, waking on
/// a change to the log, on the next second of the displayed clock, or on a key. It never
/// records anything; `q` or Ctrl-C leaves.
public final class DisplayRunner {
    /// How long to wait between two looks when there is no change notification.
    public static let boundedWait: Duration = .milliseconds(100)

    private let feed: SessionFeed
    private let terminal: Terminal
    /// Called after each frame is drawn (a measurement hook; nil normally).
    public var afterDraw: (() -> Void)?

    public init(feed: SessionFeed, terminal: Terminal) {
        self.feed = feed
        self.terminal = terminal
    }

    public func run() -> RunOutcome {
        Signals.install()
        defer { terminal.restore() }
        var quickEmptyWakes = 0
        while true {
            _ = feed.refresh()
            if let signal = Signals.take() { return signal == SIGINT ? .left : .signalled(signal) }
            var session = feed.session
            let now = feed.now()
            _ = session.advance(to: now)
            draw(session, at: now)
            // A held clock (the controller is away) does not move: look again in a second.
            let wait = feed.isHeld ? .seconds(1) : nextWake(session, at: now)
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if let change = feed.changeDescriptor { fds.append(pollfd(fd: change, events: Int16(POLLIN), revents: 0)) }
            let timeout = feed.changeDescriptor == nil ? min(wait, Self.boundedWait) : wait
            let ready = poll(&fds, nfds_t(fds.count), Terminal.milliseconds(timeout))
            guard ready > 0, fds[0].revents != 0 else { continue }
            // Standard input closed (a lost terminal) stays "readable" with nothing to read.
            let keys = readKeys()
            quickEmptyWakes = keys.isEmpty && fds[0].revents & Int16(POLLHUP | POLLERR) != 0 ? quickEmptyWakes + 1 : 0
            if quickEmptyWakes > 50 { return .terminalLost }
            if keys.contains(where: Self.leaves) { return .left }
        }
    }

    static func leaves(_ key: Key) -> Bool {
        key == .character("q") || key == .character("Q") || key == .ctrlC
    }

    /// Every key ncurses has (it may have read more than one at once).
    private func readKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < 64, let key = terminal.readKey(timeout: .zero) { keys.append(key) }
        return keys
    }

    private func draw(_ session: Session, at now: Duration) {
        terminal.followWindowSize()
        let size = terminal.size
        var screen = SessionScreen(session: session, controls: Controls(), now: now)
        screen.audience = .room
        terminal.draw(screen.render(width: size.width, height: size.height))
        afterDraw?()
    }

    /// Until the displayed clock changes, or a second at most (the heartbeat, signals).
    private func nextWake(_ session: Session, at now: Duration) -> Duration {
        guard !session.isPaused, let clock = session.roomView(at: now).clock else { return .seconds(1) }
        return min(.seconds(1), ClockText.untilNextChange(clock))
    }
}
