import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The review budget: building and rendering a 10,000-turn transcript. Runs only with
/// `THINKENV_BENCH=1`, in a release build:
///
///     THINKENV_BENCH=1 swift test -c release --filter TranscriptBenchmark
///
/// The figures go to docs/PERFORMANCE.md ("Transcripts").
@Suite("TranscriptBenchmark", .enabled(if: ProcessInfo.processInfo.environment["THINKENV_BENCH"] == "1"))
struct TranscriptBenchmarkTests {
    /// Ten people, a thousand rounds of 2:00 turns; every tenth turn passes, every seventh
    /// runs over; a note and an interruption now and then.
    static func bigLog() throws -> ScriptedLog {
        let people = (1...10).map { "Person \($0) ✿" }
        var log = ScriptedLog(Plans.round(people, rounds: .fixed(1000)))
        try log.act(.begin)
        var n = 0
        while log.session.stage.liveTurn != nil {
            n += 1
            if n % 97 == 0 { try log.act(.addNote(text: "note \(n)")) }
            if n % 89 == 0 { try log.act(.noteInterruption) }
            if n % 10 == 3, log.session.stage.liveTurn?.secondOffer == false {
                try log.at(.seconds(2), .pass)
            } else {
                try log.at(.milliseconds(n % 7 == 0 ? 131_250 : 61_337), .handOn)
            }
        }
        return log
    }

    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        for _ in 0..<5 { best = min(best, try clock.measure(body)) }
        return Double(best.milliseconds) + Double(best.components.attoseconds % 1_000_000_000_000_000) / 1e15
    }

    @Test func tenThousandTurns() throws {
        let log = try Self.bigLog()
        let data = try log.jsonLines()
        var header = log.header
        var entries: [LogEntry] = []
        let decode = try Self.milliseconds {
            let lines = data.split(separator: UInt8(ascii: "\n"))
            let decoder = JSONDecoder()
            header = try decoder.decode(LogHeader.self, from: Data(lines[0]))
            entries = try lines.dropFirst().map { try decoder.decode(LogEntry.self, from: Data($0)) }
        }
        // What `show` and `export` do: read the file, replay, build, render.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).jsonl").path
        try data.write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var endToEnd = ""
        let showFromFile = try Self.milliseconds {
            endToEnd = Transcript(try SessionLoader.load(path: file)).showText()
        }
        let csvFromFile = try Self.milliseconds { endToEnd = Transcript(try SessionLoader.load(path: file)).csv() }
        #expect(!endToEnd.isEmpty)
        var contents = LogContents()
        let readOnly = try Self.milliseconds { contents = try LogReader.read(path: file) }
        var seqs = 0
        let seqScan = Self.milliseconds {
            seqs = contents.lines.compactMap { SessionLoader.topLevelSeq($0.data) }.count
        }
        let actions = contents.lines.dropFirst().filter { !$0.data.starts(with: Data(#"{"fact":"#.utf8)) }
        let decodeActions = try Self.milliseconds {
            _ = try actions.map { try JSONDecoder().decode(LogEntry.self, from: $0.data) }
        }
        print(
            String(
                format: "read %.1f ms, seq scan %.1f ms (%d), decode %d non-fact lines %.1f ms", readOnly, seqScan,
                seqs, actions.count, decodeActions))
        print(String(format: "from file: show %.1f ms, export csv %.1f ms", showFromFile, csvFromFile))
        #expect(showFromFile < 200 && csvFromFile < 200)
        var transcript = Transcript(header: header, entries: entries)
        let build = Self.milliseconds { transcript = Transcript(header: header, entries: entries) }
        #expect(transcript.turns.count >= 10_000)
        var output = ""
        let show = Self.milliseconds { output = transcript.showText() }
        let csv = Self.milliseconds { output = transcript.csv() }
        let markdown = Self.milliseconds { output = transcript.markdown() }
        let json = try Self.milliseconds { output = try transcript.json() }
        #expect(!output.isEmpty)
        let report = String(
            format:
                "turns %d, entries %d, log %.1f MB: decode %.1f ms, replay+build %.1f ms, show %.1f ms, csv %.1f ms, markdown %.1f ms, json %.1f ms",
            transcript.turns.count, entries.count, Double(data.count) / 1e6, decode, build, show, csv, markdown, json)
        print(report)
        #expect(build + show + csv < 200, "\(report)")
    }
}
