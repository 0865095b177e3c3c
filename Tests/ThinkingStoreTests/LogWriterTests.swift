import Foundation
import Testing

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite struct LogWriterTests {
    func makeWriter(_ temp: TemporaryDirectory, _ fileSystem: any LogFileSystem = PosixFileSystem()) throws -> LogWriter
    {
        try LogWriter.create(
            protocolID: "round", startedAt: startOfMeeting, paths: try temp.paths, fileSystem: fileSystem)
    }

    @Test func appendThenReadGivesBackEveryLineInOrder() throws {
        let temp = try TemporaryDirectory()
        let writer = try makeWriter(temp)
        for seq in 1...50 { #expect(writer.append(event(seq)) == .written) }
        struct Note: Codable { let seq: Int; let text: String }
        #expect(try writer.append(encoding: Note(seq: 51, text: "two\nlines, \"quoted\", 日本")) == .written)
        #expect(writer.append(Data(event(52))) == .written)
        #expect(writer.warning == nil)
        #expect(writer.close() == .closed)
        let contents = try LogReader.read(path: writer.path)
        #expect(contents.problems == [])
        #expect(try seqs(contents) == Array(1...52))
        #expect(try JSONDecoder().decode(Note.self, from: contents.lines[50].data).text == "two\nlines, \"quoted\", 日本")
    }

    @Test func aRawNewlineInALineCannotSplitIt() throws {
        let temp = try TemporaryDirectory()
        let writer = try makeWriter(temp)
        writer.append(Array("{\"seq\":\n1}".utf8))
        _ = writer.close()
        let contents = try LogReader.read(path: writer.path)
        #expect(contents.problems == [])
        #expect(try seqs(contents) == [1])
    }

    @Test(arguments: [ENOSPC, EIO, EBADF, EACCES])
    func aFailedWriteKeepsTheLineAndRecovers(code: Int32) throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failingWrites = [4: code, 5: code]  // events 4 and 5 (retrying 4) fail
        let writer = try makeWriter(temp, failing)
        var statuses: [LogWriter.AppendStatus] = []
        for seq in 1...8 { statuses.append(writer.append(event(seq))) }
        #expect(statuses[0..<3].allSatisfy { $0 == .written })
        #expect(statuses[3] != .written && statuses[4] != .written)
        #expect(statuses[5...].allSatisfy { $0 == .written })
        #expect(writer.warning == nil)
        #expect(writer.close() == .closed)
        let contents = try LogReader.read(path: writer.path)
        #expect(try seqs(contents) == Array(1...8))
    }

    @Test func theWarningSaysWhatIsWrongUntilItIsFixed() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failingWrites = [2: ENOSPC]
        let writer = try makeWriter(temp, failing)
        writer.append(event(1))
        guard case .pending(let reason) = writer.append(event(2)) else {
            Issue.record("expected the append to be pending")
            return
        }
        #expect(reason.contains("No space left on device"))
        #expect(writer.warning?.contains("1 event not yet saved") == true)
        #expect(writer.pendingLineCount == 1)
        #expect(writer.retryPending() == .written)
        #expect(writer.warning == nil && writer.pendingLineCount == 0)
        _ = writer.close()
        #expect(try seqs(LogReader.read(path: writer.path)) == [1, 2])
    }

    @Test func aLineTornByAFailedWriteStandsAloneAndIsSkipped() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.shortWrites = [3: 10]  // event 3: ten bytes go in...
        failing.failingWrites = [4: EIO]  // ...then the rest fails
        let writer = try makeWriter(temp, failing)
        for seq in 1...5 { writer.append(event(seq)) }
        _ = writer.close()
        let raw = try String(contentsOfFile: writer.path, encoding: .utf8)
        #expect(raw.contains("\n" + #"{"seq":3,""# + "\n" + #"{"seq":3,"type""#))  // the fragment, on its own line
        let contents = try LogReader.read(path: writer.path)
        #expect(try seqs(contents) == [1, 2, 3, 4, 5])
        #expect(contents.problems == [LogProblem(kind: .malformedLine, lineNumber: 3)])
    }

    @Test func aFailedFsyncWritesTheLineAgainAndTheReaderKeepsOne() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failingFsyncs = [2: EIO]
        let writer = try makeWriter(temp, failing)
        #expect(writer.append(event(1)) == .written)
        #expect(writer.append(event(2)) != .written)
        #expect(writer.append(event(3)) == .written)
        _ = writer.close()
        let contents = try LogReader.read(path: writer.path)
        #expect(try seqs(contents) == [1, 2, 3])
        #expect(contents.problems == [LogProblem(kind: .repeatedLine, lineNumber: 3)])
    }

    @Test func aDiskThatNeverRecoversEndsInAFallbackFileWithEveryPendingLine() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failAllWrites = (from: 3, code: ENOSPC)
        let writer = try makeWriter(temp, failing)
        for seq in 1...6 { writer.append(event(seq)) }
        #expect(writer.pendingLineCount == 4)
        let outcome = writer.close()
        guard case .savedToFallback(let path, let count) = outcome else {
            Issue.record("expected a fallback file, got \(outcome)")
            return
        }
        #expect(count == 4)
        #expect(path == temp.sub("home/thinkenv-unsaved-2026-11-22T10-04-12Z-round.jsonl"))
        #expect(mode(of: path) == 0o600)
        #expect(try seqs(LogReader.read(path: path)) == [3, 4, 5, 6])
        #expect(try seqs(LogReader.read(path: writer.path)) == [1, 2])
        #expect(writer.close() == .closed)  // a second close has nothing left to do
    }

    @Test func whenEvenTheFallbackFailsTheLinesComeBack() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failAllWrites = (from: 1, code: EIO)
        let paths = try temp.paths
        let (fd, path) = try PrivateFiles.createExclusive(in: temp.path) { _ in "log.jsonl" }
        let writer = try LogWriter(
            fd: fd, path: path, fileSystem: failing,
            fallbackDirectories: [temp.sub("missing"), paths.sessionsDirectory])
        writer.append(event(1))
        writer.append(event(2))
        guard case .unsaved(let lines, let reason) = writer.close() else {
            Issue.record("expected the lines back")
            return
        }
        #expect(lines == [Data(event(1)), Data(event(2))])
        #expect(reason.contains("No such file or directory"))
    }

    @Test func aDeletedLogIsNoticedAndNothingIsLost() throws {
        let temp = try TemporaryDirectory()
        let writer = try makeWriter(temp)
        for seq in 1...3 { writer.append(event(seq)) }
        unlink(writer.path)
        #expect(writer.append(event(4)) != .written)
        #expect(writer.warning?.contains("removed") == true)
        #expect(writer.retryPending() != .written)
        let outcome = writer.close()
        guard case .savedToFallback(let path, let count) = outcome else {
            Issue.record("expected a fallback file, got \(outcome)")
            return
        }
        #expect(count == 4)
        #expect(try seqs(LogReader.read(path: path)) == [1, 2, 3, 4])
    }

    @Test func aLogDeletedAfterItsLastEventIsStillSavedAtClose() throws {
        let temp = try TemporaryDirectory()
        let writer = try makeWriter(temp)
        for seq in 1...3 { writer.append(event(seq)) }
        unlink(writer.path)
        guard case .savedToFallback(let path, 3) = writer.close() else {
            Issue.record("expected the three lines in a fallback file")
            return
        }
        #expect(try seqs(LogReader.read(path: path)) == [1, 2, 3])
    }

    @Test func aReplacedLogIsNoticed() throws {
        let temp = try TemporaryDirectory()
        let writer = try makeWriter(temp)
        writer.append(event(1))
        rename(writer.path, writer.path + ".old")
        writeFile(writer.path, "")
        #expect(writer.append(event(2)) != .written)
        #expect(try LogReader.read(path: writer.path).lines == [])
        guard case .savedToFallback = writer.close() else {
            Issue.record("expected a fallback file")
            return
        }
    }
}
