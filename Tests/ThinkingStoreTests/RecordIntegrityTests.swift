import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The record's promise, hole by hole: one writer, nothing acknowledged left behind, files
/// that are what they claim, and a replay that never invents a turn.
@Suite("Record integrity", .serialized)
struct RecordIntegrityTests {
    static let round = ProtocolDefinition(
        id: "round", name: "Round", summary: "",
        steps: [StepDefinition(kind: .round, title: "Round", turn: .seconds(60), notes: true, components: [.attention])]
    )

    func plan() throws -> SessionPlan {
        try SessionPlan.make(
            definition: Self.round, names: ["Zoë", "李", "Ben", "محمد"], question: "What is going well?")
    }

    func drive(_ log: SessionLog, _ session: inout Session, _ script: [(Action, Int64)]) throws {
        for (action, seconds) in script {
            let t = Duration.seconds(seconds)
            let facts = try session.handle(action, at: t)
            log.record(action, at: t, facts: facts)
        }
    }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// A session as every reader finds it: by name, with its fallback files.
    func find(_ name: String, _ paths: StorePaths) throws -> SessionFile {
        try SessionFiles.resolve(name, in: paths.sessionsDirectory, fallbackDirectories: paths.fallbackDirectories)
    }

    // MARK: - One writer

    @Test func aSecondWriterIsRefusedAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.handOn, 10)])
        let before = bytes(log.path)
        let loaded = try SessionLoader.load(path: log.path)
        #expect(throws: SessionLog.ResumeError.self) { _ = try SessionLog.resume(loaded, paths: try dir.paths) }
        #expect(bytes(log.path) == before)
        try drive(log, &session, [(.handOn, 20)])
        _ = log.close(finished: false)
        // The first writer gone (closed, or killed: the kernel drops the lock), resume works.
        let again = try SessionLoader.load(path: log.path)
        #expect(again.session == session)
        let (resumed, _, _) = try SessionLog.resume(again, paths: try dir.paths)
        _ = resumed.close(finished: false)
    }

    // MARK: - Nothing acknowledged left behind

    @Test func linesSavedToTheFallbackComeBackInEveryReadingAndIntoTheLog() throws {
        let dir = try TemporaryDirectory()
        let disk = FailingFileSystem()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test", fileSystem: disk)
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.handOn, 10)])
        disk.failAllWrites = (from: disk.writeCalls + 1, code: ENOSPC)
        try drive(log, &session, [(.handOn, 20), (.pass, 25), (.addNote(text: "the budget"), 27)])
        #expect(log.warning != nil)
        #expect(log.close(finished: false).message != nil)
        let fallbacks = try FileManager.default.contentsOfDirectory(atPath: dir.sub("home"))
        #expect(fallbacks.count == 1)
        let fallback = dir.sub("home/") + (fallbacks.first ?? "")
        // The fallback decodes as the continuation of the log: the same session, together.
        let kept = try LogReader.decode(LogEntry.self, from: LogReader.read(path: fallback))
        #expect(kept.first?.action == .handOn)
        #expect(kept.map(\.seq) == Array(kept[0].seq..<(kept[0].seq + kept.count)))

        let loaded = try SessionLoader.load(try find(log.header.session, try dir.paths))
        #expect(loaded.session == session)
        #expect(Transcript(loaded).notes.map(\.text) == ["the budget"])
        #expect(bytes(fallback).isEmpty == false)  // reading alone moves nothing

        let (resumed, now, _) = try SessionLog.resume(loaded, paths: try dir.paths)
        #expect(now.turns == session.turns)
        _ = resumed.close(finished: false)
        #expect(!FileManager.default.fileExists(atPath: fallback))
        let reread = try SessionLoader.load(path: log.path)
        #expect(reread.session.turns == session.turns)
        #expect(reread.problems.isEmpty, "\(reread.problems)")
        let lines = try LogReader.decode(LogEntry.self, from: LogReader.parse(Array(bytes(log.path))).droppingHeader)
        #expect(lines.map(\.seq) == Array(1...lines.count))
    }

    @Test func aDeletedLogIsRestoredFromItsFallbackUnderItsOwnName() throws {
        let dir = try TemporaryDirectory()
        let paths = try dir.paths
        let log = try SessionLog.start(plan: try plan(), paths: paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.handOn, 10)])
        unlink(log.path)
        try drive(log, &session, [(.handOn, 20)])
        #expect(log.close(finished: false).message != nil)
        let name = log.header.session
        let file = try find(name, paths)
        let loaded = try SessionLoader.load(file)
        #expect(loaded.session == session)
        #expect(loaded.name == name)
        // The printed hint works: resume restores the log under its own name.
        let resumed = try SessionLog.resume(file, paths: paths)
        #expect(resumed.session.turns == session.turns)
        _ = resumed.log.close(finished: false)
        #expect(file.fallbacks.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        let restored = try SessionLoader.load(path: paths.sessionsDirectory + "/" + name + ".jsonl")
        #expect(restored.session.turns == session.turns)
        #expect(restored.stop == nil)
    }

    // MARK: - Files are what they claim

    @Test func aSymbolicLinkIsNeitherListedNorReadNorWritten() throws {
        let dir = try TemporaryDirectory()
        let paths = try dir.paths
        // Someone else's valid log, elsewhere.
        let other = try TemporaryDirectory()
        let theirs = try SessionLog.start(plan: try plan(), paths: try other.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(theirs, &session, [(.begin, 0)])
        _ = theirs.close(finished: false)
        try PrivateFiles.prepareSessionsDirectory(paths)
        let link = paths.sessionsDirectory + "/2026-11-22T10-04-12Z-round.jsonl"
        #expect(symlink(theirs.path, link) == 0)
        let before = bytes(theirs.path)

        #expect(SessionFiles.list(in: paths.sessionsDirectory).isEmpty)
        #expect(throws: (any Error).self) { _ = try SessionLoader.load(path: link) }
        #expect(bytes(theirs.path) == before)
    }

    // MARK: - Strict replay

    /// A round with four hand-ons; returns the log's lines and the honest session after each
    /// action (by the seq of the action's line).
    func honestLog() throws -> (path: String, lines: [String], dir: TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0), (.handOn, 10), (.handOn, 20), (.pass, 30), (.handOn, 40)])
        _ = log.close(finished: false)
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        return (log.path, text.split(separator: "\n").map(String.init), dir)
    }

    func session(after script: [(Action, Int64)]) throws -> Session {
        var session = Session(plan: try plan())
        for (action, seconds) in script { _ = try session.handle(action, at: .seconds(seconds)) }
        return session
    }

    func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aHandOnCopiedFurtherDownIsNoPhantomTurn() throws {
        let (path, lines, dir) = try honestLog()
        defer { withExtendedLifetime(dir) {} }
        let handOn = try #require(lines.first { $0.contains(#""action":"handOn""#) || $0.contains(#""handOn":{}"#) })
        try write(lines + [handOn], to: path)
        let loaded = try SessionLoader.load(path: path)
        let honest = try session(after: [(.begin, 0), (.handOn, 10), (.handOn, 20), (.pass, 30), (.handOn, 40)])
        #expect(loaded.session.turns == honest.turns)
        #expect(loaded.problems.contains { $0.contains("stops") }, "\(loaded.problems)")
    }

    @Test func reorderedLinesStopTheRecordWhereTheOrderBreaks() throws {
        let (path, lines, dir) = try honestLog()
        defer { withExtendedLifetime(dir) {} }
        let actions = lines.indices.filter { lines[$0].hasPrefix(#"{"action":"#) }
        // The 2nd hand-on (at 20 s) moved after the pass (at 30 s).
        let second = try #require(actions.first { lines[$0].contains(#""t":20"#) })
        let pass = try #require(actions.first { lines[$0].contains(#""t":30"#) })
        var forged = lines
        forged.swapAt(second, pass)
        try write(forged, to: path)
        let loaded = try SessionLoader.load(path: path)
        #expect(loaded.session.turns == (try session(after: [(.begin, 0), (.handOn, 10)])).turns)
        #expect(loaded.problems.contains { $0.contains("stops") }, "\(loaded.problems)")
    }

    @Test func aTimeThatGoesBackIsRefused() throws {
        let (path, lines, dir) = try honestLog()
        defer { withExtendedLifetime(dir) {} }
        let last = try #require(lines.last)
        let seq = try #require(SessionLoader.topLevelSeq(Data(last.utf8)))
        let forged = #"{"action":{"handOn":{}},"seq":\#(seq + 1),"t":-100000,"wall":"2026-12-02T10:00:00.000Z"}"#
        try write(lines + [forged], to: path)
        let loaded = try SessionLoader.load(path: path)
        let honest = try session(after: [(.begin, 0), (.handOn, 10), (.handOn, 20), (.pass, 30), (.handOn, 40)])
        #expect(loaded.session == honest)
        #expect(loaded.problems.contains { $0.contains("stops") }, "\(loaded.problems)")
    }

    // MARK: - The turn in progress

    @Test func theTurnInProgressCountsUpToTheLastHeartbeat() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0)])
        log.heartbeat(at: .seconds(16))
        _ = log.close(finished: false)
        let transcript = Transcript(try SessionLoader.load(path: log.path))
        let turns = transcript.steps.flatMap { $0.rounds.flatMap(\.turns) }
        #expect(turns.count == 1)
        #expect(turns.first?.active == .seconds(16))
        #expect(transcript.equality.people.first?.speaking == .seconds(16))
    }
}

