import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// Review figures from the file, as `show`, `export` and `sessions` run: read, replay,
/// build the transcript, render it.
struct ReviewFigures {
    var loadMs = 0.0
    var showMs = 0.0
    var csvMs = 0.0
    var markdownMs = 0.0
    var jsonMs = 0.0
    var listMs = 0.0
    var listed = 0
    var turns = 0

    static func measure(sessionFile: String, small: Int, in directory: BenchDirectory, runs: Int) -> ReviewFigures {
        var figures = ReviewFigures()
        func load() -> LoadedSession {
            do { return try SessionLoader.load(path: sessionFile) } catch { fail("cannot load: \(error)") }
        }
        var output = ""
        figures.loadMs = Measure.median(runs: runs) { figures.turns = load().session.turns.count }
        figures.showMs = Measure.median(runs: runs) { output = Transcript(load()).showText() }
        figures.csvMs = Measure.median(runs: runs) { output = Transcript(load()).csv() }
        figures.markdownMs = Measure.median(runs: runs) { output = Transcript(load()).markdown() }
        figures.jsonMs = Measure.median(runs: runs) { output = (try? Transcript(load()).json()) ?? "" }
        if output.isEmpty { print("warning: an empty transcript") }
        let listing = makeSmallSessions(count: small, in: directory)
        figures.listMs = Measure.median(runs: max(1, runs / 2)) { figures.listed = list(listing).count }
        return figures
    }

    /// What `thinkenv sessions` does for each file: load, build, one line.
    static func list(_ directory: String) -> [String] {
        SessionFiles.list(in: directory).map { file in
            guard let loaded = try? SessionLoader.load(path: file.path) else { return "unreadable" }
            let transcript = Transcript(loaded)
            let people = transcript.people.joined(separator: ", ")
            let state = transcript.status == .unfinished ? "unfinished" : "finished"
            return neutralised(
                "\(transcript.protocolName)  \(DurationText.clock(transcript.duration))  \(state)  \(people)")
        }
    }

    /// A finished four-person round written through `SessionLog`, copied `count` times
    /// into a sessions directory of its own; returns that directory.
    static func makeSmallSessions(count: Int, in directory: BenchDirectory) -> String {
        let home = BenchDirectory("list")
        let step = StepDefinition(kind: .round, title: "Opening round", turn: .seconds(120), notes: true)
        let plan = SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "bench", steps: [step]),
            people: ["Ana", "Ben", "Chloé", "Dev"], question: "What is going well?")
        var session = Session(plan: plan)
        guard let log = try? SessionLog.start(plan: plan, paths: home.paths, program: "thinkenv-bench") else {
            fail("cannot start a small session")
        }
        var now = Duration.zero
        for action in [Action.begin, .handOn, .pass, .handOn, .handOn, .handOn, .finish] {
            now += .seconds(47)
            if let facts = try? session.handle(action, at: now) { log.record(action, at: now, facts: facts) }
        }
        _ = log.close(finished: true)
        guard let bytes = FileManager.default.contents(atPath: log.path) else { fail("cannot read \(log.path)") }
        let target = directory.path + "/listing"
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for n in 0..<count {
            let name = String(format: "2026-%02d-%02dT10-00-00Z-round-%d.jsonl", 1 + n % 12, 1 + n % 28, n)
            _ = FileManager.default.createFile(atPath: target + "/" + name, contents: bytes)
        }
        return target
    }
}
