import Foundation
import Testing
import ThinkingCore
import ThinkingLog
import ThinkingReview
import ThinkingTranscripts

/// Opening a 10,000-turn session in the review: read, replay, transcript, first frame.
/// Runs only with `THINKENV_BENCH=1`, in a release build:
///
///     THINKENV_BENCH=1 swift test -c release --filter ReviewBenchmark
@Suite("ReviewBenchmark", .enabled(if: ProcessInfo.processInfo.environment["THINKENV_BENCH"] == "1"))
struct ReviewBenchmarkTests {
    @Test func openTenThousandTurns() throws {
        let sandbox = try Sandbox()
        let people = (1...10).map { "Person \($0)" }
        let controller = try Controller(
            Plans.round(people, rounds: .fixed(1000)), paths: sandbox.paths, fileSystem: UnsyncedFileSystem())
        try controller.act(.begin, at: 0)
        var t = 0.0
        var turns = 0
        while controller.session.stage.liveTurn != nil {
            t += turns % 7 == 0 ? 131.25 : 61.337
            turns += 1
            try controller.act(turns % 10 == 3 ? .pass : .handOn, at: t)
        }
        _ = controller.log.close(finished: false)
        let path = controller.log.path
        let clock = ContinuousClock()
        var best = Duration.seconds(100)
        var frame: [String] = []
        for _ in 0..<5 {
            best = min(
                best,
                try clock.measure {
                    let transcript = Transcript(try SessionLoader.load(path: path))
                    var state = ReviewState(entries: [ReviewEntry(path: path, transcript: transcript)])
                    state.transcript = transcript
                    frame = ReviewScreen(state: state).render(width: 200, height: 60).lines()
                })
        }
        let transcript = Transcript(try SessionLoader.load(path: path))
        var state = ReviewState(entries: [ReviewEntry(path: path, transcript: transcript)])
        state.transcript = transcript
        let load = clock.measure { _ = try? SessionLoader.load(path: path) }
        let build = try clock.measure { _ = Transcript(try SessionLoader.load(path: path)) }
        let render = clock.measure { _ = ReviewScreen(state: state).render(width: 200, height: 60) }
        let small = clock.measure { _ = ReviewScreen(state: state).render(width: 80, height: 24) }
        print("review parts: load \(load), load+transcript \(build), render 200x60 \(render), 80x24 \(small)")
        print("review: opening a \(turns)-turn session (read, replay, transcript, 200x60 frame): \(best)")
        #expect(turns >= 10_000 && frame[0].contains("Round"))
        #expect(best < .milliseconds(500))
    }
}
