/// Reads a language file: a flat YAML mapping of `key: "text"`, one a line, `#` comments and
/// blank lines allowed. Only this plain subset is read (every such file is valid YAML), so the
/// built-in tables need no YAML library, and a user's file gets a `LINE:COLUMN` for each
/// mistake: an unknown key, a key written twice, text that is not quoted where YAML needs it,
/// a `{slot}` the English text does not have.
public enum LanguageText {
    /// A mistake, where it is (1-based), what is wrong and what was expected.
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
        public var expected: String?
    }

    /// A file read: its words, and the line of each.
    public struct Read: Sendable {
        public var table: [Word: String]
        public var lines: [Word: Int]
    }

    /// The words of `text`, or every problem found in it; each text's `{slots}` are checked
    /// against `reference`'s (English), where given.
    public static func read(_ text: String, reference: [Word: String]? = nil) -> Result<Read, Problems> {
        var table: [Word: String] = [:]
        var lines: [Word: Int] = [:]
        var problems: [Problem] = []
        let bytes = Array(text.utf8)
        var line = 0
        var start = 0
        while start <= bytes.count {
            line += 1
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            defer { start = next }
            // Most lines are `key: "text"` with no escape: read from the bytes, without walking
            // characters (the screen's process reads two tables at start).
            if let (word, text) = plainLine(bytes[start..<end]), lines[word] == nil,
                whatIsWrong(with: text, of: word) == nil,
                reference == nil || slots(of: text) == slots(of: reference?[word] ?? "")
            {
                table[word] = text
                lines[word] = line
                continue
            }
            let content = Substring(String(decoding: bytes[start..<end], as: UTF8.self))
            let trimmed = content.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard trimmed.count == content.count else {
                problems.append(
                    Problem(
                        line: line, column: 1, message: "a key is indented",
                        expected: "key: \"text\" at the start of the line"))
                continue
            }
            guard let colon = content.firstIndex(of: ":") else {
                problems.append(
                    Problem(line: line, column: 1, message: "no ':' after the key", expected: "key: \"text\""))
                continue
            }
            let key = String(content[..<colon])
            let valueStart = content.index(after: colon)
            let column = content.distance(from: content.startIndex, to: valueStart) + 1
            guard let word = Word(rawValue: key) else {
                let known = Word.allCases.map(\.rawValue)
                let suggestion = KeySuggestion.nearest(to: key, among: known).map { "'\($0)'" } ?? "a key of en.yaml"
                problems.append(Problem(line: line, column: 1, message: "unknown key '\(key)'", expected: suggestion))
                continue
            }
            if let first = lines[word] {
                problems.append(
                    Problem(
                        line: line, column: 1, message: "'\(key)' is written twice (first on line \(first))",
                        expected: "each key once"))
                continue
            }
            switch value(content[valueStart...]) {
            case .success(let text):
                if let (message, expected) = whatIsWrong(with: text, of: word) {
                    problems.append(
                        Problem(
                            line: line, column: column + content[valueStart...].prefix { $0 == " " }.count,
                            message: message, expected: expected))
                    continue
                }
                if let english = reference?[word], slots(of: text) != slots(of: english) {
                    let wanted = slots(of: english).sorted().map { "{\($0)}" }.joined(separator: " ")
                    let found = slots(of: text).sorted().map { "{\($0)}" }.joined(separator: " ")
                    problems.append(
                        Problem(
                            line: line, column: column + content[valueStart...].prefix { $0 == " " }.count,
                            message: "the slots are \(found.isEmpty ? "none" : found)",
                            expected: wanted.isEmpty ? "no slots" : wanted))
                    continue
                }
                table[word] = text
                lines[word] = line
            case .failure(let problem):
                problems.append(
                    Problem(
                        line: line, column: column + problem.offset, message: problem.message,
                        expected: problem.expected))
            }
        }
        return problems.isEmpty ? .success(Read(table: table, lines: lines)) : .failure(Problems(items: problems))
    }

    /// What is wrong with a word's text, whatever its syntax, with what was expected; nil when
    /// nothing is.
    static func whatIsWrong(with text: String, of word: Word) -> (String, String)? {
        if let odd = text.unicodeScalars.first(where: { isUnprintable($0) && $0 != "\n" }) {
            let code = String(odd.value, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
            return (
                "the text holds \(name), which a screen cannot show as text", "text to show, without terminal controls"
            )
        }
        if text.allSatisfy(\.isWhitespace) { return ("no text", "\"text\" with something in it") }
        if let count = Words.nameCounts[word], text.split(separator: " ").count != count {
            return ("\(text.split(separator: " ").count) names", "\(count) names separated by spaces")
        }
        if word == .decimalMark, text.count != 1 || text.first?.isNumber == true {
            return ("'\(text)' is not one mark", "one character such as . or ,")
        }
        return nil
    }

    /// Terminal controls, line and paragraph separators, and the noncharacters (U+FFFE…).
    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return TerminalText.isUnsafe(scalar) || TerminalText.isLineBreak(scalar) || (0xFDD0...0xFDEF).contains(v)
            || v & 0xFFFE == 0xFFFE
    }

    /// A line `key: "text"` of a known key, with no escape and nothing after the closing quote.
    private static func plainLine(_ line: ArraySlice<UInt8>) -> (Word, String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), line.last == UInt8(ascii: "\""),
            line.index(colon, offsetBy: 3, limitedBy: line.endIndex - 1) != nil,
            line[colon + 1] == 0x20, line[colon + 2] == UInt8(ascii: "\"")
        else { return nil }
        let body = line[(colon + 3)..<(line.endIndex - 1)]
        guard !body.contains(UInt8(ascii: "\"")), !body.contains(UInt8(ascii: "\\")),
            let word = Word(rawValue: String(decoding: line[line.startIndex..<colon], as: UTF8.self))
        else { return nil }
        return (word, String(decoding: body, as: UTF8.self))
    }

    /// Every problem of one file (an `Error`, for `Result`). Never empty.
    public struct Problems: Error, Equatable, Sendable {
        public var items: [Problem]
    }

    private struct ValueProblem: Error {
        var offset: Int
        var message: String
        var expected: String?
    }

    /// The text after `key:`: a double-quoted string (with `\"`, `\\`, `\n` escapes), or plain
    /// text that YAML would read the same way.
    private static func value(_ rest: Substring) -> Result<String, ValueProblem> {
        let leading = rest.prefix { $0 == " " }.count
        var body = rest.dropFirst(leading)
        while body.last == " " { body = body.dropLast() }
        return quotedOrPlain(body).mapError {
            ValueProblem(offset: $0.offset + leading, message: $0.message, expected: $0.expected)
        }
    }

    /// `body` read as YAML reads a quoted or plain scalar; a problem's offset is from its start.
    private static func quotedOrPlain(_ body: Substring) -> Result<String, ValueProblem> {
        var body = body
        if body.first == "\"" {
            var text = ""
            var escaped = false
            for (offset, character) in body.dropFirst().enumerated() {
                if escaped {
                    switch character {
                    case "\"", "\\": text.append(character)
                    case "n": text.append("\n")
                    default:
                        return .failure(
                            ValueProblem(
                                offset: offset, message: "unknown escape \\\(character)", expected: "\\\" \\\\ or \\n"))
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    let after = body.dropFirst(offset + 2).drop { $0 == " " }
                    guard after.isEmpty || after.hasPrefix("#") else {
                        return .failure(
                            ValueProblem(
                                offset: offset + 2, message: "text after the closing quote",
                                expected: "a comment starting with #, or nothing"))
                    }
                    return .success(text)
                } else {
                    text.append(character)
                }
            }
            return .failure(
                ValueProblem(
                    offset: 0, message: "the quoted text has no closing quote", expected: "\"text\" on one line"))
        }
        // Plain text ends where a comment begins, as in YAML.
        if let comment = body.range(of: " #") { body = body[..<comment.lowerBound] }
        while body.last == " " { body = body.dropLast() }
        let text = String(body)
        if text.isEmpty {
            return .failure(ValueProblem(offset: 0, message: "no text", expected: "\"text\" after the key"))
        }
        if let first = text.first, "{[&*!|>'%@`\"#-?,".contains(first) || text.contains(": ") {
            return .failure(
                ValueProblem(offset: 0, message: "this text must be in double quotes for YAML", expected: "\"\(text)\"")
            )
        }
        return .success(text)
    }

    /// The `{slot}` names in `text`.
    static func slots(of text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter }) { found.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}
