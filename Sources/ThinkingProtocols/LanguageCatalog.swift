import ThinkingCore

/// The languages a facilitator can choose: the shipped ones (`Languages/*.yaml`, built in) and
/// their own files in `$XDG_CONFIG_HOME/thinkenv/languages/CODE.yaml`, which add a language or
/// override words of a shipped one. A word no file gives is the English one.
public enum LanguageCatalog {
    /// Where a facilitator's own language files live.
    public static func directory(in environment: [String: String]) -> String? {
        XDGBase.config.directory(in: environment).map { XDGBase.join($0, "thinkenv/languages") }
    }

    /// The codes that can be chosen: shipped, and the user's own files.
    public static func codes(in environment: [String: String]) -> [String] {
        var codes = Words.shippedCodes
        for file in ownFiles(in: environment) where !codes.contains(file.code) { codes.append(file.code) }
        return codes
    }

    /// Where a choice of language came from, for `thinkenv settings`.
    public enum Source: Equatable, Sendable {
        case flag, settings, environment(String), builtIn
    }

    /// The language asked for: `--language`, else the settings file's, else `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` when it names a language there is, else English.
    public static func choice(
        flag: String?, settings: String?, environment: [String: String]
    ) -> (code: String, source: Source) {
        if let flag { return (flag.lowercased(), .flag) }
        if let settings { return (settings, .settings) }
        let known = codes(in: environment)
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            // The first variable set decides (as for any program's messages).
            if let code = Words.code(fromLocale: value), known.contains(code) {
                return (code, .environment(variable))
            }
            break
        }
        return ("en", .builtIn)
    }

    /// The words of `code`: the shipped table with the user's file over it. Unknown codes and
    /// broken files are problems (with FILE:LINE:COLUMN).
    public static func words(_ code: String, environment: [String: String]) -> Result<Words, ProtocolDiagnostics> {
        let shipped = Words.shipped(code)
        guard let own = ownFiles(in: environment).first(where: { $0.code == code }) else {
            if let shipped { return .success(shipped) }
            let known = codes(in: environment).joined(separator: " | ")
            return .failure(
                ProtocolDiagnostics([
                    ProtocolDiagnostic(
                        file: "--language", line: 1, column: 1, message: "no language '\(code)'", expected: known)
                ]))
        }
        switch read(path: own.path) {
        case .success(let read):
            let base = shipped.map { base in
                Word.allCases.compactMap { word in base.has(word) ? (word, base[word]) : nil }
            }
            let merged = Dictionary(base ?? [], uniquingKeysWith: { $1 }).merging(read.table) { $1 }
            return .success(Words(code: code, table: merged))
        case .failure(let problems): return .failure(problems)
        }
    }

    /// A language file read and checked: its words, or every problem with its place.
    public static func read(path: String) -> Result<LanguageText.Read, ProtocolDiagnostics> {
        switch ProtocolLoader.readFile(path, what: "a language file") {
        case .success(let bytes): read(bytes: bytes, file: path)
        case .failure(let problem): .failure(ProtocolDiagnostics([problem]))
        }
    }

    /// A language file's bytes read and checked; `file` names it in problems.
    public static func read(bytes: [UInt8], file: String) -> Result<LanguageText.Read, ProtocolDiagnostics> {
        let text: String
        switch ProtocolBytes.text(from: bytes, file: file, what: "a language file") {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(ProtocolDiagnostics([problem]))
        }
        switch LanguageText.read(text, reference: Words.english.table) {
        case .success(let read): return .success(read)
        case .failure(let problems):
            return .failure(
                ProtocolDiagnostics(
                    problems.items.map {
                        ProtocolDiagnostic(
                            file: file, line: $0.line, column: $0.column, message: $0.message, expected: $0.expected)
                    }))
        }
    }

    /// The `.yaml` files in the user's folder that are not named by a language code (`UPPER.yaml`,
    /// `x.y.yaml`): never read.
    public static func unreadFiles(in environment: [String: String]) -> [String] {
        guard let directory = directory(in: environment) else { return [] }
        let read = Set(ownFiles(in: environment).map(\.path))
        return ProtocolCatalog.protocolFiles(in: directory).filter { !read.contains($0) }
    }

    /// Whether `code` can name a language: two or three lowercase letters (`fr`, `pt`).
    public static func isCode(_ code: String) -> Bool {
        Words.code(fromLocale: code) == code
    }

    private static func ownFiles(in environment: [String: String]) -> [(code: String, path: String)] {
        guard let directory = directory(in: environment) else { return [] }
        return ProtocolCatalog.protocolFiles(in: directory).compactMap { path in
            let code = ProtocolLoader.protocolID(forPath: path)
            return Words.code(fromLocale: code) == code ? (code, path) : nil
        }
    }
}
