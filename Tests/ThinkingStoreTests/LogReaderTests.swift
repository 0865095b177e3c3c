import Foundation
import Testing

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite struct LogReaderTests {
    func lines(_ seqs: ClosedRange<Int>) -> String {
        seqs.map { String(decoding: event($0), as: UTF8.self) + "\n" }.joined()
    }

    @Test func aLastLineWithoutNewlineIsReportedOnceAndIgnored() throws {
        let contents = LogReader.parse(Array((lines(1...3) + #"{"seq":4,"ty"#).utf8))
        #expect(try seqs(contents) == [1, 2, 3])
        #expect(contents.problems == [LogProblem(kind: .tornLastLine, lineNumber: 4)])
    }

    @Test func aCompleteButUnfinishedLastLineIsTornToo() throws {
        // Valid JSON, but no newline: the writer had not finished with it.
        let noNewline = LogReader.parse(Array((lines(1...2) + String(decoding: event(3), as: UTF8.self)).utf8))
        #expect(try seqs(noNewline) == [1, 2])
        #expect(noNewline.problems.map(\.kind) == [.tornLastLine])
        let notJSON = LogReader.parse(Array((lines(1...2) + "{\"seq\":3\n\n").utf8))
        #expect(try seqs(notJSON) == [1, 2])
        #expect(notJSON.problems == [LogProblem(kind: .tornLastLine, lineNumber: 3)])
    }

    @Test func aMalformedLineInTheMiddleIsSkippedWithItsNumber() throws {
        let text = lines(1...2) + "{\"seq\":\n" + "not json at all\n" + lines(3...4)
        let contents = LogReader.parse(Array(text.utf8))
        #expect(try seqs(contents) == [1, 2, 3, 4])
        #expect(contents.lines.map(\.number) == [1, 2, 5, 6])
        #expect(
            contents.problems == [
                LogProblem(kind: .malformedLine, lineNumber: 3), LogProblem(kind: .malformedLine, lineNumber: 4),
            ])
        #expect(contents.problems[0].description == "line 3: not valid JSON; skipped")
    }

    @Test func emptyFilesAndBlankLinesAreNoProblem() throws {
        #expect(LogReader.parse([]) == LogContents())
        let contents = LogReader.parse(Array(("\n" + lines(1...1) + "\n\n" + lines(2...2)).utf8))
        #expect(try seqs(contents) == [1, 2])
        #expect(contents.problems == [])
    }

    @Test(arguments: [
        (#"{"a":[1,-2.5e+3,true,false,null,"x\"\u00e9\\"],"b":{}}"#, true), ("[]", true), ("0", true),
        (#" {"a" : 1} "#, true), (#"{"a":1"#, false), (#"{"a":1}}"#, false), (#"{"a":01}"#, false),
        (#"{"a":1.}"#, false), ("{\"a\":\"tab\t\"}", false), (#"{"a":tru}"#, false), (#"{a:1}"#, false),
        (#"{"a":"\x"}"#, false), (#"["#, false), ("", false), (#"{"a":1,}"#, false),
    ])
    func jsonSyntaxIsCheckedStrictly(text: String, valid: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { JSONSyntax.isValid($0) } == valid)
    }

    @Test func readingAFileThatIsNotThereSaysSo() {
        #expect(throws: SystemCallError.self) { try LogReader.read(path: "/nonexistent/thinkenv.jsonl") }
    }

    @Test func followReadsOnlyNewCompleteLines() throws {
        let temp = try TemporaryDirectory()
        let path = temp.sub("live.jsonl")
        writeFile(path, lines(1...2))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        var follower = LogFollower(path: path)
        #expect(try seqs(follower.readNew()) == [1, 2])
        #expect(try follower.readNew().lines == [])

        handle.write(Data(#"{"seq":3,"type""#.utf8))  // half a line: not yet
        #expect(try follower.readNew().lines == [])
        #expect(follower.offset == Int64(lines(1...2).utf8.count))

        handle.write(Data((#":"turnStarted"}"# + "\n" + lines(4...4)).utf8))
        let next = try follower.readNew()
        #expect(try seqs(next) == [3, 4])
        #expect(next.lines.map(\.number) == [3, 4])
        #expect(next.problems == [])
    }

    @Test func followGoesOnWhereAFullReadStopped() throws {
        let temp = try TemporaryDirectory()
        let path = temp.sub("resumed.jsonl")
        writeFile(path, lines(1...3) + #"{"seq":4"#)
        let first = try LogReader.read(path: path)
        var follower = LogFollower(path: path, after: first)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(",\"type\":\"turnStarted\"}\n".utf8))
        try handle.close()
        let more = try follower.readNew()
        #expect(try seqs(more) == [4])
        #expect(more.lines.map(\.number) == [4])
    }

    @Test func followNoticesAShrunkFile() throws {
        let temp = try TemporaryDirectory()
        let path = temp.sub("shrunk.jsonl")
        writeFile(path, lines(1...3))
        var follower = LogFollower(path: path)
        _ = try follower.readNew()
        writeFile(path, lines(1...1))
        #expect(try follower.readNew().problems.map(\.kind) == [.fileShrank])
    }
}
