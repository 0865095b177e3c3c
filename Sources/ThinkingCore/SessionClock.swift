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

/// A clock that moves only when told: the session time a scripted run reads.
public final class ManualClock: @unchecked Sendable {
    public private(set) var now: Duration

    public init(now: Duration = .zero) { self.now = now }

    public func advance(by duration: Duration) { now += duration }
}
