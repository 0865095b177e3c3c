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
        if case .signalled = ScreenLoop(terminal: terminal).run(DisplayModel(feed: LogFeed(live))) {
            throw ExitCode(1)
        }
    }
}

/// A followed log as the display runner reads it: new lines on inotify's word, and
/// session time counted on the display's own monotonic clock from the latest anchor.
final class LogFeed: SessionFeed {
    private var live: LiveSession
    private let watch: FileWatch?
    private var clock: SessionClock
    private var anchorT: Duration

    init(_ live: LiveSession) {
        self.live = live
        watch = FileWatch(path: live.path)
        anchorT = live.anchor.t
        clock = SessionClock(now: live.sessionTime(wallNow: WallClock.system.now()))
    }

    var session: Session { live.session }
    var changeDescriptor: Int32? { watch?.descriptor }

    func refresh() -> Bool {
        watch?.drain()
        let changed = live.update()
        _ = live.readHeartbeat()
        if live.anchor.t != anchorT || changed {
            anchorT = live.anchor.t
            clock = SessionClock(now: live.sessionTime(wallNow: WallClock.system.now()))
        }
        return changed
    }

    var isHeld: Bool { clock.now() >= live.anchor.t + LiveSession.heldAfter }

    /// Counts on from the anchor, held at most `LiveSession.heldAfter` past it.
    func now() -> Duration {
        min(clock.now(), live.anchor.t + LiveSession.heldAfter)
    }
}
