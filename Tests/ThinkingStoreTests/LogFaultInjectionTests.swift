import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// Write failures injected at random events of a scripted session (disk full, I/O errors,
/// failed fsync, short writes, the file deleted or replaced, permission lost): whatever
/// was acknowledged is somewhere on disk at the end: in the log, or in the fallback file.
@Suite("Session log: injected write failures", .serialized)
struct LogFaultInjectionTests {
    enum Fault: CaseIterable {
        case diskFullForGood, diskFullThenFreed, ioErrorOnce, fsyncErrorOnce, shortWrite, fileDeleted, fileReplaced
        case permissionLost, readOnlyFileSystem
    }

    /// Two rounds of six people with passes, notes and a pause; the actions the engine refuses are skipped.
    static func script(_ rng: inout SplitMix64) -> [Action] {
        var actions: [Action] = [.begin]
        for n in 0..<40 {
            switch rng.next() % 8 {
            case 0: actions.append(.pass)
            case 1: actions.append(.addNote(text: "note \(n) ✿"))
            case 2: actions += [.pause, .resume]
            case 3: actions.append(.undo)
            default: actions.append(.handOn)
            }
        }
        return actions + [.finish]
    }

    @Test(arguments: 0..<90)
    func nothingAcknowledgedIsLost(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let fault = Fault.allCases[seed % Fault.allCases.count]
        let dir = try TemporaryDirectory()
        let step = StepDefinition(kind: .round, title: "Round", turn: .seconds(60), rounds: .fixed(2), notes: true)
        let plan = SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "", steps: [step]),
            people: ["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay"])
        let disk = FailingFileSystem()
        let log = try SessionLog.start(plan: plan, paths: try dir.paths, program: "test", fileSystem: disk)
        var session = Session(plan: plan)
        let actions = Self.script(&rng)
        let failAt = 1 + Int(rng.next() % UInt64(actions.count - 1))
        let freeAt = failAt + 1 + Int(rng.next() % 10)
        var expectedLines = 1  // the `opened` note
        var now = Duration.zero
        for (index, action) in actions.enumerated() {
            if index == failAt { inject(fault, log: log, disk: disk, dir: dir) }
            if index == freeAt, fault == .diskFullThenFreed { disk.failAllWrites = nil }
            now += .milliseconds(Int64(1 + rng.next() % 90_000))
            // As the runner does: time's deadlines first (recorded when they did something), then the action.
            for action in [Action.tick, action] {
                guard let facts = try? session.handle(action, at: now), action != .tick || !facts.isEmpty else {
                    continue
                }
                log.record(action, at: now, facts: facts)  // acknowledged: the screen would show it now
                expectedLines += 1 + facts.count
            }
        }
        let outcome = log.writer.close()
        let recovered = try Self.recover(log: log.path, outcome: outcome, dir: dir)
        let seqs = recovered.lines.dropFirst().compactMap { SessionLoader.topLevelSeq($0.data) }
        #expect(seqs == Array(1...expectedLines), "\(fault): lines \(seqs.count) of \(expectedLines)")
        let loaded = try SessionLoader.load(path: recovered.path, checkFacts: true)
        #expect(loaded.session == session, "\(fault) at action \(failAt): the reloaded session differs")
        // A line written again after a failed fsync is expected, and skipped by the reader.
        let problems = loaded.problems.filter { !$0.contains("repeats the line before") }
        #expect(problems.isEmpty, "\(fault): \(problems)")
    }

    func inject(_ fault: Fault, log: SessionLog, disk: FailingFileSystem, dir: TemporaryDirectory) {
        let next = disk.writeCalls + 1
        switch fault {
        case .diskFullForGood, .diskFullThenFreed: disk.failAllWrites = (from: next, code: ENOSPC)
        case .ioErrorOnce: disk.failingWrites[next] = EIO
        case .fsyncErrorOnce: disk.failingFsyncs[disk.fsyncCalls + 1] = EIO
        case .shortWrite: disk.shortWrites[next] = 7
        case .fileDeleted: unlink(log.path)
        case .fileReplaced:
            writeFile(dir.sub("impostor"), "{}\n")
            rename(dir.sub("impostor"), log.path)
        case .permissionLost:
            chmod(log.path, 0)
            disk.failAllWrites = (from: next, code: EACCES)
        case .readOnlyFileSystem: disk.failAllWrites = (from: next, code: EROFS)
        }
    }

    /// The session as it can be read back: the log itself, or, when lines went to a
    /// fallback file, the log's lines and the fallback's merged by seq (a line written
    /// twice kept once) into a new file.
    static func recover(
        log path: String, outcome: LogWriter.CloseOutcome, dir: TemporaryDirectory
    ) throws -> (path: String, lines: [LogLine]) {
        guard case .savedToFallback(let fallback, _) = outcome else {
            #expect(outcome == .closed, "nothing could be saved: \(outcome)")
            return (path, try LogReader.read(path: path).lines)
        }
        var lines = try LogReader.read(path: fallback).lines
        if let inPlace = try? LogReader.read(path: path).lines { lines = inPlace + lines }
        var header: LogLine?
        var bySeq: [Int: LogLine] = [:]
        for line in lines {
            if let seq = SessionLoader.topLevelSeq(line.data) {
                bySeq[seq] = bySeq[seq] ?? line
            } else if header == nil, line.data.starts(with: Data(#"{"format":"#.utf8)) {
                header = line
            }
        }
        let ordered = [header].compactMap { $0 } + bySeq.keys.sorted().compactMap { bySeq[$0] }
        let merged = dir.sub("merged.jsonl")
        let bytes = ordered.reduce(into: Data()) { $0 += $1.data + Data([0x0A]) }
        FileManager.default.createFile(atPath: merged, contents: bytes)
        return (merged, try LogReader.read(path: merged).lines)
    }
}
