import Foundation
import ThinkingCore

/// Wall-clock times as the log writes them: `2026-11-22T10:04:12.345Z`, always UTC.
/// The arithmetic is `WallTime`'s (integers only: it runs for every event and every row).
public enum UTCTime {
    /// Milliseconds since the Unix epoch, now.
    public static func nowMillis() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    public static func iso(millis: Int64) -> String { WallTime(milliseconds: millis).iso8601 }

    /// Reads an ISO 8601 time back to epoch milliseconds.
    public static func millis(fromISO text: String) -> Int64? { WallTime(iso8601: text)?.milliseconds }
}
