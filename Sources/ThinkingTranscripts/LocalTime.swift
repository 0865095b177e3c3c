import Foundation
import ThinkingCore

/// How an instant reads where the session took place: the zone's own rules at that date
/// (summer time included), not today's offset. The log keeps UTC; this is for people.
public struct LocalTime: Sendable {
    let zone: TimeZone
    /// Whether the zone is UTC itself (named `UTC`, not by an abbreviation).
    let isUTC: Bool

    /// Times in UTC (tests, and a reader who asks for it).
    public static let utc = LocalTime(zone: TimeZone(secondsFromGMT: 0) ?? .current, isUTC: true)

    /// The named zone (`Europe/Paris`); nil when the name is unknown here.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        let utcNames: Set = ["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"]
        self.init(zone: zone, isUTC: utcNames.contains(zone.identifier) || utcNames.contains(identifier))
    }

    init(zone: TimeZone, isUTC: Bool) {
        self.zone = zone
        self.isUTC = isUTC
    }

    /// Where a session took place: the zone its log names, else this computer's.
    public static func of(_ transcript: Transcript) -> LocalTime {
        if let name = transcript.zone, let local = LocalTime(identifier: name) { return local }
        return LocalTime(identifier: TimeZone.current.identifier) ?? .utc
    }

    /// When the zone a transcript's log names is not known on this computer, the line that
    /// says so for its problems (its times are then read in this computer's zone); nil when
    /// the zone is known, or the log names none.
    static func unknownZone(of transcript: Transcript) -> String? {
        guard let name = transcript.zone, LocalTime(identifier: name) == nil else { return nil }
        return
            "The session's time zone \(safe(name)) is not known here: times are shown in \(safe(of(transcript).name))"
    }

    /// `Europe/Paris`, `UTC`.
    var name: String { isUTC ? "UTC" : zone.identifier }

    /// Seconds east of UTC at that instant.
    func offset(at time: WallTime) -> Int {
        isUTC ? 0 : zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.milliseconds) / 1000))
    }

    /// `16:25:23` at that instant.
    public func time(_ wall: WallTime) -> String { wall.timeOfDay(utcOffset: offset(at: wall)) }

    /// `2026-12-02` at that instant.
    public func date(_ wall: WallTime) -> String { wall.date(utcOffset: offset(at: wall)) }

    /// `UTC+01:00 Europe/Paris`, `UTC`: the offset in force then, and the zone's name.
    func zoneName(at time: WallTime) -> String {
        if isUTC { return "UTC" }
        return WallTime.zoneName(utcOffset: offset(at: time)) + " " + safe(zone.identifier)
    }
}

/// Local times for one document: the offset is looked up once per quarter hour of the
/// session (zones change their offset on a quarter hour, and a long log has tens of
/// thousands of times).
final class LocalClock {
    let local: LocalTime
    private var offsets: [Int64: Int] = [:]

    init(_ local: LocalTime) { self.local = local }

    func offset(_ time: WallTime) -> Int {
        let quarter = time.milliseconds / 900_000
        if let known = offsets[quarter] { return known }
        let offset = local.offset(at: time)
        offsets[quarter] = offset
        return offset
    }

    /// `16:25:23`.
    func time(_ time: WallTime) -> String { time.timeOfDay(utcOffset: offset(time)) }
    /// `2026-12-02`.
    func date(_ time: WallTime) -> String { time.date(utcOffset: offset(time)) }
    /// `Wed 2 Dec 2026, 16:25`.
    func readable(_ time: WallTime, words: Words = .english) -> String {
        time.readable(utcOffset: offset(time), words: words)
    }
    /// `CET`.
    func zoneName(_ time: WallTime) -> String { local.zoneName(at: time) }
}

extension Transcript {
    /// `2026-12-02 16:25:23`: the start, where the session took place (for one line per
    /// session).
    public var startedLocally: String {
        let local = LocalTime.of(self)
        return "\(local.date(started)) \(local.time(started))"
    }
}
