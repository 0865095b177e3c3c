import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The CSV header; tools and tests rely on it, so it never changes within a format.
    public static let csvHeader =
        "session,step,kind,round,turn,person,role,started_at,seconds,allotted_seconds,overrun_seconds,passed,ended_by"

    /// One row per turn (RFC 4180, CRLF line ends): the 1-based step number and its kind,
    /// round, turn, person, role, start (ISO 8601 UTC), active seconds with one decimal,
    /// allotted seconds (empty when untimed), overrun seconds, passed, and who ended it.
    ///
    /// Text fields are made safe first (control characters shown as `\u{XX}`), then defused
    /// against spreadsheet formula injection: a field starting with `=`, `+`, `-`, `@`, a
    /// tab or a CR gets a leading `'`, which spreadsheets show and never evaluate. Then a
    /// field holding `,`, `"`, CR or LF is quoted, its quotes doubled.
    public func csv() -> String {
        let names = people.map { Self.csvField($0) }
        let sessionField = Self.csvField(session)
        var out = Self.csvHeader + "\r\n"
        for turn in turns {
            let person = names.holds(turn.person) ? names[turn.person] : Self.csvField(name(turn.person))
            let fields = [
                sessionField, "\(turn.step)", turn.kind.rawValue, "\(turn.round)", "\(turn.turn)", person,
                turn.role.rawValue, turn.started.iso8601, TranscriptWords.tenths(turn.active),
                turn.allotted.map(TranscriptWords.tenths) ?? "", TranscriptWords.tenths(turn.overrun),
                turn.passed ? "true" : "false", turn.endedBy.rawValue,
            ]
            out += fields.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// A user-text field: made safe, defused, quoted when needed.
    static func csvField(_ text: String) -> String {
        var field = safe(text)
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
