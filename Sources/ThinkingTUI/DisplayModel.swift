import Glibc
import ThinkingCore

/// The room's view of a followed session (`thinkenv display`): it redraws on a change to the
/// log, on the next second of the displayed clock, or on a key. It never records anything;
/// `q` or Ctrl-C leaves.
///
/// It never shows a stale clock as live: when the controller gives no sign of life for
/// `pausedAfter`, the room reads "Paused — the facilitator will be back" and no clock; started
/// with no session running (given a way to look for one), it waits, "Waiting for a session to
/// start", and follows the next session that starts, as it does once a followed session ends.
public final class DisplayModel: ScreenModel {
    /// How long to wait between two looks when there is no change notification.
    public static let boundedWait: Duration = .milliseconds(100)
    /// Silence from the controller after which the room is told the session is paused.
    public static let pausedAfter: Duration = .seconds(2)
    /// How often a waiting display looks for a session that has started.
    public static let lookEvery: Duration = .seconds(1)

    private var feed: SessionFeed?
    /// Finds the session a display should follow now (the newest running one, newer than the
    /// one followed, whose source it is given), if asked to.
    private let lookForSession: ((String?) -> SessionFeed?)?
    /// The controller's silence when the display last looked for a newer session.
    private var lookedAtSilence: Duration?
    /// The followed session advanced to `now`: what the frame shows.
    private var shown: Session?
    private var now: Duration = .zero
    private let letters: NameLetters?
    private let words: Words

    public init(feed: SessionFeed, letters: NameLetters? = nil, words: Words = .english) {
        self.feed = feed
        self.letters = letters
        self.words = words
        lookForSession = nil
        shown = feed.session
        now = feed.now()
    }

    /// A display that follows whatever session is running, and waits while none is.
    public init(
        lookingFor: @escaping (_ following: String?) -> SessionFeed?, letters: NameLetters? = nil,
        words: Words = .english
    ) {
        lookForSession = lookingFor
        self.letters = letters
        self.words = words
        feed = lookingFor(nil)
        shown = feed?.session
        now = feed?.now() ?? .zero
    }

    public func handle(_ wake: Wake) -> [LoopEffect<RunOutcome>] {
        switch wake {
        case .tick:
            if let look = lookForSession, feed == nil || isOver || timeToLookForANewerSession(),
                let found = look(isOver ? nil : feed?.source), found !== feed, found.session.stage != .finished
            {
                feed = found
                lookedAtSilence = nil
            }
            guard let feed else { return [] }
            _ = feed.refresh()
            var session = feed.session
            now = feed.now()
            _ = session.advance(to: now)
            shown = session
            return []
        case .change: return []
        case .key(let key): return Self.leaves(key) ? [.end(.left)] : []
        }
    }

    public func handle(signal: Int32) -> [LoopEffect<RunOutcome>] {
        [.end(signal == SIGINT ? .left : .signalled(signal))]
    }

    public var outcomeWhenTerminalLost: RunOutcome { .terminalLost }

    /// The followed session has ended (or its controller has been silent for good).
    private var isOver: Bool {
        guard let feed else { return true }
        return feed.session.stage == .finished || feed.silence >= runningSessionSilenceLimit
    }

    /// Whether to look for a newer session now: the followed session's controller is away, and
    /// one may have started in its place (quit, then started again); once a `lookEvery` of the
    /// silence.
    private func timeToLookForANewerSession() -> Bool {
        guard let feed, controllerAway else {
            lookedAtSilence = nil
            return false
        }
        if let last = lookedAtSilence, feed.silence - last < Self.lookEvery { return false }
        lookedAtSilence = feed.silence
        return true
    }

    /// The controller is away: the session is neither running nor over.
    private var controllerAway: Bool {
        guard let feed, let shown else { return false }
        return feed.silence >= Self.pausedAfter && shown.stage != .complete && shown.stage != .finished
    }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        guard let shown else {
            return Self.calm(words[.waitingForSession], detail: nil, width: width, height: height)
        }
        if controllerAway {
            return Self.calm(
                words[.pausedFacilitator], detail: shown.plan.definition.name, width: width,
                height: height)
        }
        var screen = SessionScreen(session: shown, controls: Controls(), now: now)
        screen.audience = .room
        screen.letters = letters
        screen.words = words
        return screen.render(width: width, height: height)
    }

    /// One calm line in the middle of the screen, and what it is about above it.
    static func calm(_ text: String, detail: String?, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: max(0, width), height: max(0, height))
        let area = buffer.area
        if let detail { buffer.writeTruncated(detail, x: 1, y: 0, width: max(0, width - 2), style: .quiet) }
        let lines = TextWrap.lines(text, width: max(1, width - 4), maxLines: 2)
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: height / 2 - 1 + offset, in: area, style: Style.name.emphasised)
        }
        return buffer
    }

    /// Until the displayed clock changes, a second at most; a held clock (the controller is
    /// away) does not move, so a second. Without change notifications, a look each
    /// `boundedWait`.
    public var nextWake: Duration? {
        var wait: Duration = .seconds(1)
        guard let feed, let shown else { return Self.lookEvery }
        if !feed.isHeld, !shown.isPaused, let clock = shown.roomView(at: now).clock {
            wait = min(wait, ClockText.untilNextChange(clock))
        }
        if !controllerAway, feed.silence < Self.pausedAfter {
            // Wake when the silence becomes a pause, to say so on time.
            wait = min(wait, max(.milliseconds(10), Self.pausedAfter - feed.silence))
        }
        return feed.changeDescriptor == nil ? min(wait, Self.boundedWait) : wait
    }

    public var changeDescriptor: Int32? { feed?.changeDescriptor }

    static func leaves(_ key: Key) -> Bool {
        key == .character("q") || key == .character("Q") || key == .ctrlC
    }
}
