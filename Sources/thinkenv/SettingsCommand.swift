import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingProtocols
import ThinkingTUI

extension Settings.Order: ExpressibleByArgument {}

extension Thinkenv {
    /// The settings in force, or, when the settings file is broken, its problems and exit 1:
    /// no session starts on a broken file.
    static func settings() throws -> Settings {
        switch Settings.load(environment: environment, themes: Theme.allCases.map(\.rawValue)) {
        case .success(let settings): return settings
        case .failure(let problems):
            printError(neutralised(problems.description, multiline: true))
            printError("The settings file has problems (above): mend it, or move it away, and try again.")
            throw ExitCode(1)
        }
    }
}

extension Thinkenv {
    /// The language in force: `--language`, the settings file's, the locale's, else English;
    /// an unknown language or a broken language file is said, and exit 1.
    static func words(flag: String?, settings: Settings) throws -> Words {
        let choice = LanguageCatalog.choice(
            flag: flag, settings: settings.language?.value, environment: environment)
        let known = LanguageCatalog.codes(in: environment)
        guard known.contains(choice.code) else {
            // A file can add a language only under a code's name: no hint for "../x".
            let place =
                LanguageCatalog.isCode(choice.code)
                ? LanguageCatalog.directory(in: environment).map { " (or add \($0)/\(choice.code).yaml)" } ?? "" : ""
            printError(
                neutralised("No language '\(choice.code)': choose one of \(known.joined(separator: ", "))\(place)."))
            throw ExitCode(64)
        }
        switch LanguageCatalog.words(choice.code, environment: environment) {
        case .success(let words): return words
        case .failure(let problems):
            printError(neutralised(problems.description, multiline: true))
            throw ExitCode(1)
        }
    }
}

extension Settings {
    /// The theme in force: the flag's, else the file's, else the built-in default.
    func theme(flag: Theme?) -> Theme {
        Settings.inForce(
            flag: flag, file: theme.flatMap { Theme(rawValue: $0.value) }.map { Entry(value: $0, line: 0) },
            builtIn: .default)
    }
}

/// `thinkenv settings`: the settings in force and where each comes from; `check` checks a file.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show the settings in force (from settings.yaml or built in), or check a settings file.",
        discussion: """
            The file is $XDG_CONFIG_HOME/thinkenv/settings.yaml (by default ~/.config/thinkenv/settings.yaml), \
            with any of: theme, turn, bell, on-time, direction, order, end-screen. A flag on the command line \
            wins over the file.
            """,
        subcommands: [ShowSettings.self, CheckSettings.self],
        defaultSubcommand: ShowSettings.self)
}

/// `thinkenv settings show`: each setting, its value and its source.
struct ShowSettings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Each setting in force, and where it comes from.")

    func run() throws {
        let settings = try Thinkenv.settings()
        let file = settings.file.map { ($0 as NSString).lastPathComponent }
        func row<Value>(_ key: String, _ entry: Settings.Entry<Value>?, _ text: (Value) -> String, _ builtIn: String)
            -> [String]
        {
            guard let entry, let file else { return [key, builtIn, "built in"] }
            return [key, text(entry.value), "\(file):\(entry.line)"]
        }
        let rows = [
            row("theme", settings.theme, { $0 }, "default (NO_COLOR: mono)"),
            row("turn", settings.turn, DurationText.format, "the protocol's"),
            row("bell", settings.bell, { $0 ? "on" : "off" }, "off"),
            row("on-time", settings.onTime, { $0 }, "none"),
            row("direction", settings.direction, \.rawValue, "clockwise"),
            row("order", settings.order, \.rawValue, "given"),
            row("end-screen", settings.endScreen, \.rawValue, "thanks"),
            languageRow(settings),
        ]
        let widths = (0..<2).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let path = Settings.path(in: Thinkenv.environment) ?? "(no HOME: none)"
        print(
            neutralised(
                settings.file == nil ? "No settings file (\(path)): every setting is built in." : "From \(path):"))
        for row in rows {
            let padded = row.prefix(2).enumerated().map { column, text in
                text + String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
            }
            print(neutralised((padded + [row[2]]).joined(separator: "  ")))
        }
    }
}

extension ShowSettings {
    /// The language row: the file's, else the locale's (and which variable), else English.
    func languageRow(_ settings: Settings) -> [String] {
        let choice = LanguageCatalog.choice(
            flag: nil, settings: settings.language?.value, environment: Thinkenv.environment)
        switch choice.source {
        case .settings:
            let file = settings.file.map { ($0 as NSString).lastPathComponent } ?? "settings"
            return ["language", choice.code, "\(file):\(settings.language?.line ?? 1)"]
        case .environment(let variable): return ["language", choice.code, "from \(variable)"]
        case .flag, .builtIn: return ["language", "en", "built in"]
        }
    }
}

/// `thinkenv settings check [FILE]`: each problem as FILE:LINE:COLUMN.
struct CheckSettings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a settings file: exit 0 when it is valid, 1 otherwise.")

    @Argument(help: "The file (default: the settings file in force).")
    var file: String?

    func run() throws {
        guard let path = file ?? Settings.path(in: Thinkenv.environment) else {
            printError("No HOME or XDG_CONFIG_HOME: name the file to check.")
            throw ExitCode(1)
        }
        if file == nil, !FileManager.default.fileExists(atPath: path) {
            print(neutralised("No settings file (\(path)): nothing to check."))
            return
        }
        switch Settings.load(path: path, themes: Theme.allCases.map(\.rawValue)) {
        case .success: print(neutralised("\(path): valid"))
        case .failure(let problems):
            printError(neutralised(problems.description, multiline: true))
            throw ExitCode(1)
        }
    }
}
