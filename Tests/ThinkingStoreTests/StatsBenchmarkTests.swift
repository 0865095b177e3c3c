import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The stats budget: < 1 s over 1,000 sessions. Runs only with `THINKENV_BENCH=1`, in a
/// release build:
///
///     THINKENV_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter StatsBenchmark
///
/// The figures go to docs/PERFORMANCE.md ("Stats").
@Suite("StatsBenchmark", .enabled(if: ProcessInfo.processInfo.environment["THINKENV_BENCH"] == "1"))
struct StatsBenchmarkTests {
    /// A thousand sessions of six (drawn from a pool of twelve names): two rounds of 1:00
    /// turns, every fifth turn a pass, each with a note and an interruption.
    @Test func aThousandSessions() throws {
        let directory = try TemporaryDirectory()
        let pool = (1...12).map { "Person \($0) ✿" }
        var bytes = 0
        for k in 0..<1000 {
            let people = (0..<6).map { pool[(k + $0 * 5) % pool.count] }
            let day = 1 + k % 28
            let start = "2026-10-\(day < 10 ? "0" : "")\(day)T\(10 + k % 10):\(10 + k % 50):00.000Z"
            var log = ScriptedLog(Plans.round(people, rounds: .fixed(2)), name: "s\(k)", startedAt: start)
            try log.act(.begin)
            try log.act(.addNote(text: "note \(k)"))
            try log.act(.noteInterruption)
            var n = k
            while log.session.stage.liveTurn != nil {
                n += 1
                if n % 5 == 0, log.session.stage.liveTurn?.secondOffer == false {
                    try log.at(.seconds(2), .pass)
                } else {
                    try log.at(.milliseconds(60_000 + Int64(n % 7) * 1_000), .handOn)
                }
            }
            let data = try log.jsonLines()
            bytes += data.count
            try data.write(to: URL(fileURLWithPath: directory.sub("\(start.prefix(19))Z-round-\(k).jsonl")))
        }
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        var text = ""
        for _ in 0..<5 {
            best = min(
                best,
                clock.measure {
                    let found = SessionStats.transcripts(in: directory.path)
                    text = SessionStats(found.transcripts, since: WallTime(day: "2026-10-01")).text()
                })
        }
        let ms = Double(best.milliseconds)
        print("stats over 1,000 sessions (\(bytes / 1024) KiB): best of 5 \(ms) ms")
        #expect(text.hasPrefix("1000 sessions"))
        #expect(ms < 1000)
    }
}
