import Foundation
import ThinkingCore

/// The protocols a facilitator can run: the built-in ones (embedded in the binary) and
/// their own, from `$XDG_CONFIG_HOME/thinkenv/protocols/*.yaml` (by default
/// `~/.config/thinkenv/protocols/`).
///
/// A user's file with the same id as a built-in one replaces it: it is how a facilitator
/// adapts a protocol, and a session never silently runs a different protocol than the one
/// they edited (so if their file is invalid, that id reports their file's problems rather
/// than falling back to the built-in one). Invalid files are listed with their diagnostics;
/// they never stop the others from loading.
public struct ProtocolCatalog: Sendable {
    /// One protocol file in the catalog, valid or not.
    public struct Entry: Sendable {
        public var id: String
        public var source: Source
        /// The protocol, or everything wrong with its file.
        public var result: Result<ProtocolDefinition, ProtocolDiagnostics>
        /// True when this user file replaces a built-in protocol of the same id.
        public var replacesBuiltIn: Bool

        public var definition: ProtocolDefinition? { try? result.get() }
    }

    /// Where a protocol file comes from.
    public enum Source: Equatable, Sendable {
        case builtIn
        case user(path: String)
    }

    /// Every protocol by id, built-in ones first, then the user's own; both sorted by id.
    public private(set) var entries: [Entry]
    /// The user's protocols directory (which may not exist), if one could be worked out.
    public let userDirectory: String?

    /// Loads the built-in protocols and the user's; `environment` is read for
    /// `XDG_CONFIG_HOME` and `HOME` (pass `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        userDirectory = Self.userDirectory(environment)
        var entries = EmbeddedProtocols.files.map { file in
            Entry(
                id: file.id, source: .builtIn,
                result: ProtocolLoader.load(
                    text: file.text, id: file.id, file: "Protocols/\(file.id).yaml (built in)"),
                replacesBuiltIn: false)
        }
        for path in userDirectory.map(Self.protocolFiles) ?? [] {
            let id = ProtocolLoader.protocolID(forPath: path)
            let builtIn = entries.firstIndex { $0.id == id }
            let entry = Entry(
                id: id, source: .user(path: path), result: ProtocolLoader.load(path: path),
                replacesBuiltIn: builtIn != nil)
            if let builtIn { entries.remove(at: builtIn) }
            entries.append(entry)
        }
        func order(_ entry: Entry) -> (Int, String) { (entry.source == .builtIn ? 0 : 1, entry.id) }
        self.entries = entries.sorted { order($0) < order($1) }
    }

    /// The entry for an id (`council`), the user's if they have one.
    public func entry(id: String) -> Entry? { entries.first { $0.id == id } }

    /// The protocol named by an id (`round`) or by a path to a file (anything with a `/`
    /// or ending in `.yaml`/`.yml`), or what is wrong.
    public func resolve(_ nameOrPath: String) -> Result<ProtocolDefinition, ProtocolDiagnostics> {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return ProtocolLoader.load(path: nameOrPath)
        }
        if let entry = entry(id: nameOrPath) { return entry.result }
        let known = entries.map(\.id)
        let nearest = KeySuggestion.nearest(to: nameOrPath, among: known)
        let problem = ProtocolDiagnostic(
            file: nameOrPath, line: 1, column: 1, message: "no protocol with this name",
            expected: nearest.map { "'\($0)'" } ?? "one of " + known.joined(separator: ", "))
        return .failure(ProtocolDiagnostics([problem]))
    }

    /// Every problem in every file of the catalog, to report once.
    public var problems: [ProtocolDiagnostic] {
        entries.flatMap { entry -> [ProtocolDiagnostic] in
            guard case .failure(let failure) = entry.result else { return [] }
            return failure.diagnostics
        }
    }

    // MARK: - The user's directory

    /// `$XDG_CONFIG_HOME/thinkenv/protocols`, or `$HOME/.config/thinkenv/protocols`. A
    /// relative `XDG_CONFIG_HOME` is ignored, as the XDG specification asks.
    static func userDirectory(_ environment: [String: String]) -> String? {
        XDGBase.config.directory(in: environment).map { XDGBase.join($0, "thinkenv/protocols") }
    }

    /// The `.yaml` files directly in `directory`, sorted; none if it does not exist.
    static func protocolFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            .map { directory + "/" + $0 }
    }
}
