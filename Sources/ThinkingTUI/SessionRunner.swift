import CNcurses
import Glibc
import ThinkingCore

/// Where the runner records what happens: written and flushed before the screen shows it.
public protocol SessionRecorder: AnyObject {
    func record(_ action: Action, at t: Duration, facts: [Fact])
    /// The screen is up at session time `t` (for a later `resume` to know how long it was
    /// down), with `draft` being typed (for a `resume` to open it again).
    func heartbeat(at t: Duration, draft: Draft?)
    /// Compares the wall clock with the session clock (a suspended laptop is recorded).
    func checkClock(at t: Duration)
    /// A persistent problem to show (the log could not be written).
    var warning: String? { get }
}

/// How the screen should behave, from the command line.
public struct RunOptions: Sendable {
    public var bell: Bool
    /// A command run (never waited for) when a turn reaches its time: a soft chime.
    public var onTime: String?
    /// The facilitator's view (`--control`): a second terminal runs `thinkenv display` for the room.
    public var control = false

    public init(bell: Bool = false, onTime: String? = nil) {
        self.bell = bell
        self.onTime = onTime
    }
}

/// How a run ended.
public enum RunOutcome: Equatable, Sendable {
    /// The facilitator left; the session can be resumed.
    case left
    /// The session was finished for good.
    case finished
    /// SIGTERM or SIGHUP: everything shown was recorded; the session can be resumed.
    case signalled(Int32)
    /// Standard input closed: the terminal went away.
    case terminalLost
}

/// The session's clock: the monotonic time since the session's origin, from a clock that
/// stops while the machine is suspended (the gap is recorded separately), in whole
/// milliseconds (the log's resolution, so replay is exact).
public struct SessionClock: Sendable {
    private let read: @Sendable () -> Duration

    /// A clock that reads `base` now.
    public init(now base: Duration) {
        let clock = SuspendingClock()
        let start = clock.now
        read = { base + (clock.now - start) }
    }

    /// The session time as a manual clock reads it (in-process tests).
    public init(_ manual: ManualClock) {
        read = { manual.now }
    }

    public func now() -> Duration {
        .milliseconds(read().milliseconds)
    }
}

/// The one loop that runs the screen: it sleeps in `wget_wch` until a key, the next second
/// of a running clock, or a signal; records every action before drawing its effect.
public final class SessionRunner {
    public private(set) var session: Session
    public private(set) var controls = Controls()
    private let clock: SessionClock
    private let recorder: SessionRecorder
    private let options: RunOptions
    private let terminal: any TerminalIO

    public init(
        session: Session, clock: SessionClock, recorder: SessionRecorder, terminal: any TerminalIO, options: RunOptions,
        message: String? = nil, draft: Draft? = nil
    ) {
        controls.message = message
        if let draft { controls.restore(draft, in: session) }
        self.session = session
        self.clock = clock
        self.recorder = recorder
        self.terminal = terminal
        self.options = options
    }

    public func run() -> RunOutcome {
        Signals.install()
        defer { terminal.restore() }
        var quickEmptyReads = 0
        while true {
            let now = clock.now()
            perform(.tick, at: now)
            recorder.checkClock(at: now)
            recorder.heartbeat(at: now, draft: controls.draft)
            if let signal = Signals.take() {
                if signal == SIGINT {
                    controls.overlay = .confirmQuit
                } else {
                    return .signalled(signal)
                }
            }
            draw(at: now)
            reapChildren()
            let wait = nextWake(at: now)
            let asked = clock.now()
            guard let key = terminal.readKey(timeout: wait) else {
                // A closed standard input returns at once, again and again: that is a lost terminal.
                quickEmptyReads = clock.now() - asked < .milliseconds(5) ? quickEmptyReads + 1 : 0
                if quickEmptyReads > 50 && Signals.pending == nil { return .terminalLost }
                continue
            }
            quickEmptyReads = 0
            if key == .resize { continue }
            switch controls.interpret(key, session: session) {
            case .none: break
            case .act(let action): perform(action, at: clock.now())
            case .quit:
                recorder.heartbeat(at: clock.now(), draft: controls.draft)
                return .left
            case .finish:
                perform(.finish, at: clock.now())
                return .finished
            }
        }
    }

    /// Applies an action and records it; a refused one becomes a message on screen.
    private func perform(_ action: Action, at now: Duration) {
        if action != .tick { perform(.tick, at: now) }
        do {
            let facts = try session.handle(action, at: now)
            if action != .tick || !facts.isEmpty { recorder.record(action, at: now, facts: facts) }
            react(to: facts)
        } catch {
            controls.message = error.description
        }
    }

    private func react(to facts: [Fact]) {
        guard facts.contains(where: { if case .timeReached = $0.what { true } else { false } }) else { return }
        if options.bell { terminal.bell() }
        if let command = options.onTime { Chime.start(command) }
    }

    private func draw(at now: Duration) {
        terminal.followWindowSize()
        let size = terminal.size
        var screen = SessionScreen(session: session, controls: controls, now: now, warning: recorder.warning)
        if options.control { screen.audience = .facilitator }
        terminal.draw(screen.render(width: size.width, height: size.height))
    }

    /// Until the displayed clock changes, or a second at most (signals, the heartbeat).
    private func nextWake(at now: Duration) -> Duration {
        guard !session.isPaused, let clock = session.roomView(at: now).clock else { return .seconds(1) }
        return min(.seconds(1), ClockText.untilNextChange(clock))
    }

    private func reapChildren() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }
}
