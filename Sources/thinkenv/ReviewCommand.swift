import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingReview
import ThinkingTUI
import ThinkingTranscripts

/// `thinkenv review [SESSION]`: browse the sessions and read one at a glance.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Browse sessions (newest first, / searches) and read one: timeline, speaking time, notes.")

    @Argument(help: "A session to open at once: its file name, the start of it, or latest.")
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
        let opened = try session.map { try SessionChoice.load($0, paths: paths) }
        var entries: [ReviewEntry] = []
        let listing = SessionFiles.scan(paths)
        var skipped = listing.skippedLines
        for file in listing.files {
            guard let loaded = try? SessionLoader.load(file) else {
                skipped.append("skipped \(file.name): not readable as a session")
                continue
            }
            entries.append(ReviewEntry(path: file.path, fallbacks: file.fallbacks, transcript: Transcript(loaded)))
        }
        // Said here (it stays on the terminal after review) and on the list's first screen.
        for line in skipped { printError(neutralised("note: \(line)")) }
        var state = ReviewState(entries: entries, words: words)
        if let first = skipped.first {
            state.message = skipped.count == 1 ? first : "\(first) (and \(skipped.count - 1) more)"
        }
        if let opened {
            state.selected = entries.firstIndex { $0.path == opened.path } ?? 0
            state.transcript = Transcript(opened)
        }
        let terminal = try TerminalCheck.start(theme: settings.theme(flag: theme))
        let model = ReviewModel(
            state: state,
            directory: FileManager.default.currentDirectoryPath)
        ScreenLoop(terminal: terminal).run(model)
    }
}
