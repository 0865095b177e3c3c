/// Checks on a protocol file's raw bytes, made before any YAML parsing: size, NUL
/// bytes, invalid UTF-8 and control characters. Binary garbage stops here, with one
/// diagnostic pointing at the first bad byte.
enum ProtocolBytes {
    /// A protocol is a page or two of text; anything larger is refused unread.
    static let maximumSize = 256 * 1024

    /// The text, or the one problem that makes it unreadable as a protocol.
    static func text(
        from bytes: [UInt8], file: String, what: String = "a protocol"
    ) -> Result<String, ProtocolDiagnostic> {
        if let problem = sizeProblem(bytes.count, file: file, what: what) { return .failure(problem) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = body.startIndex
        var position = TextPosition.start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .emptyInput:
                return .success(String(decoding: body, as: UTF8.self))
            case .error:
                let byte = hex(bytes[offset])
                return .failure(
                    diagnostic(
                        file, position, "invalid UTF-8 (byte \(byte)): this is not a text file",
                        expected: "a YAML text file in UTF-8"))
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if let problem = controlProblem(scalar) {
                    return .failure(
                        diagnostic(file, position, problem, expected: "a YAML text file"))
                }
                // A carriage return alone is a line break to the YAML parser but not to an
                // editor: every line number after it would be wrong, so it is refused here.
                if scalar == "\r", body.index(after: offset) == body.endIndex || body[body.index(after: offset)] != 0x0A
                {
                    return .failure(
                        diagnostic(
                            file, position, "a carriage return without a line feed (an old Mac line ending)",
                            expected: "LF or CRLF line endings"))
                }
                advance(&position, over: scalar)
                offset += encoded.count
            }
        }
    }

    static func sizeProblem(_ count: Int, file: String, what: String = "a protocol") -> ProtocolDiagnostic? {
        guard count > maximumSize else { return nil }
        return diagnostic(
            file, .start, "the file is \(count / 1024) KiB, too large for \(what)",
            expected: "at most \(maximumSize / 1024) KiB")
    }

    /// A NUL or another control character (tab, line feed and carriage return are fine).
    static func controlProblem(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0: return "NUL byte: this is not a text file"
        case 0x09, 0x0A, 0x0D: return nil
        case 0x01...0x1F, 0x7F:
            return "control character \(hex(UInt8(scalar.value))): this is not a text file"
        default: return nil
        }
    }

    static func advance(_ position: inout TextPosition, over scalar: Unicode.Scalar) {
        if scalar == "\n" {
            position = TextPosition(line: position.line + 1, column: 1)
        } else {
            position.column += 1
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    private static func diagnostic(
        _ file: String, _ at: TextPosition, _ message: String, expected: String
    ) -> ProtocolDiagnostic {
        ProtocolDiagnostic(
            file: file, line: at.line, column: at.column, message: message, expected: expected)
    }
}
