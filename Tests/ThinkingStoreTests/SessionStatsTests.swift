import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Stats across sessions")
struct SessionStatsTests {
    /// Writes a scripted session as a log file named like the runner's.
    static func write(_ log: ScriptedLog, to directory: String, as name: String) throws {
        try log.jsonLines().write(to: URL(fileURLWithPath: directory + "/" + name + ".jsonl"))
    }

    /// Three sessions:
    /// 1. 1 Nov, a round of Ana, Ben, Chloé: Ana 1:00, Ben passes, Chloé 0:30, Ben (offered
    ///    again) 0:20.
    /// 2. 10 Nov, two rounds started by Ben, of "Ana " (a trailing space), Ben, Dev:
    ///    Ben 0:10, Dev 0:20, Ana 0:30; then Ben 0:40, Dev 0:50, Ana 1:00.
    /// 3. 20 Nov, pairs of Ana and Ben, 3:00 each way.
    static func sessions() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        var first = ScriptedLog(Plans.round(["Ana", "Ben", "Chloé"], turn: nil), startedAt: "2026-11-01T09:00:00.000Z")
        try first.act(.begin)
        try first.at(.seconds(60), .handOn)
        try first.at(.seconds(5), .pass)
        try first.at(.seconds(30), .handOn)
        try first.at(.seconds(20), .handOn)
        try write(first, to: directory.path, as: "2026-11-01T09-00-00Z-round")

        var plan = Plans.round(["Ana ", "Ben", "Dev"], turn: nil, rounds: .fixed(2))
        plan.starter = 1
        var second = ScriptedLog(plan, startedAt: "2026-11-10T09:00:00.000Z")
        try second.act(.begin)
        for seconds in [10, 20, 30, 40, 50, 60] { try second.at(.seconds(Int64(seconds)), .handOn) }
        try write(second, to: directory.path, as: "2026-11-10T09-00-00Z-round")

        var third = ScriptedLog(Plans.pairs(["Ana", "Ben"]), startedAt: "2026-11-20T09:00:00.000Z")
        try third.act(.begin)
        try third.wait(.seconds(180))
        try third.wait(.seconds(180))
        try write(third, to: directory.path, as: "2026-11-20T09-00-00Z-thinking-pairs")
        writeFile(directory.sub("2026-11-21T09-00-00Z-broken.jsonl"), "not a session\n")
        return directory
    }

    @Test func countsMediansStartsAndLasts() throws {
        let directory = try Self.sessions()
        let found = SessionStats.transcripts(in: directory.path)
        #expect(found.unreadable == ["2026-11-21T09-00-00Z-broken.jsonl"])
        let stats = SessionStats(found.transcripts)
        #expect(stats.sessions == 3)
        #expect(stats.people.map(\.name) == ["Ana", "Ben", "Chloé", "Dev"])
        let rows = Dictionary(uniqueKeysWithValues: stats.people.map { ($0.name, $0) })
        let ana = try #require(rows["Ana"])
        #expect(ana.sessions == 3 && ana.turns == 4 && ana.passes == 0)
        #expect(ana.speaking == .seconds(60 + 30 + 60 + 180))
        #expect(ana.medianTurn == .seconds(60))
        #expect(ana.rounds == 3 && ana.started == 1 && ana.last == 2)
        let ben = try #require(rows["Ben"])
        #expect(ben.sessions == 3 && ben.turns == 4 && ben.passes == 1)
        #expect(ben.medianTurn == .seconds(30))  // 0:10, 0:20, 0:40, 3:00
        #expect(ben.rounds == 3 && ben.started == 2 && ben.last == 0)
        let chloe = try #require(rows["Chloé"])
        #expect(chloe.sessions == 1 && chloe.turns == 1 && chloe.medianTurn == .seconds(30))
        #expect(chloe.rounds == 1 && chloe.started == 0 && chloe.last == 1)
        let dev = try #require(rows["Dev"])
        #expect(dev.turns == 2 && dev.medianTurn == .seconds(35) && dev.last == 0)
    }

    @Test func filteredByPersonAndBySince() throws {
        let directory = try Self.sessions()
        let transcripts = SessionStats.transcripts(in: directory.path).transcripts
        let ana = SessionStats(transcripts, person: "  aNA ")
        #expect(ana.people.map(\.name) == ["Ana"])
        #expect(ana.sessions == 3)
        #expect(SessionStats(transcripts, person: "An").people.isEmpty)
        // Typed without its accent, as a facilitator's keyboard may have it.
        #expect(SessionStats(transcripts, person: "chloe").people.map(\.name) == ["Chloé"])
        #expect(SessionStats(transcripts, person: "CHLOE ").people.map(\.name) == ["Chloé"])

        let since = try #require(WallTime(day: "2026-11-10"))
        let recent = SessionStats(transcripts, since: since)
        #expect(recent.sessions == 2)
        #expect(recent.people.map(\.name) == ["Ana", "Ben", "Dev"])
        #expect(recent.people.first?.sessions == 2)
        #expect(recent.people.first?.started == 0)
        // In a zone an hour behind UTC, 10 Nov begins at 01:00 UTC: the 09:00 session stays in.
        let behind = try #require(WallTime(day: "2026-11-10", utcOffset: -3600))
        #expect(behind.iso8601 == "2026-11-10T01:00:00.000Z")
        #expect(SessionStats(transcripts, since: try #require(WallTime(day: "2026-11-21"))).sessions == 0)
    }

    @Test(arguments: ["2026-11-1", "2026-02-30", "2026-13-01", "yesterday", "2026-11-10T00:00:00Z", ""])
    func onlyWholeDaysAreRead(_ text: String) {
        #expect(WallTime(day: text) == nil)
    }

    @Test func theTableIsAlignedAndSafe() throws {
        var log = ScriptedLog(Plans.round(["李", "🦊 Fox", "Ana\u{1B}[2J"], turn: nil))
        try log.act(.begin)
        for seconds in [61, 75, 90] { try log.at(.seconds(Int64(seconds)), .handOn) }
        let text = SessionStats([try log.transcript()]).text()
        #expect(controlCharacters(in: text).isEmpty)
        let table = lines(text)
        #expect(table[0] == "1 session")
        #expect(table[2] == "Person   Sessions  Turns  Passes  Speaking  Median  Rounds  Started  Last")
        #expect(table[3] == "Ana␛[2J         1      1       0      1:30    1:30       1        0     1")
        #expect(table[4] == "李              1      1       0      1:01    1:01       1        1     0")
        #expect(table[5] == "🦊 Fox          1      1       0      1:15    1:15       1        0     0")
        let widths = table[2...5].map(\.displayWidth)
        #expect(Set(widths).count == 1, "\(widths)")
    }
}
