import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// The whole program in a pseudo-terminal beside its peers (scripts/bench-pty.py).
struct TerminalFigures {
    struct Run: Decodable {
        var first_output_ms: Double
        var bytes_per_s: Double
        var cpu_pct: Double
        var peak_rss_kib: Int
        var total_bytes: Int
        var alive: Bool
    }

    /// Size ("120x40") → program → figures.
    var runs: [(size: String, programs: [(name: String, run: Run)])] = []
    var seconds = 0.0

    static let programs = ["thinkenv", "tty-clock", "termdown"]

    static func measure(binary: String, seconds: Double, sizes: [String]) -> TerminalFigures {
        var figures = TerminalFigures()
        figures.seconds = seconds
        _ = Shell.run(["python3", Shell.script, "peers"])
        for size in sizes {
            let home = BenchDirectory("pty")
            runningTurn(in: home)
            let thinkenv =
                ["thinkenv=/usr/bin/env"] + home.environment.map { "\($0)=\($1)" }.sorted() + [binary, "resume"]
            let arguments =
                ["python3", Shell.script, "load", String(seconds), size, "--"] + thinkenv
                + ["--", "tty-clock=tty-clock", "-c", "-s", "--", "termdown=termdown", "5m"]
            guard let output = Shell.run(arguments),
                let decoded = try? JSONDecoder().decode([String: Run].self, from: Data(output.utf8))
            else { fail("the pseudo-terminal run at \(size) failed") }
            figures.runs.append((size, programs.compactMap { name in decoded[name].map { (name, $0) } }))
        }
        return figures
    }

    /// A session whose first turn (an hour long) is under way, closed as a crash would leave it.
    static func runningTurn(in home: BenchDirectory) {
        let step = StepDefinition(
            kind: .round, title: "Opening round", turn: .seconds(3600), notes: true,
            components: [.attention, .equality, .ease])
        let plan = SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "bench", steps: [step]),
            people: ["Ana", "Ben", "Chloé", "Dev"], question: "What is going well for you at the moment?")
        var session = Session(plan: plan)
        guard let log = try? SessionLog.start(plan: plan, paths: home.paths, program: "thinkenv-bench"),
            let facts = try? session.handle(.begin, at: .zero)
        else { fail("cannot write the running session") }
        log.record(.begin, at: .zero, facts: facts)
        _ = log.close(finished: false)
    }
}

/// Runs commands and finds what the benchmark needs beside itself.
enum Shell {
    /// scripts/bench-pty.py, from the package root (the working directory).
    static let script = "scripts/bench-pty.py"

    /// Standard output, or nil when the command failed.
    static func run(_ arguments: [String], environment: [String: String]? = nil, echo: Bool = false) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        process.standardOutput = echo ? FileHandle.standardError : pipe
        do { try process.run() } catch { return nil }
        let data = echo ? Data() : pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Builds the binary to install as the Makefile builds it (statically linked, its hot
    /// functions gathered: see docs/DECISIONS.md) and returns its path.
    static func staticBinary() -> String {
        let command = ["make", "release"]
        print("building: \(command.joined(separator: " "))")
        guard run(command, echo: true) != nil else { fail("the static build failed") }
        return ".build-static/release/thinkenv"
    }
}
