/// Where the time of day comes from: the system's clock in the program
/// (`WallClock.system`, in ThinkingLog), a set or moving one in tests. It is handed to every
/// place that reads the time of day: the log's lines and heartbeat, resume's downtime, the
/// display's anchoring.
public struct WallClock: Sendable {
    private let read: @Sendable () -> WallTime

    public init(_ read: @escaping @Sendable () -> WallTime) { self.read = read }

    public func now() -> WallTime { read() }

    /// A clock that reads `manual`'s time: the given instant plus however far the manual
    /// clock has been moved.
    public static func following(_ manual: ManualClock, from start: WallTime) -> WallClock {
        WallClock { start.adding(manual.now) }
    }
}
