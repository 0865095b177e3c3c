import Glibc
import ThinkingCore

/// The room's view of a followed session (`thinkenv display`): it redraws on a change to the
/// log, on the next second of the displayed clock, or on a key. It never records anything;
/// `q` or Ctrl-C leaves.
public final class DisplayModel: ScreenModel {
    /// How long to wait between two looks when there is no change notification.
    public static let boundedWait: Duration = .milliseconds(100)

    private let feed: SessionFeed
    /// The followed session advanced to `now`: what the frame shows.
    private var shown: Session
    private var now: Duration
    private let letters: NameLetters?

    public init(feed: SessionFeed, letters: NameLetters? = nil) {
        self.feed = feed
        self.letters = letters
        shown = feed.session
        now = feed.now()
    }

    public func handle(_ wake: Wake) -> [LoopEffect<RunOutcome>] {
        switch wake {
        case .tick:
            _ = feed.refresh()
            shown = feed.session
            now = feed.now()
            _ = shown.advance(to: now)
            return []
        case .change: return []
        case .key(let key): return Self.leaves(key) ? [.end(.left)] : []
        }
    }

    public func handle(signal: Int32) -> [LoopEffect<RunOutcome>] {
        [.end(signal == SIGINT ? .left : .signalled(signal))]
    }

    public var outcomeWhenTerminalLost: RunOutcome { .terminalLost }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        var screen = SessionScreen(session: shown, controls: Controls(), now: now)
        screen.audience = .room
        screen.letters = letters
        return screen.render(width: width, height: height)
    }

    /// Until the displayed clock changes, a second at most; a held clock (the controller is
    /// away) does not move, so a second. Without change notifications, a look each
    /// `boundedWait`.
    public var nextWake: Duration? {
        var wait: Duration = .seconds(1)
        if !feed.isHeld, !shown.isPaused, let clock = shown.roomView(at: now).clock {
            wait = min(wait, ClockText.untilNextChange(clock))
        }
        return feed.changeDescriptor == nil ? min(wait, Self.boundedWait) : wait
    }

    public var changeDescriptor: Int32? { feed.changeDescriptor }

    static func leaves(_ key: Key) -> Bool {
        key == .character("q") || key == .character("Q") || key == .ctrlC
    }
}
