import ThinkingCore

/// A followed log as the display reads it: new lines on inotify's word, and session time
/// counted on the display's own monotonic clock from the latest anchor.
///
/// The anchor is the controller's last sign of life (a log line or the heartbeat): at that
/// wall-clock time the session stood at `t`. When the anchor moves the feed works out the
/// session time now from the wall clock, then counts on with its monotonic clock, which a
/// changed time of day cannot move. Past `LiveSession.heldAfter` without a new anchor the
/// clock is held: the controller has gone (quit, or crashed) or the machine is asleep.
public final class LogFeed: SessionFeed {
    private var live: LiveSession
    private let watch: FileWatch?
    private let wallClock: WallClock
    private let clock: SessionClock
    /// The anchor's session time, the session time it gave, and the monotonic time then.
    private var anchorT: Duration
    private var anchoredAt: (session: Duration, monotonic: Duration)

    /// Follows `live`; `wallClock` and `clock` are the system's unless a test sets them.
    public init(_ live: LiveSession, wallClock: WallClock = .system, clock: SessionClock = SessionClock(now: .zero)) {
        self.live = live
        watch = FileWatch(path: live.path)
        self.wallClock = wallClock
        self.clock = clock
        anchorT = live.anchor.t
        anchoredAt = (live.sessionTime(wallNow: wallClock.now()), clock.now())
        // sessionTime counts at most `heldAfter` past the anchor: the rest of the silence.
        let silent = live.silence(wallNow: wallClock.now()) ?? .zero
        silentBefore = max(.zero, silent - LiveSession.heldAfter)
    }

    /// The part of a silence older than the feed that `counted` cannot see.
    private var silentBefore: Duration = .zero

    public var session: Session { live.session }
    public var changeDescriptor: Int32? { watch?.descriptor }
    public var path: String { live.path }
    public var source: String? { live.path }

    public func refresh() -> Bool {
        watch?.drain()
        let changed = live.update()
        _ = live.readHeartbeat()
        if live.anchor.t != anchorT || changed {
            silentBefore = .zero
            anchorT = live.anchor.t
            anchoredAt = (live.sessionTime(wallNow: wallClock.now()), clock.now())
        }
        return changed
    }

    /// True once the clock has stopped counting: no sign of life for `LiveSession.heldAfter`.
    public var isHeld: Bool { counted >= live.anchor.t + LiveSession.heldAfter }

    /// Since the controller's last sign of life, on the display's clock (from the wall clock
    /// when the feed began: a session found long silent is silent from the first frame).
    public var silence: Duration { max(.zero, counted - live.anchor.t) + silentBefore }

    /// Counts on from the anchor, held at most `LiveSession.heldAfter` past it.
    public func now() -> Duration {
        min(counted, live.anchor.t + LiveSession.heldAfter)
    }

    private var counted: Duration { anchoredAt.session + (clock.now() - anchoredAt.monotonic) }
}
