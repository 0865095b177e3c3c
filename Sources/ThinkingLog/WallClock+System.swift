import Glibc
import ThinkingCore

extension WallClock {
    /// The system's time of day (`CLOCK_REALTIME`), to the millisecond.
    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
