import ArgumentParser
import Foundation
import ThinkingTUI

/// The screen needs a real terminal: checked before anything is recorded.
enum TerminalCheck {
    static func require() throws {
        let term = Thinkenv.environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError(
                "thinkenv needs a terminal: run it in a terminal window (standard input and output must be a terminal)."
            )
            throw ExitCode(2)
        }
        guard !term.isEmpty, term != "dumb" else {
            printError(
                "thinkenv needs a terminal that can draw (TERM is \(term.isEmpty ? "not set" : "dumb")): try TERM=xterm-256color."
            )
            throw ExitCode(2)
        }
    }

    static func start(theme: Theme) throws -> Terminal {
        do {
            return try Terminal(theme: theme)
        } catch {
            printError("thinkenv cannot use this terminal: \(error)")
            throw ExitCode(2)
        }
    }
}
