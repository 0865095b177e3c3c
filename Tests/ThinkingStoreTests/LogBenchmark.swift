import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// Not a timing test: it prints figures for docs/PERFORMANCE.md and fails only if
/// the log loses lines. Run with `THINKENV_BENCH=1 swift test --filter LogBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["THINKENV_BENCH"] == "1"))
struct LogBenchmark {
    static let count = 10_000

    /// About 200 bytes, like a turn event with a short note.
    func line(_ seq: Int) -> [UInt8] {
        let note = String(repeating: "x", count: 120)
        return Array(
            #"{"seq":\#(seq),"type":"turnStarted","wall":"2026-11-22T10:04:12Z","now":\#(seq * 1000),"note":"\#(note)"}"#
                .utf8)
    }

    @Test func appendWithFsyncThenRead() throws {
        let temp = try TemporaryDirectory()
        let writer = try LogWriter.create(protocolID: "bench", startedAt: WallClock.system.now(), paths: try temp.paths)
        let clock = ContinuousClock()
        var latencies: [Duration] = []
        latencies.reserveCapacity(Self.count)
        for seq in 1...Self.count {
            let bytes = line(seq)
            let started = clock.now
            let status = writer.append(bytes)
            latencies.append(clock.now - started)
            #expect(status == .written)
        }
        #expect(writer.close() == .closed)
        latencies.sort()
        func ms(_ d: Duration) -> String {
            String(format: "%.3f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000)
        }
        let size = try FileManager.default.attributesOfItem(atPath: writer.path)[.size] as? Int ?? 0
        print(
            "log append + fsync, \(Self.count) lines of \(line(Self.count).count + 1) bytes (\(size) bytes):",
            "p50 \(ms(latencies[Self.count / 2]))",
            "p99 \(ms(latencies[Self.count * 99 / 100]))",
            "max \(ms(latencies[Self.count - 1]))")

        var reads: [Duration] = []
        var contents = LogContents()
        for _ in 1...20 {
            let started = clock.now
            contents = try LogReader.read(path: writer.path)
            reads.append(clock.now - started)
        }
        reads.sort()
        print("log read of \(size) bytes, 20 runs: median \(ms(reads[10])), min \(ms(reads[0]))")
        #expect(contents.lines.count == Self.count && contents.problems == [])
    }
}
