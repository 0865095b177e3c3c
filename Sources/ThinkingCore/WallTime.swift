/// A UTC wall-clock instant to the millisecond, read and written as ISO 8601
/// (`2026-11-22T10:04:12.345Z`) with integer arithmetic: no date formatter per row, so a
/// 10,000-turn export formats its times in microseconds.
public struct WallTime: Codable, Comparable, Hashable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: WallTime, b: WallTime) -> Bool { a.milliseconds < b.milliseconds }

    /// Written as its ISO 8601 text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = WallTime(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
        }
        self = time
    }

    /// This instant moved by a session duration.
    public func adding(_ duration: Duration) -> WallTime {
        WallTime(milliseconds: milliseconds + duration.milliseconds)
    }

    // MARK: - Writing

    /// `2026-11-22T10:04:12.345Z`.
    public var iso8601: String {
        let (days, ms) = Self.split(milliseconds)
        let (y, m, d) = Self.civil(fromDays: days)
        guard (0...9999).contains(y) else {
            return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))T\(Self.clock(ms, withMilliseconds: true))Z"
        }
        // Digits written straight into 24 bytes: a long export writes one per turn.
        let s = ms / 1000
        return String(unsafeUninitializedCapacity: 24) { out in
            func put(_ value: Int64, _ width: Int, at start: Int) {
                var v = value
                for k in stride(from: start + width - 1, through: start, by: -1) {
                    out[k] = UInt8(0x30 + v % 10)
                    v /= 10
                }
            }
            put(y, 4, at: 0)
            put(m, 2, at: 5)
            put(d, 2, at: 8)
            put(s / 3600, 2, at: 11)
            put(s / 60 % 60, 2, at: 14)
            put(s % 60, 2, at: 17)
            put(ms % 1000, 3, at: 20)
            for (k, byte) in [(4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x2E), (23, 0x5A)] {
                out[k] = UInt8(byte)
            }
            return 24
        }
    }

    /// `2026-11-22T10-04-12Z`: the ISO 8601 second with dashes for colons, safe in a file
    /// name (session files are named by their start, so they sort by it).
    public var fileStamp: String {
        let (days, ms) = Self.split(milliseconds)
        let (y, m, d) = Self.civil(fromDays: days)
        let s = ms / 1000
        let time = "\(Self.pad(s / 3600, 2))-\(Self.pad(s / 60 % 60, 2))-\(Self.pad(s % 60, 2))"
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))T\(time)Z"
    }

    /// `2026-11-22`, in a zone `utcOffset` seconds east of UTC.
    public func date(utcOffset: Int = 0) -> String {
        let (days, _) = Self.split(milliseconds + Int64(utcOffset) * 1000)
        let (y, m, d) = Self.civil(fromDays: days)
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
    }

    /// `10:04:12`, in a zone `utcOffset` seconds east of UTC.
    public func timeOfDay(utcOffset: Int = 0) -> String {
        Self.clock(Self.split(milliseconds + Int64(utcOffset) * 1000).1, withMilliseconds: false)
    }

    /// `Wed 2 Dec 2026, 16:25`: the day and minute as people write them, in a zone
    /// `utcOffset` seconds east of UTC, in the language of `words`.
    public func readable(utcOffset: Int = 0, words: Words = .english) -> String {
        let (days, ms) = Self.split(milliseconds + Int64(utcOffset) * 1000)
        let (y, m, d) = Self.civil(fromDays: days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
        let minutes = ms / 60_000
        return words.fill(
            .dateReadable,
            [
                "weekday": words.names(.weekdays)[weekday], "day": "\(d)", "month": words.names(.months)[Int(m) - 1],
                "year": "\(y)", "time": "\(Self.pad(minutes / 60, 2)):\(Self.pad(minutes % 60, 2))",
            ])
    }

    /// `UTC`, `UTC+01:00`, `UTC-03:30`.
    public static func zoneName(utcOffset: Int) -> String {
        guard utcOffset != 0 else { return "UTC" }
        let minutes = abs(utcOffset) / 60
        return "UTC\(utcOffset < 0 ? "-" : "+")\(pad(Int64(minutes / 60), 2)):\(pad(Int64(minutes % 60), 2))"
    }

    private static let msPerDay: Int64 = 86_400_000

    /// Whole days since the epoch and milliseconds into that day (floor division).
    private static func split(_ ms: Int64) -> (Int64, Int64) {
        var days = ms / msPerDay
        var rest = ms % msPerDay
        if rest < 0 { days -= 1; rest += msPerDay }
        return (days, rest)
    }

    private static func clock(_ msOfDay: Int64, withMilliseconds: Bool) -> String {
        let s = msOfDay / 1000
        let text = "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
        return withMilliseconds ? text + "." + pad(msOfDay % 1000, 3) : text
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(abs(value))
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day number.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Howard Hinnant's `days_from_civil`: the day number of a proleptic Gregorian date.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    // MARK: - Reading

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, the form the log writes; nil for
    /// anything else.
    public init?(iso8601 text: String) {
        var reader = DigitReader(Array(text.utf8))
        guard let y = reader.number(4), reader.skip("-"), let mo = reader.number(2), reader.skip("-"),
            let d = reader.number(2), reader.skip("T") || reader.skip("t") || reader.skip(" "),
            let h = reader.number(2), reader.skip(":"), let mi = reader.number(2), reader.skip(":"),
            let s = reader.number(2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var ms: Int64 = 0
        if reader.skip(".") || reader.skip(",") {
            var scale: Int64 = 100
            var count = 0
            while let digit = reader.number(1) {
                ms += digit * scale
                scale /= 10
                count += 1
            }
            if count == 0 { return nil }
        }
        guard let offset = reader.zoneOffset(), reader.atEnd else { return nil }
        let day = Self.days(fromCivil: y, mo, d)
        milliseconds = day * Self.msPerDay + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset
    }
}

/// Reads fixed-width decimal fields from ASCII bytes.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// `Z`, `+01:00` or `-0330`, in milliseconds east of UTC.
    mutating func zoneOffset() -> Int64? {
        if skip("Z") || skip("z") { return 0 }
        guard let sign: Int64 = skip("+") ? 1 : skip("-") ? -1 : nil, let hours = number(2) else { return nil }
        _ = skip(":")
        guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes) * 60_000
    }

    mutating func number(_ width: Int) -> Int64? {
        guard index + width <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + width] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += width
        return value
    }
}
