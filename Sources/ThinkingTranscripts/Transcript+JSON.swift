import Foundation
import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The whole transcript as JSON, pretty-printed with sorted keys: durations in seconds,
    /// wall times as ISO 8601 UTC, people as indices into `people`. It decodes back into an
    /// equal `Transcript`.
    ///
    /// Text is exported as typed. JSON already escapes C0 controls; the other characters
    /// that could act on a terminal (DEL, C1 controls, bidirectional overrides) are written
    /// as `\uXXXX` escapes too, so the file is safe to `cat` and still decodes to the same text.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(self), as: UTF8.self)
        return Self.escapingTerminalControls(text) + "\n"
    }

    /// Reads a transcript written by `json()`.
    public static func fromJSON(_ data: Data) throws -> Transcript {
        try JSONDecoder().decode(Transcript.self, from: data)
    }

    /// JSON text with DEL, C1 controls and bidi controls as `\uXXXX`. These only ever occur
    /// inside string literals (JSON's own syntax is ASCII), where the escape means the same.
    static func escapingTerminalControls(_ json: String) -> String {
        func hostile(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        // A byte scan first: every such scalar's UTF-8 starts with 0x7F, 0xC2 or 0xE2.
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
            json.unicodeScalars.contains(where: hostile)
        else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard hostile(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: false)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(out)
    }
}
