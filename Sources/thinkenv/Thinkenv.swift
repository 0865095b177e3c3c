import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// The `thinkenv` command: runs Thinking Environment sessions in a terminal.
@main
struct Thinkenv: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "thinkenv",
        abstract: "Run Thinking Environment sessions: rounds, thinking pairs, councils.",
        discussion: """
            Start a session with `thinkenv run round --people "Ana, Ben, Chloé"`.
            Every turn is recorded to a private log; `thinkenv resume` takes up a session
            that was interrupted, `thinkenv show latest` prints its transcript.
            """,
        version: version,
        subcommands: [
            Run.self, Resume.self, SessionsCommand.self, ShowCommand.self, ExportCommand.self,
            DeleteCommand.self, StatsCommand.self, ProtocolsCommand.self, ComponentsCommand.self,
            DisplayCommand.self, ReviewCommand.self, SettingsCommand.self, LanguagesCommand.self,
            LettersHelperCommand.self,
        ],
        defaultSubcommand: Run.self
    )

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// As ArgumentParser's own `main`, except that an error message, which may quote what was
    /// typed, is neutralised before it reaches the terminal. Help, version and completion
    /// scripts are printed as they are.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                printError(neutralised(message, multiline: true))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