extension LogContents {
    /// The lines after the header.
    var droppingHeader: LogContents {
        var copy = self
        copy.lines = Array(lines.dropFirst())
        return copy
    }
}

extension RecordIntegrityTests {
    // MARK: - Typed text survives

    @Test func theTextBeingTypedIsKeptBesideTheLogAndComesBackWithResume() throws {
        let dir = try TemporaryDirectory()
        let log = try SessionLog.start(plan: try plan(), paths: try dir.paths, program: "test")
        var session = Session(plan: try plan())
        try drive(log, &session, [(.begin, 0)])
        let before = bytes(log.path)
        log.heartbeat(at: .seconds(12), draft: Draft(.note, "محمد mentioned the budget"))
        #expect(bytes(log.path) == before)  // never in the log until it is saved
        var info = stat()
        #expect(lstat(Heartbeat.path(forLog: log.path), &info) == 0 && info.st_mode & 0o777 == 0o600)
        _ = log.close(finished: false)
        let resumed = try SessionLog.resume(try find(log.header.session, try dir.paths), paths: try dir.paths)
        #expect(resumed.draft == Draft(.note, "محمد mentioned the budget"))
        _ = resumed.log.close(finished: false)
        #expect(!String(decoding: bytes(log.path), as: UTF8.self).contains("budget"))
    }

