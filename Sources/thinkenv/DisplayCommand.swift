import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTUI
import ThinkingTranscripts

/// `thinkenv display [SESSION]`: the room's view of a session run from another terminal.
struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "Show the room's view of a running session (read-only): for the projector.",
        discussion: """
            Run the session with `thinkenv run --control ...` in one terminal and `thinkenv display`
            in another (the projector's window, a tmux pane, over SSH). It follows the session's log
            as it grows, never writes to it, and stays after the session finishes until `q`.
            """)

    @Argument(help: "A session: its file name, the start of it, or latest. Default: the newest unfinished one.")
    var session: String?

    @Option(help: "Colours: default, high-contrast or mono (NO_COLOR forces mono).")
    var theme: Theme = .default

    func run() throws {
        try TerminalCheck.require()
        let chosen = try SessionChoice.load(session, paths: try Thinkenv.paths(), unfinishedOnly: session == nil)
        let live: LiveSession
        do {
            live = try LiveSession(path: chosen.path)
        } catch {
            printError(neutralised(error.description))
            throw ExitCode(1)
        }
        let terminal = try TerminalCheck.start(theme: theme)
        if case .signalled = ScreenLoop(terminal: terminal).run(
            DisplayModel(feed: LogFeed(live), letters: RoomLetters.shared))
        {
            throw ExitCode(1)
        }
    }
}
