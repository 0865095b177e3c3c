import Foundation
import ThinkingLog

// thinkenv-bench: the project's figures against the budgets of the design, printed as a
// table and written between the bench markers of docs/PERFORMANCE.md. Run from the package
// root: `swift run -c release thinkenv-bench [--quick]`.

let options = BenchOptions.parse(CommandLine.arguments)
if let directory = options.bigLogDirectory {
    guard let paths = try? StorePaths(environment: ["XDG_DATA_HOME": directory, "XDG_CONFIG_HOME": directory]) else {
        fail("--write-big-log needs an absolute directory")
    }
    let rounds = Int(ProcessInfo.processInfo.environment["THINKENV_BENCH_ROUNDS"] ?? "") ?? 7500
    print(BigLogFigures.write(rounds: rounds, to: paths))
    exit(0)
}
let runs = options.quick ? 3 : 5
var report = Report()
let machine = Machine.describe()
print(machine)

print("engine: folding a 10,000-turn session…")
let (engine, big) = EngineFigures.measure(runs: runs)
report.add(
    "engine: fold \(engine.actions) actions (\(engine.turns) turns)",
    String(format: "%.0f k events/s (%@)", Double(engine.actions) / engine.foldMs, msText(engine.foldMs)))
report.add("engine: replay of those actions (`Replay`)", msText(engine.replayMs))

print("log: 10,000 appends with fsync, then the session through SessionLog…")
let directory = BenchDirectory("log")
let log = LogFigures.measure(lines: 10_000, session: big, in: directory)
report.add(
    "log: `LogWriter.append` + fsync, \(log.lines.count) lines of 210 B, p50 / p99 / max",
    "\(msText(log.lines.p50)) / \(msText(log.lines.p99)) / \(msText(log.lines.max))", budget: "p99 < 5 ms",
    met: log.lines.p99 < 5)
report.add(
    String(
        format: "log: `SessionLog.record` (an action and its facts, %.1f lines), %d actions, p50 / p99 / max",
        log.linesPerRecord, log.records.count),
    "\(msText(log.records.p50)) / \(msText(log.records.p99)) / \(msText(log.records.max))")

print("review: show and export from the file…")
let review = ReviewFigures.measure(sessionFile: log.sessionFile, small: 1000, in: directory, runs: runs)
let megabytes = Double(log.fileBytes) / 1e6
report.add(String(format: "review: load + replay (%.1f MB, %d turns)", megabytes, review.turns), msText(review.loadMs))
report.add(
    "review: `show` (file → transcript → text)", msText(review.showMs), budget: "< 200 ms", met: review.showMs < 200)
report.add("review: `export --format csv`", msText(review.csvMs), budget: "< 200 ms", met: review.csvMs < 200)
report.add(
    "review: `export --format markdown`", msText(review.markdownMs), budget: "< 200 ms", met: review.markdownMs < 200)
report.add("review: `export --format json`", msText(review.jsonMs))
report.add("review: `sessions` listing of \(review.listed) small sessions", msText(review.listMs))

print("review: a 50 MB log…")
let bigLog = BigLogFigures.measure(rounds: options.quick ? 1000 : 7500, in: directory, runs: max(1, runs / 2))
report.add(
    String(format: "review: load + replay of a %.1f MB log (%d turns)", Double(bigLog.bytes) / 1e6, bigLog.turns),
    msText(bigLog.loadMs))
report.add("review: `show` of that log", msText(bigLog.showMs), budget: "< 2 s", met: bigLog.showMs < 2000)
report.add(
    "review: `export --format html` of that log", msText(bigLog.htmlMs), budget: "< 2 s", met: bigLog.htmlMs < 2000)
report.add("review: `export --format markdown` of that log", msText(bigLog.markdownMs))

print("screen: rendering frames…")
let screen = ScreenFigures.measure(frames: options.quick ? 500 : 2000)
for size in screen.sizes {
    report.add(
        "screen: `SessionScreen.render` at \(size.width)x\(size.height), \(size.frames.count) frames, p50 / p99",
        "\(msText(size.frames.p50)) / \(msText(size.frames.p99))")
}

if !options.skipTerminal {
    let binary = options.binary ?? Shell.staticBinary()
    TerminalReport.add(binary: binary, options: options, to: &report)
}

print("")
print(report.table)
for note in report.notes { print("- " + note) }
if options.writeDocs {
    let command = "swift run -c release thinkenv-bench" + (options.quick ? " --quick" : "")
    do {
        try report.write(to: options.docsPath, machine: machine, command: command)
        print("written: \(options.docsPath)")
    } catch {
        fail("cannot write \(options.docsPath): \(error)")
    }
}
