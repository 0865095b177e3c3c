import Foundation
import ThinkingCore

/// Pretty-printed JSON written as bytes, in the exact layout of Foundation's `JSONEncoder`
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents,
/// `"key" : value`, an empty array as `[`, a blank line, `]`.
///
/// The transcript's many turns are written through it (the encoder took ~170 ms for 10,000
/// turns); smaller parts go through `JSONEncoder` itself with `fragment(_:)`. Callers give
/// an object's keys in sorted order; a test holds the whole to the encoder's own output.
///
/// Strings are escaped as the encoder escapes them, and DEL, C1 controls and bidirectional
/// controls are written as `\uXXXX` too, so the file is safe to `cat`.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has a member yet (one flag per open container).
    private var hasMember: [Bool] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Containers

    mutating func object(_ body: (inout JSONText) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    mutating func array(_ body: (inout JSONText) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// An array member: a newline and the indent before it.
    mutating func element(_ body: (inout JSONText) throws -> Void) rethrows {
        startMember()
        try body(&self)
    }

    /// An object member's key; its value follows.
    mutating func key(_ name: StaticString) {
        startMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONText) throws -> Void) rethrows {
        bytes.append(open)
        depth += 1
        hasMember.append(false)
        try body(&self)
        let filled = hasMember.removeLast()
        depth -= 1
        bytes.append(0x0A)
        if !filled { bytes.append(0x0A) }
        indent()
        bytes.append(close)
    }

    private mutating func startMember() {
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    // MARK: - Members: a key and its value (none for nil, as the encoder leaves it out)

    mutating func field(_ name: StaticString, _ number: (some BinaryInteger)?) {
        guard let number else { return }
        key(name)
        value(number)
    }

    mutating func field(_ name: StaticString, _ flag: Bool?) {
        guard let flag else { return }
        key(name)
        value(flag)
    }

    mutating func field(_ name: StaticString, _ duration: Duration?) {
        guard let duration else { return }
        key(name)
        value(duration)
    }

    mutating func field(_ name: StaticString, _ string: String?) {
        guard let string else { return }
        key(name)
        value(string)
    }

    mutating func field(_ name: StaticString, _ time: WallTime) {
        key(name)
        value(time.iso8601)
    }

    mutating func field(_ name: StaticString, _ person: PersonID?) {
        field(name, person?.index)
    }

    mutating func field<Raw: RawRepresentable<String>>(_ name: StaticString, _ word: Raw?) {
        field(name, word?.rawValue)
    }

    /// A member `JSONEncoder` writes (the transcript's small parts).
    mutating func field(_ name: StaticString, encoding part: (some Encodable)?) throws {
        guard let part else { return }
        key(name)
        try fragment(part)
    }

    /// A member whose value is an array, one element per item.
    mutating func field<Item>(_ name: StaticString, each items: [Item], _ write: (inout JSONText, Item) throws -> Void)
        rethrows
    {
        key(name)
        try array { json in
            for item in items { try json.element { try write(&$0, item) } }
        }
    }

    // MARK: - Values

    mutating func value(_ number: some BinaryInteger) {
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func value(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// Seconds, as the log and `Duration+Codable` write them (milliseconds as a `Double`);
    /// a whole number without its ".0", as the encoder writes one.
    mutating func value(_ duration: Duration) {
        var text = String(Double(duration.milliseconds) / 1000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func value(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var plainStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let escapeLength = Self.escapedLength(utf8, at: index)
                guard escapeLength > 0 else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                appendEscape(utf8, at: index, byte: byte, length: escapeLength)
                index += escapeLength
                plainStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A value `JSONEncoder` writes, laid out at this depth.
    private mutating func fragment(_ value: some Encodable) throws {
        let encoded = [UInt8](try Self.encoder.encode(value))
        for (index, byte) in encoded.enumerated() {
            bytes.append(byte)
            // A blank line (an empty container's) has no indent.
            if byte == 0x0A, index + 1 < encoded.count, encoded[index + 1] != 0x0A { indent() }
        }
    }

    // MARK: - Escapes

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// How many bytes at `index` start a character that must be escaped (0 for none): a quote,
    /// a backslash, a C0 control or DEL (1), a C1 control (2), a bidi control (3).
    private static func escapedLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F: return 1
        case 0xC2:
            guard index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) else { return 0 }
            return 2
        case 0xE2:
            guard index + 2 < utf8.count else { return 0 }
            let (second, third) = (utf8[index + 1], utf8[index + 2])
            let bidi =
                second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third)
            return bidi ? 3 : 0
        default: return 0
        }
    }

    private mutating func appendEscape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, byte: UInt8, length: Int) {
        let scalar: UInt32
        switch length {
        case 1:
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                return
            case 0x08: return bytes.append(contentsOf: Array("\\b".utf8))
            case 0x09: return bytes.append(contentsOf: Array("\\t".utf8))
            case 0x0A: return bytes.append(contentsOf: Array("\\n".utf8))
            case 0x0C: return bytes.append(contentsOf: Array("\\f".utf8))
            case 0x0D: return bytes.append(contentsOf: Array("\\r".utf8))
            default: scalar = UInt32(byte)
            }
        case 2: scalar = UInt32(utf8[index + 1])
        default: scalar = 0x2000 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
        }
        let hex = String(scalar, radix: 16, uppercase: false)
        bytes.append(contentsOf: "\\u".utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
        bytes.append(contentsOf: hex.utf8)
    }
}
