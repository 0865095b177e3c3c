import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Session log: record, load, resume", .serialized)
struct SessionLogTests {
    static let round = ProtocolDefinition(
        id: "round", name: "Round", summary: "",
        steps: [StepDefinition(kind: .round, title: "Round", turn: .seconds(60), notes: true, components: [.attention])]
    )

    func plan() throws -> SessionPlan {
        try SessionPlan.make(definition: Self.round, names: ["Zoë", "李", "Ben"], question: "What is going well?")
    }

    /// Runs actions as the live program does: engine first, then the log.
    func drive(_ log: SessionLog, _ session: inout Session, _ script: [(Action, Int64)]) throws {
        for (action, seconds) in script {
            let t = Duration.seconds(seconds)
            let facts = try session.handle(action, at: t)
            log.record(action, at: t, facts: facts)
        }
    }

    @Test func whatIsRecordedReplaysToTheSameSession() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "thinkenv test")
        var session = Session(plan: try plan())
        try drive(
            log, &session, [(.begin, 1), (.pass, 10), (.addNote(text: "timetable"), 20), (.handOn, 30), (.handOn, 95)])
        #expect(log.close(finished: false).message == nil)
        let loaded = try SessionLoader.load(path: log.path)
        #expect(loaded.session == session)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.header.plan.people == ["Zoë", "李", "Ben"])
        let checked = try SessionLoader.load(path: log.path, checkFacts: true)
        #expect(checked.entries.map(\.seq) == Array(1...checked.entries.count))
        #expect(checked.session == session && checked.problems.isEmpty)
        #expect(loaded.entries.allSatisfy { $0.fact == nil })  // the fast path skips facts
        #expect(loaded.replay.facts == checked.replay.facts)
        #expect(loaded.entries.contains { $0.fact?.what == .timeReached(person: 1) } == false)
        let name = URL(fileURLWithPath: log.path).lastPathComponent
        #expect(name.hasSuffix("-round.jsonl") && name.hasPrefix("20"))
    }

    @Test func aTornLastLineIsReportedAndResumeWritesOnANewLine() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 1), (.handOn, 20)])
        _ = log.close(finished: false)
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":99,\"wall\":\"2026".utf8))
        try handle.close()

        let loaded = try SessionLoader.load(path: log.path)
        #expect(loaded.problems.count == 1)
        #expect(loaded.session == session)
        let (resumed, _, _) = try SessionLog.resume(loaded, paths: try dir.paths)
        _ = resumed.close(finished: false)
        let again = try SessionLoader.load(path: log.path)
        #expect(again.session.stage.liveTurn?.person == session.stage.liveTurn?.person)
        #expect(again.entries.last(where: { $0.action != nil })?.action == .recover(since: .seconds(20)))
    }

    @Test func resumeKeepsTheTurnAndRecordsTheDowntimeFromTheHeartbeat() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.handOn, 10)])
        log.heartbeat(at: .seconds(40))  // the screen was up until 40 s, then the power went
        _ = log.close(finished: false)

        let loaded = try SessionLoader.load(path: log.path)
        let (resumed, now, t) = try SessionLog.resume(loaded, paths: try dir.paths)
        #expect(now.stage.liveTurn?.person == 1)
        #expect(now.stage.liveTurn?.startedAt == .seconds(10))
        #expect(t >= .seconds(40))
        #expect(now.pauses.last?.from == .seconds(40))
        #expect(now.pauses.last?.reason == .programStopped)
        // The turn had run 30 s when the screen went down; it shows that again.
        #expect(now.elapsed(of: try #require(now.stage.liveTurn), at: t) == .seconds(30))
        _ = resumed.close(finished: false)
        let reread = try SessionLoader.load(path: log.path)
        #expect(reread.session == now)
        #expect(reread.problems.isEmpty)
    }

    /// The time of day comes from the clock the log is given: the file's name, the header,
    /// every line and the heartbeat; resume counts the downtime on it, to the millisecond.
    @Test func theWallClockIsInjected() throws {
        let dir = try TemporaryDirectory()
        let manual = ManualClock()
        let clock = WallClock.following(manual, from: startOfMeeting)
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test", clock: clock)
        #expect(log.path.hasSuffix("/2026-11-22T10-04-12Z-round.jsonl"))
        #expect(log.header.startedAt == startOfMeeting)
        var session = Session(plan: try plan())
        manual.advance(by: .seconds(3))
        try drive(log, &session, [(.begin, 3)])
        log.heartbeat(at: .seconds(3))
        #expect(Heartbeat.read(forLog: log.path)?.wall == startOfMeeting.adding(.seconds(3)))
        _ = log.close(finished: false)
        #expect(try SessionLoader.load(path: log.path).entries.last?.wall == startOfMeeting.adding(.seconds(3)))

        manual.advance(by: .milliseconds(61_250))  // the program was down for 61.25 s
        let (resumed, _, now) = try SessionLog.resume(
            SessionLoader.load(path: log.path), paths: try dir.paths, clock: clock)
        #expect(now == .milliseconds(64_250))
        _ = resumed.close(finished: false)
    }

    @Test func aLostLineIsReportedEvenWhenFactsAreNotRead() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 1), (.handOn, 10), (.handOn, 20)])
        _ = log.close(finished: false)
        var lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        let lost = try #require(lines.firstIndex { $0.hasPrefix(#"{"fact":"#) })
        lines.remove(at: lost)
        try (lines.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: false, encoding: .utf8)
        let loaded = try SessionLoader.load(path: log.path)
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.contains("1 missing") == true)
    }

    @Test func theSeqOfALineIsReadWithoutDecodingIt() {
        func seq(_ text: String) -> Int? { SessionLoader.topLevelSeq(Data(text.utf8)) }
        #expect(seq(#"{"fact":{"at":1,"what":{"noteAdded":{"note":{"text":"\"seq\":99"}}}},"seq":42,"t":1}"#) == 42)
        #expect(seq(#"{"seq":7}"#) == 7)
        #expect(seq(#"{"fact":{}}"#) == nil)
        #expect(seq(#"{"seq":x}"#) == nil)
    }

    @Test func aFinishedSessionCannotBeResumed() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.finish, 5)])
        _ = log.close(finished: true)
        #expect(!FileManager.default.fileExists(atPath: Heartbeat.path(forLog: log.path)))
        let loaded = try SessionLoader.load(path: log.path)
        #expect(throws: SessionLog.ResumeError.finished(loaded.name)) {
            try SessionLog.resume(loaded, paths: try dir.paths)
        }
    }

    @Test func aFileThatIsNotASessionIsSaidSo() throws {
        let dir = try TemporaryDirectory()
        let path = dir.sub("notes.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: Data("{\"hello\":1}\n".utf8))
        #expect(throws: SessionLoadError.notASession(path: path)) { try SessionLoader.load(path: path) }
        let future = dir.sub("future.jsonl")
        _ = FileManager.default.createFile(
            atPath: future, contents: Data("{\"format\":9,\"kind\":\"thinkenv-session\"}\n".utf8))
        #expect(throws: SessionLoadError.newerFormat(path: future, format: 9)) { try SessionLoader.load(path: future) }
    }

    @Test(
        "UTC times",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00.000Z"),
            (1_795_345_452_345, "2026-11-22T11:04:12.345Z"),  // checked with Python
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
        ])
    func utcTimes(millis: Int64, text: String) {
        #expect(WallTime(milliseconds: millis).iso8601 == text)
        #expect(WallTime(iso8601: text)?.milliseconds == millis)
    }

    @Test func utcTimesAgreeWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let millis = Int64(rng.next() % 4_000_000_000_000)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            #expect(WallTime(milliseconds: millis).iso8601 == formatter.string(from: date))
        }
    }
}
