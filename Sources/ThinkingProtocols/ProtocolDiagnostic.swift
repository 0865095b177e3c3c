/// One problem found in a protocol file, pointing at where a facilitator should look.
///
/// `description` reads `FILE:LINE:COLUMN: what is wrong (expected ...)`, the form editors
/// and terminals turn into a link. Lines and columns are 1-based; a problem with the whole
/// file (too large, not text) points at 1:1.
public struct ProtocolDiagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong, in plain words.
    public var message: String
    /// What would be right, if that can be said briefly.
    public var expected: String?

    public init(file: String, line: Int, column: Int, message: String, expected: String? = nil) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.message = message
        self.expected = expected
    }

    public var description: String {
        let tail = expected.map { " (expected \($0))" } ?? ""
        return "\(file):\(line):\(column): \(message)\(tail)"
    }
}

/// A place in a protocol file's text, 1-based.
struct TextPosition: Equatable, Sendable {
    var line: Int
    var column: Int

    static let start = TextPosition(line: 1, column: 1)
}

/// Collects the problems found in one file, in the order found, up to a limit
/// (a file full of errors says the first few dozen, then how many more).
struct DiagnosticList {
    let file: String
    private(set) var items: [ProtocolDiagnostic] = []
    private(set) var dropped = 0
    static let limit = 50

    init(file: String) { self.file = file }

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ at: TextPosition, _ message: String, expected: String? = nil) {
        guard items.count < Self.limit else {
            dropped += 1
            return
        }
        items.append(
            ProtocolDiagnostic(
                file: file, line: at.line, column: at.column, message: message, expected: expected))
    }

    /// The list as reported, with a last line counting what was left out.
    var reported: [ProtocolDiagnostic] {
        guard dropped > 0 else { return items }
        let more = ProtocolDiagnostic(
            file: file, line: 1, column: 1, message: "\(dropped) more problems not shown")
        return items + [more]
    }
}

/// Everything wrong with one protocol file: the failure of `ProtocolLoader.load`
/// (`Result` needs an `Error`, which a plain array is not). Never empty.
public struct ProtocolDiagnostics: Error, Equatable, Sendable, CustomStringConvertible {
    public var diagnostics: [ProtocolDiagnostic]

    public init(_ diagnostics: [ProtocolDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic a line, in the order found.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
