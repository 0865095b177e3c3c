import Foundation
import ThinkingCore
import Yams

/// A facilitator's defaults for the run options they repeat, from
/// `$XDG_CONFIG_HOME/thinkenv/settings.yaml` (by default `~/.config/thinkenv/settings.yaml`):
///
/// ```yaml
/// theme: high-contrast      # default | high-contrast | mono
/// turn: 2m                  # each turn's time in rounds and pairs
/// bell: true                # one bell when a turn reaches its time
/// on-time: paplay chime.oga # a command run then, never waited for
/// direction: anticlockwise  # clockwise | anticlockwise
/// order: rotate             # given | rotate | random
/// end-screen: figures       # thanks | figures (everyone's figures at the end, without t)
/// language: fr              # en | fr | de | es | nl, or one of languages/CODE.yaml
/// ```
///
/// A flag on the command line wins over the file, the file over the built-in default. The file
/// is checked like a protocol: every problem with its `FILE:LINE:COLUMN`, and no session starts
/// on a broken file.
public struct Settings: Equatable, Sendable {
    /// One setting's value and the line it was written on.
    public struct Entry<Value: Equatable & Sendable>: Equatable, Sendable {
        public var value: Value
        public var line: Int

        public init(value: Value, line: Int) {
            self.value = value
            self.line = line
        }
    }

    /// How the end screen opens: "Thank you" (figures on `t`), or the figures at once.
    public enum EndScreen: String, CaseIterable, Sendable { case thanks, figures }

    /// The order people are seated in, as `run --order` takes it.
    public enum Order: String, CaseIterable, Sendable { case given, rotate, random }

    public var theme: Entry<String>?
    public var turn: Entry<Duration>?
    public var bell: Entry<Bool>?
    public var onTime: Entry<String>?
    public var direction: Entry<Direction>?
    public var order: Entry<Order>?
    public var endScreen: Entry<EndScreen>?
    public var language: Entry<String>?
    /// The file they came from (nil: no file, every setting is the built-in default).
    public var file: String?

    public init() {}

    /// One value in force: the command line's flag, else the file's, else the built-in one.
    public static func inForce<Value>(flag: Value?, file: Entry<Value>?, builtIn: Value) -> Value {
        flag ?? file?.value ?? builtIn
    }

    /// The keys the file may hold, in the order `thinkenv settings` lists them.
    public static let keys = ["theme", "turn", "bell", "on-time", "direction", "order", "end-screen", "language"]

    /// The file's place: `$XDG_CONFIG_HOME/thinkenv/settings.yaml`, or under `$HOME/.config`.
    public static func path(in environment: [String: String]) -> String? {
        XDGBase.config.directory(in: environment).map { XDGBase.join($0, "thinkenv/settings.yaml") }
    }

    /// The settings in force: the file's where there is one, none where there is not; its
    /// problems when it is broken. `themes` are the screen's theme names.
    public static func load(environment: [String: String], themes: [String]) -> Result<Settings, ProtocolDiagnostics> {
        guard let path = path(in: environment) else { return .success(Settings()) }
        guard FileManager.default.fileExists(atPath: path) else { return .success(Settings()) }
        return load(path: path, themes: themes, languages: LanguageCatalog.codes(in: environment))
    }

    /// Reads and checks the settings file at `path`.
    public static func load(
        path: String, themes: [String], languages: [String] = Words.shippedCodes
    ) -> Result<Settings, ProtocolDiagnostics> {
        switch ProtocolLoader.readFile(path, what: "a settings file") {
        case .success(let bytes): load(bytes: bytes, file: path, themes: themes, languages: languages)
        case .failure(let problem): .failure(ProtocolDiagnostics([problem]))
        }
    }

    /// Reads settings from a file's bytes; `file` names it in problems.
    public static func load(
        bytes: [UInt8], file: String, themes: [String], languages: [String] = Words.shippedCodes
    ) -> Result<Settings, ProtocolDiagnostics> {
        let shape = "a mapping of settings such as theme: high-contrast"
        let root: Node
        switch ProtocolLoader.compose(bytes: bytes, file: file, shape: shape) {
        case .success(let composed): root = composed
        case .failure(let problems): return .failure(problems)
        }
        var reader = ProtocolReader(diagnostics: DiagnosticList(file: file))
        var settings = reader.readSettings(root, themes: themes, languages: languages)
        guard reader.diagnostics.isEmpty else {
            let inFileOrder = reader.diagnostics.reported.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            return .failure(ProtocolDiagnostics(inFileOrder))
        }
        settings.file = file
        return .success(settings)
    }
}

extension ProtocolReader {
    mutating func readSettings(_ root: Node, themes: [String], languages: [String]) -> Settings {
        var settings = Settings()
        guard
            let fields = fields(of: root, known: Settings.keys, shape: "a mapping of settings such as theme: mono")
        else { return settings }
        func entry<Value>(_ key: String, _ read: (inout ProtocolReader, Node) -> Value?) -> Settings.Entry<Value>? {
            guard let field = fields[key], let value = read(&self, field.value) else { return nil }
            return Settings.Entry(value: value, line: field.key.mark.map { $0.line } ?? 1)
        }
        func oneOf(_ names: [String], key: String) -> (inout ProtocolReader, Node) -> String? {
            { reader, node in
                guard let scalar = reader.scalar(node, key: key, expected: names.joined(separator: " | ")) else {
                    return nil
                }
                let name = scalar.string.trimmed.lowercased()
                guard names.contains(name) else {
                    reader.problem(at: node, "\(key) is '\(scalar.string)'", expected: names.joined(separator: " | "))
                    return nil
                }
                return name
            }
        }
        settings.theme = entry("theme", oneOf(themes, key: "theme"))
        settings.language = entry("language", oneOf(languages, key: "language"))
        settings.turn = entry("turn") { $0.duration($1, key: "turn") }
        settings.bell = entry("bell") { $0.bool($1, key: "bell") }
        settings.onTime = entry("on-time") { reader, node in
            let text = reader.optionalText(node, key: "on-time")
            if text == nil, case .scalar = node, !reader.isNull(node) {
                reader.problem(at: node, "on-time is empty", expected: "a command, such as paplay chime.oga")
            }
            return text
        }
        settings.direction = entry("direction") { $0.choice($1, key: "direction", as: Direction.self) }
        settings.order = entry("order") { $0.choice($1, key: "order", as: Settings.Order.self) }
        settings.endScreen = entry("end-screen") { $0.choice($1, key: "end-screen", as: Settings.EndScreen.self) }
        return settings
    }
}