    // MARK: - Continuing from the trustworthy part

    @Test func aCopyOfTheTrustworthyLinesCanBeResumedAndTheOriginalIsKept() throws {
        let (path, lines, dir) = try honestLog()
        let paths = try dir.paths
        // A hand-on copied further down: the record stops there.
        let handOn = try #require(
            lines.firstIndex { $0.contains(#""handOn":{}"#) || $0.contains(#""action":"handOn""#) })
        let forged = (lines + [lines[handOn]]).joined(separator: "\n") + "\n"
        try forged.write(toFile: path, atomically: false, encoding: .utf8)
        let file = try find(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, paths)
        #expect {
            _ = try SessionLog.resume(file, paths: paths)
        } throws: { error in
            guard case .untrustworthy(_, _, let trusted) = error as? SessionLog.ResumeError else { return false }
            return trusted == lines.count && "\(error)".contains("--from-line \(lines.count)")
        }
        #expect(bytes(path) == Data(forged.utf8))
        #expect(throws: SessionLog.ResumeError.self) {
            _ = try SessionLog.copy(file, throughLine: lines.count + 1, paths: paths)
        }
        let copy = try SessionLog.copy(file, throughLine: lines.count, paths: paths)
        #expect(copy.name.hasSuffix("-from-\(lines.count).jsonl"))
        let resumed = try SessionLog.resume(copy, paths: paths)
        #expect(resumed.log.header.session == String(copy.name.dropLast(6)))
        #expect(resumed.session.turns == (try SessionLoader.load(path: path)).session.turns)
        _ = resumed.log.close(finished: false)
        #expect(bytes(path) == Data(forged.utf8))
        #expect(try SessionLoader.load(copy).stop == nil)
    }
}
