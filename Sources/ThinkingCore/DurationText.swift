/// Reading and writing durations the way people type them: `90s`, `2m`, `1m30s`, `1h`.
public enum DurationText {
    /// Parses `90s`, `2m`, `1m30s`, `1h5m`, `45` is rejected (a unit is required).
    /// Returns nil for anything else, including zero-length or absurdly long durations.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmed.lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 24 else { return nil }
        var total: Int64 = 0
        var number: Int64? = nil
        var lastUnitRank = Int.max
        for ch in trimmed {
            if let digit = ch.wholeNumberValue, ch.isASCII {
                let current = number ?? 0
                guard current < 100_000 else { return nil }
                number = current * 10 + Int64(digit)
                continue
            }
            let (seconds, rank): (Int64, Int)
            switch ch {
            case "h": (seconds, rank) = (3600, 3)
            case "m": (seconds, rank) = (60, 2)
            case "s": (seconds, rank) = (1, 1)
            default: return nil
            }
            guard let value = number, rank < lastUnitRank else { return nil }
            total += value * seconds
            lastUnitRank = rank
            number = nil
        }
        guard number == nil, total > 0, total <= 24 * 3600 else { return nil }
        return .seconds(total)
    }

    /// `1m30s`, `2m`, `45s`, `1h5m`: the form `parse` reads back.
    public static func format(_ duration: Duration) -> String {
        let total = Int64((duration.seconds).rounded(.down))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        var out = ""
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || out.isEmpty { out += "\(s)s" }
        return out
    }

    /// A clock reading: `4:05`, `12:00`, `1:02:03` (seconds truncated, never rounded up).
    public static func clock(_ duration: Duration) -> String {
        let total = max(0, Int64(duration.seconds.rounded(.down)))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}

extension Duration {
    /// The duration in seconds, as a Double (for display and exports only).
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }

    /// Whole milliseconds, the log's resolution.
    public var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation in the core).
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
