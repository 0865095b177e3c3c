import Foundation
import ThinkingCore
import Yams

/// Reads a protocol file into a `ProtocolDefinition`, or says everything wrong with it.
///
/// The checks run in order, each on what the previous one let through: the raw bytes
/// (size, NUL, UTF-8, control characters), a scan of the text (nesting depth, anchors and
/// aliases), YAML syntax (Yams' `compose`), then the schema, where every problem in the
/// file is collected rather than only the first.
public enum ProtocolLoader {
    /// Loads a protocol from text already in memory; `file` is only used in diagnostics.
    public static func load(
        text: String, id: String, file: String
    ) -> Result<ProtocolDefinition, ProtocolDiagnostics> {
        load(bytes: Array(text.utf8), id: id, file: file)
    }

    /// Loads a protocol from a file's bytes; `file` is only used in diagnostics.
    public static func load(
        bytes: [UInt8], id: String, file: String
    ) -> Result<ProtocolDefinition, ProtocolDiagnostics> {
        let root: Node
        switch compose(bytes: bytes, file: file, shape: ProtocolReader.topLevelShape) {
        case .success(let composed): root = composed
        case .failure(let problems): return .failure(problems)
        }
        var reader = ProtocolReader(diagnostics: DiagnosticList(file: file))
        let definition = reader.readProtocol(root, id: id)
        guard let definition, reader.diagnostics.isEmpty else {
            return .failure(ProtocolDiagnostics(reader.diagnostics.reported))
        }
        return .success(definition)
    }

    /// A YAML file's tree, after the checks every file the program reads gets: the raw bytes
    /// (size, NUL, UTF-8, control characters), a scan of the text (nesting depth, anchors and
    /// aliases), YAML syntax; an empty file is a problem (`shape` says what was expected).
    static func compose(bytes: [UInt8], file: String, shape: String) -> Result<Node, ProtocolDiagnostics> {
        let text: String
        switch ProtocolBytes.text(from: bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(ProtocolDiagnostics([problem]))
        }
        var diagnostics = DiagnosticList(file: file)
        for finding in ProtocolTextScan.scan(text) {
            diagnostics.add(finding.at, finding.message, expected: finding.expected)
        }
        guard diagnostics.isEmpty else { return .failure(ProtocolDiagnostics(diagnostics.reported)) }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                diagnostics.add(.start, "the file is empty", expected: shape)
                return .failure(ProtocolDiagnostics(diagnostics.reported))
            }
            return .success(root)
        } catch {
            let (at, message, expected) = describe(error, in: text)
            diagnostics.add(at, message, expected: expected)
            return .failure(ProtocolDiagnostics(diagnostics.reported))
        }
    }

    /// Loads the protocol file at `path`; its id is the file's stem (`council.yaml` -> `council`).
    public static func load(path: String) -> Result<ProtocolDefinition, ProtocolDiagnostics> {
        switch readFile(path) {
        case .success(let bytes):
            return load(bytes: bytes, id: protocolID(forPath: path), file: path)
        case .failure(let problem): return .failure(ProtocolDiagnostics([problem]))
        }
    }

    /// The id a protocol file gets: its name without the directory and the `.yaml`/`.yml`.
    public static func protocolID(forPath path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    // MARK: - Reading the file

    /// The file's bytes, refusing anything but a regular file, and anything too large
    /// without reading it (a FIFO or /dev/zero must not hang or fill memory).
    static func readFile(_ path: String, what: String = "a protocol") -> Result<[UInt8], ProtocolDiagnostic> {
        func problem(_ message: String, _ expected: String? = nil) -> ProtocolDiagnostic {
            ProtocolDiagnostic(file: path, line: 1, column: 1, message: message, expected: expected)
        }
        // A link is followed: a facilitator's own files may live in a dotfiles folder (stow).
        // What it leads to must be a regular file: never a FIFO, a device or a folder.
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(problem("cannot read the file: it does not exist or is not readable"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(problem("not a regular file", "a .yaml file"))
        }
        let size = Int(info.st_size)
        if let tooLarge = ProtocolBytes.sizeProblem(size, file: path, what: what) { return .failure(tooLarge) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(problem("cannot open the file for reading"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: ProtocolBytes.maximumSize + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(problem("cannot read the file: \(error.localizedDescription)"))
        }
    }

    // MARK: - Yams errors

    /// Where a Yams error points and what it means, in the diagnostic's words.
    static func describe(_ error: Error, in text: String) -> (TextPosition, String, String?) {
        guard let yamlError = error as? YamlError else {
            return (.start, "cannot read the YAML: \(error)", nil)
        }
        switch yamlError {
        case .composer(_, let problem, let mark, _) where problem.contains("another document"):
            return (
                position(mark), "a second YAML document: a protocol file holds one protocol",
                "a single document, without a second ---"
            )
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " \($0.text) started at line \($0.mark.line)" } ?? ""
            return (position(mark), "YAML syntax error: \(problem)\(while_)", nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (
                position(context.mark), "the key \(keys) appears more than once", "each key once"
            )
        case .reader(let problem, let offset, _, _):
            return (
                position(ofCharacter: offset ?? 0, in: text), "cannot read the text: \(problem)",
                nil
            )
        default:
            return (.start, "cannot read the YAML: \(yamlError)", nil)
        }
    }

    static func position(_ mark: Mark) -> TextPosition {
        TextPosition(line: max(1, mark.line), column: max(1, mark.column))
    }

    private static func position(ofCharacter offset: Int, in text: String) -> TextPosition {
        var at = TextPosition.start
        for character in text.prefix(offset) {
            at =
                character == "\n"
                ? TextPosition(line: at.line + 1, column: 1)
                : TextPosition(line: at.line, column: at.column + character.unicodeScalars.count)
        }
        return at
    }
}
