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
            Run the session with `thinkenv run --control ...` in one terminal and `thinkenv display` \
            in another (the projector's window, a tmux pane, over SSH). It follows the session's log \
            as it grows, never writes to it, and stays after the session finishes until `q`. With no \
            SESSION it follows the session running now, or waits for the next one to start; when the \
            controlling terminal goes quiet for two seconds the room reads "Paused".
            """)

    @Argument(
        help:
            "A session: its file name, the start of it, or latest. Default: the one running now, or the next to start.")
    var session: String?

    @Option(help: "Colours: default, high-contrast or mono (NO_COLOR forces mono).")
    var theme: Theme?

    @Option(help: ArgumentHelp("The screen's language: en, fr, de, es, nl (or your own file's).", valueName: "code"))
    var language: String?

    func run() throws {
        let settings = try Thinkenv.settings()
        let words = try Thinkenv.words(flag: language, settings: settings)
        try TerminalCheck.require()
        let paths = try Thinkenv.paths()
        let model: DisplayModel
        if let session {
            // A session named: shown as it stands (paused, if nobody is running it).
            let chosen = try SessionChoice.load(session, paths: paths)
            let live: LiveSession
            do {
                live = try LiveSession(path: chosen.path)
            } catch {
                printError(neutralised(error.description))
                throw ExitCode(1)
            }
            model = DisplayModel(feed: LogFeed(live), letters: RoomLetters.shared, words: words)
        } else {
            // The session running now, or the next one to start: never an old unfinished one.
            model = DisplayModel(
                lookingFor: { following in
                    LiveSession.newestRunning(in: paths, wallNow: WallClock.system.now(), newerThan: following)
                        .map { LogFeed($0) }
                }, letters: RoomLetters.shared, words: words)
        }
        let terminal = try TerminalCheck.start(theme: settings.theme(flag: theme))
        if case .signalled = ScreenLoop(terminal: terminal).run(model) {
            throw ExitCode(1)
        }
    }
}
