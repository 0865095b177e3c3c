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
    /// Big names from a real font (`ThinkingFonts`); nil draws them in block letters.
    public var letters: NameLetters?
    /// The end screen opens on everyone's figures, not only "Thank you" (`t` still toggles).
    public var figuresAtEnd = false
    /// The language of the screen's words.
    public var words: Words = .english

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

/// The session's screen as the loop runs it: a key becomes an action, the action is applied
/// and recorded before the next frame shows its effect, and a refused one becomes a message.
public final class SessionModel: ScreenModel {
    public private(set) var session: Session
    public private(set) var controls = Controls()
    private let clock: SessionClock
    private let recorder: SessionRecorder
    private let options: RunOptions
    /// The session time of the last tick: what the frame shows.
    private var now: Duration

    public init(
        session: Session, clock: SessionClock, recorder: SessionRecorder, options: RunOptions,
        message: String? = nil, draft: Draft? = nil
    ) {
        controls.message = message
        controls.showsFigures = options.figuresAtEnd
        controls.words = options.words
        if let draft { controls.restore(draft, in: session) }
        self.session = session
        self.clock = clock
        self.recorder = recorder
        self.options = options
        now = clock.now()
    }

    public func handle(_ wake: Wake) -> [LoopEffect<RunOutcome>] {
        switch wake {
        case .tick:
            now = clock.now()
            if let confirmation = controls.confirmation, now >= confirmation.until { controls.confirmation = nil }
            let effects = perform(.tick, at: now)
            recorder.checkClock(at: now)
            recorder.heartbeat(at: now, draft: controls.draft)
            return effects
        case .change:
            return []
        case .key(let key):
            switch controls.interpret(key, session: session) {
            case .none: return []
            case .act(let action): return perform(action, at: clock.now())
            case .quit:
                recorder.heartbeat(at: clock.now(), draft: controls.draft)
                return [.end(.left)]
            case .finish:
                return perform(.finish, at: clock.now()) + [.end(.finished)]
            }
        }
    }

    /// Ctrl-C asks before leaving; SIGTERM and SIGHUP leave (everything shown was recorded).
    public func handle(signal: Int32) -> [LoopEffect<RunOutcome>] {
        guard signal == SIGINT else { return [.end(.signalled(signal))] }
        controls.overlay = .confirmQuit
        return []
    }

    public var outcomeWhenTerminalLost: RunOutcome { .terminalLost }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        var screen = SessionScreen(session: session, controls: controls, now: now, warning: recorder.warning)
        if options.control { screen.audience = .facilitator }
        screen.letters = options.letters
        screen.words = options.words
        return screen.render(width: width, height: height)
    }

    /// Until the displayed clock changes, or a second at most (signals, the heartbeat).
    public var nextWake: Duration? {
        let confirmation = controls.confirmation.map { max(.zero, $0.until - now) } ?? .seconds(1)
        guard !session.isPaused, let clock = session.roomView(at: now).clock else {
            return min(.seconds(1), confirmation)
        }
        return min(.seconds(1), ClockText.untilNextChange(clock), confirmation)
    }

    /// Applies an action and records it; a refused one becomes a message on screen.
    private func perform(_ action: Action, at now: Duration) -> [LoopEffect<RunOutcome>] {
        var effects: [LoopEffect<RunOutcome>] = []
        if action != .tick { effects = perform(.tick, at: now) }
        do {
            let facts = try session.handle(action, at: now)
            if action != .tick || !facts.isEmpty { recorder.record(action, at: now, facts: facts) }
            if let text = Self.confirmation(of: facts).map({ options.words[$0] }) {
                controls.confirmation = .init(text: text, until: now + Self.confirmationTime)
            }
            return effects + react(to: facts)
        } catch {
            controls.message = options.words.refusal(error)
            return effects
        }
    }

    /// How long a quiet confirmation stays on the facilitator's line.
    static let confirmationTime: Duration = .seconds(2)

    /// What a saved note, an interruption, an arrival or a departure says, quietly.
    static func confirmation(of facts: [Fact]) -> Word? {
        for fact in facts {
            switch fact.what {
            case .noteAdded: return .messageNoteSaved
            case .incisiveQuestionKept: return .messageIncisiveKept
            case .interruptionNoted: return .messageInterruptionNoted
            case .personJoined: return .messageArrival
            case .personLeft: return .messageDeparture
            default: continue
            }
        }
        return nil
    }

    /// A turn's time reached: the bell and the chime, when asked for.
    private func react(to facts: [Fact]) -> [LoopEffect<RunOutcome>] {
        guard facts.contains(where: { if case .timeReached = $0.what { true } else { false } }) else { return [] }
        return (options.bell ? [.bell] : []) + (options.onTime.map { [.run($0)] } ?? [])
    }
}
