import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// `thinkenv stats [--person NAME] [--since DATE]`: per person, across every session.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per person, across sessions: attended, turns, passes, speaking time, starts and lasts.")

    @Option(help: ArgumentHelp("Only this person (case and accents ignored: zoe finds Zoë).", valueName: "name"))
    var person: String?

    @Option(help: ArgumentHelp("Only sessions started on or after this day (local time).", valueName: "YYYY-MM-DD"))
    var since: String?

    func run() throws {
        let offset = TimeZone.current.secondsFromGMT()
        var start: WallTime?
        if let since {
            guard let day = WallTime(day: since, utcOffset: offset) else {
                printError(neutralised("--since \(since): expected a day written YYYY-MM-DD, such as 2026-11-01."))
                throw ExitCode(64)
            }
            start = day
        }
        let paths = try Thinkenv.paths()
        for line in SessionFiles.scan(paths).skippedLines { printError(neutralised("note: \(line)")) }
        let found = SessionStats.transcripts(
            in: paths.sessionsDirectory, fallbackDirectories: paths.fallbackDirectories)
        for name in found.unreadable { printError(neutralised("\(name): not readable as a session; left out")) }
        let stats = SessionStats(found.transcripts, person: person, since: start)
        if stats.sessions == 0 {
            print(since == nil ? "No sessions yet." : "No session since \(neutralised(since ?? "")).")
            return
        }
        if let person, !stats.samePersonCandidates.isEmpty {
            let names = stats.samePersonCandidates.joined(separator: ", ")
            print(neutralised("\(person) could be any of: \(names). Write the name as it was given."))
            return
        }
        if let person, stats.people.isEmpty {
            print(neutralised("Nobody named \(person) in \(stats.sessions) session(s)."))
            return
        }
        print(stats.text(), terminator: "")
    }
}
