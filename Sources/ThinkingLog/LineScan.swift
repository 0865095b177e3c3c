import Foundation
import ThinkingCore

/// Reading the commonest lines of a log without `JSONDecoder` (~10 µs a line): the log is
/// written with sorted keys and without spaces, so an action without a value reads
/// `{"action":{"handOn":{}},"seq":6,"t":61.337,"wall":"2026-12-03T17:50:45.572Z"}`, and every
/// line's `seq` comes right before its `t`. Anything that is not exactly that shape (a
/// hand-edited line, an escape, an exponent) is left to the decoder, which reads it the same;
/// a number JSON does not allow (`07`, `1.5x`, a seq past `Int`) is not read at all, so the
/// decoder refuses its line as it would have anyway.
enum LineScan {
    /// The entry of an action line whose action has no value, or nil when the line is
    /// anything else.
    static func plainAction(_ data: Data) -> LogEntry? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> LogEntry? in
            var cursor = Cursor(bytes: bytes)
            guard cursor.take(actionOpen), let name = cursor.word(), let action = plainActions[name],
                cursor.take(actionClose), let seq = cursor.integer(), cursor.take(timeKey),
                let t = cursor.milliseconds(), cursor.take(wallKey), let wallText = cursor.word(),
                let wall = WallTime(iso8601: wallText), cursor.take(lineClose), cursor.atEnd
            else { return nil }
            return LogEntry(seq: seq, wall: wall, t: .milliseconds(t), action: action)
        }
    }

    /// The `seq` and `t` of any line, wherever the `seq` key is (only the top level has one,
    /// and a `"` inside text is always escaped, so the first `"seq":` is that key). `t` is
    /// nil when it does not follow or is not a plain number.
    static func seqAndTime(_ data: Data, needsTime: Bool) -> (seq: Int, t: Duration?)? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (seq: Int, t: Duration?)? in
            guard let start = find(seqKey, in: bytes) else { return nil }
            var cursor = Cursor(bytes: bytes, at: start + seqKey.count)
            guard let seq = cursor.integer() else { return nil }
            guard needsTime, cursor.take(timeKey) else { return (seq, nil) }
            let from = cursor.at
            if let ms = cursor.milliseconds() { return (seq, .milliseconds(ms)) }
            cursor.at = from
            guard let seconds = cursor.number(), seconds.isFinite, abs(seconds) < 1e12 else { return (seq, nil) }
            return (seq, .milliseconds(Int64((seconds * 1000).rounded())))
        }
    }

    /// How a fact line starts: the log is written with sorted keys.
    static let factPrefix: [UInt8] = Array(#"{"fact":"#.utf8)

    /// Whether a line starts with these bytes (a byte loop: `Data.starts(with:)` goes
    /// through generic iterators, a measurable cost over 200,000 lines).
    static func hasPrefix(_ data: Data, _ prefix: [UInt8]) -> Bool {
        data.withUnsafeBytes { bytes in
            guard bytes.count >= prefix.count else { return false }
            for (k, byte) in prefix.enumerated() where bytes[k] != byte { return false }
            return true
        }
    }

    /// The actions that carry no value, by the name the log gives them.
    static let plainActions: [String: Action] = [
        "tick": .tick, "begin": .begin, "handOn": .handOn, "pass": .pass, "undo": .undo, "pause": .pause,
        "resume": .resume, "swapEarly": .swapEarly, "noteInterruption": .noteInterruption, "finish": .finish,
        "roundFromHere": .roundFromHere, "endStep": .endStep,
    ]

    private static let actionOpen: [UInt8] = Array(#"{"action":{""#.utf8)
    private static let actionClose: [UInt8] = Array(#":{}},"seq":"#.utf8)
    static let seqKey: [UInt8] = Array(#""seq":"#.utf8)
    private static let timeKey: [UInt8] = Array(#","t":"#.utf8)
    private static let wallKey: [UInt8] = Array(#","wall":""#.utf8)
    private static let lineClose: [UInt8] = Array(#"}"#.utf8)

    private static func find(_ key: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > key.count, let first = key.first else { return nil }
        var start = 0
        search: while start <= bytes.count - key.count {
            guard bytes[start] == first else {
                start += 1
                continue
            }
            for offset in 1..<key.count where bytes[start + offset] != key[offset] {
                start += 1
                continue search
            }
            return start
        }
        return nil
    }

    /// A read position in a line's bytes.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        var atEnd: Bool { at == bytes.count }

        /// Steps over `literal` if it is next.
        mutating func take(_ literal: [UInt8]) -> Bool {
            guard bytes.count - at >= literal.count else { return false }
            for (offset, byte) in literal.enumerated() where bytes[at + offset] != byte { return false }
            at += literal.count
            return true
        }

        /// ASCII letters, digits and `-:.` up to a closing `"` (stepped over); nil for
        /// anything else (an escape, a non-ASCII byte, no closing quote).
        mutating func word() -> String? {
            let start = at
            while at < bytes.count, bytes[at] != 0x22 {
                let byte = bytes[at]
                guard
                    (0x30...0x3A).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == 0x2D || byte == 0x2E
                else { return nil }
                at += 1
            }
            guard at < bytes.count, at > start, at - start <= 40 else { return nil }
            defer { at += 1 }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        }

        /// Whether a number just read ends here, as JSON wants it to: at `,`, `}` or
        /// whitespace (`1.5x`, `1.5.5` or a digit past what was read do not end a number).
        var atNumberEnd: Bool {
            guard at < bytes.count else { return false }
            let byte = bytes[at]
            return byte == 0x2C || byte == 0x7D || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// The whole part of a JSON number: `0`, or digits that do not start with `0`
        /// (JSON has no `07`); nil for none, a leading zero, or more than `Int` holds.
        mutating func whole() -> Int? {
            let start = at
            var value = 0
            while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
                let (times, over) = value.multipliedReportingOverflow(by: 10)
                let (sum, past) = times.addingReportingOverflow(Int(bytes[at] - 0x30))
                guard !over, !past else { return nil }
                value = sum
                at += 1
            }
            guard at > start, bytes[start] != 0x30 || at - start == 1 else { return nil }
            return value
        }

        /// A non-negative whole number, the whole value (it ends at `,`, `}` or a space).
        mutating func integer() -> Int? {
            guard let value = whole(), atNumberEnd else { return nil }
            return value
        }

        /// Seconds written with at most three decimals (`61.337`, `0`, `-2.5`), as exact
        /// milliseconds; nil for anything else (more decimals, an exponent, not a JSON number).
        mutating func milliseconds() -> Int64? {
            let negative = at < bytes.count && bytes[at] == 0x2D
            if negative { at += 1 }
            guard let whole = whole(), whole < 1_000_000_000_000 else { return nil }
            var ms = Int64(whole) * 1000
            if at < bytes.count, bytes[at] == 0x2E {
                at += 1
                var scale: Int64 = 100
                let start = at
                while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
                    guard scale > 0 else { return nil }
                    ms += Int64(bytes[at] - 0x30) * scale
                    scale /= 10
                    at += 1
                }
                guard at > start else { return nil }
            }
            guard atNumberEnd else { return nil }
            return negative ? -ms : ms
        }

        /// Any JSON number (`-`, a whole part without a leading zero, decimals, an
        /// exponent), through `Double`; nil for anything JSON does not allow.
        mutating func number() -> Double? {
            let start = at
            func digits() -> Bool {
                let first = at
                while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
                return at > first
            }
            if at < bytes.count, bytes[at] == 0x2D { at += 1 }
            let wholeStart = at
            guard digits(), bytes[wholeStart] != 0x30 || at - wholeStart == 1 else { return nil }
            if at < bytes.count, bytes[at] == 0x2E {
                at += 1
                guard digits() else { return nil }
            }
            if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
                at += 1
                if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D { at += 1 }
                guard digits() else { return nil }
            }
            guard atNumberEnd, at - start <= 32 else { return nil }
            return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
        }
    }
}
