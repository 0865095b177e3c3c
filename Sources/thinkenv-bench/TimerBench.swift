import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// A real turn of the real program, against the benchmark's own monotonic clock
/// (Python's `time.monotonic()`, CLOCK_MONOTONIC, in another process).
struct TimerFigures {
    var seconds = 0.0
    /// Between the two key presses, by the independent clock.
    var keyedMs = 0.0
    /// The turn's length as the log records it (`t` of the hand-on minus `t` of the begin,
    /// both from the runner's `SessionClock`), and the turn record's active time.
    var recordedMs = 0.0
    var turnActiveMs = 0.0
    /// When the screen changed, relative to the Space that began the turn, less whole
    /// seconds: at the start and at the end of the turn (medians of 5 changes each).
    var displayStartMs = 0.0
    var displayEndMs = 0.0
    var displayChanges = 0

    var recordedDriftMs: Double { recordedMs - keyedMs }
    var displayDriftMs: Double { displayEndMs - displayStartMs }

    struct Output: Decodable {
        var began: Double
        var ended: Double
        var chunks: [[Double]]
    }

    static func measure(binary: String, seconds: Double) -> TimerFigures {
        let home = BenchDirectory("timer")
        let arguments =
            ["python3", Shell.script, "timer", String(seconds), "30x10", "--", "/usr/bin/env"]
            + home.environment.map { "\($0)=\($1)" }.sorted()
            + [binary, "run", "round", "--people", "Ana, Ben", "--turn", "60m"]
        print("timer: a real turn of \(Int(seconds)) s at 30x10 (the clock as text)…")
        guard let text = Shell.run(arguments),
            let output = try? JSONDecoder().decode(Output.self, from: Data(text.utf8))
        else { fail("the timer run failed") }
        var figures = TimerFigures()
        figures.seconds = seconds
        figures.keyedMs = (output.ended - output.began) * 1000
        guard let file = SessionFiles.list(in: home.sessionsDirectory).first,
            let loaded = try? SessionLoader.load(path: file.path)
        else { fail("the timer run left no session") }
        let begin = loaded.entries.first { $0.action == .begin }?.t
        let handOn = loaded.entries.first { $0.action == .handOn }?.t
        if let begin, let handOn { figures.recordedMs = Measure.ms(handOn - begin) }
        figures.turnActiveMs = loaded.session.turns.first.map { Measure.ms($0.active) } ?? .nan
        // Screen changes while the turn ran (not the repaint at the key, not the end).
        let offsets = output.chunks.map { $0[0] }
            .filter { $0 > 0.5 && $0 < (output.ended - output.began) - 0.2 }
            .map { ($0 - $0.rounded(.down)) * 1000 }
        figures.displayChanges = offsets.count
        figures.displayStartMs = Samples(Array(offsets.prefix(5))).p50
        figures.displayEndMs = Samples(Array(offsets.suffix(5))).p50
        return figures
    }
}
