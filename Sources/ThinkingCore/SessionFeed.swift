/// A session that someone else is running, as a read-only display follows it.
public protocol SessionFeed: AnyObject {
    /// Catches up with what the controlling program wrote; true when anything changed.
    func refresh() -> Bool
    var session: Session { get }
    /// Session time now, as the controlling program's screen reads it.
    func now() -> Duration
    /// Whether the time is held: the controlling program has given no sign of life lately.
    var isHeld: Bool { get }
    /// How long the controlling program has given no sign of life.
    var silence: Duration { get }
    /// A descriptor that becomes readable when there is something new (inotify), or nil:
    /// the runner then looks again every `DisplayModel.boundedWait`.
    var changeDescriptor: Int32? { get }
    /// Where the session is read from (a log's path), to tell one session from another.
    var source: String? { get }
}

extension SessionFeed {
    public var source: String? { nil }
}

/// How long a controlling program may be silent before its session is not taken for a
/// running one (the display neither follows it as live nor waits on it).
public let runningSessionSilenceLimit: Duration = .seconds(60)
