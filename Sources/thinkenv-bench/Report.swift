import Foundation
import ThinkingCore
import ThinkingLog

/// The table of figures, printed and written between markers in docs/PERFORMANCE.md.
struct Report {
    var rows: [(what: String, figure: String, budget: String, verdict: String)] = []
    var notes: [String] = []

    mutating func add(_ what: String, _ figure: String, budget: String = "", met: Bool? = nil) {
        rows.append((what, figure, budget, met.map { $0 ? "met" : "**missed**" } ?? ""))
    }

    var table: String {
        var text = "| measure | figure | budget | |\n| --- | ---: | --- | --- |\n"
        for row in rows { text += "| \(row.what) | \(row.figure) | \(row.budget) | \(row.verdict) |\n" }
        return text
    }

    static let start = "<!-- bench:start -->"
    static let end = "<!-- bench:end -->"

    /// Replaces the section between the markers (or appends it) and keeps the rest.
    func write(to path: String, machine: String, command: String) throws {
        let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Performance\n"
        var section = "\(Self.start)\n## Benchmarks (thinkenv-bench)\n\n"
        section += "Written by `\(command)` on \(Self.today()). Do not edit by hand: the next run rewrites it.\n\n"
        section += Self.howTo + "\n\n"
        section += machine + "\n\n" + table
        if !notes.isEmpty { section += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        section += Self.end
        let updated: String
        if let from = old.range(of: Self.start), let to = old.range(of: Self.end), from.lowerBound < to.upperBound {
            updated = old.replacingCharacters(in: from.lowerBound..<to.upperBound, with: section)
        } else {
            updated = old + (old.hasSuffix("\n\n") ? "" : old.hasSuffix("\n") ? "\n" : "\n\n") + section + "\n"
        }
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let howTo = """
        How: `swift run -c release thinkenv-bench` from the package root (about 8 minutes; `--quick`: a 30 s \
        turn and 10 s terminal runs, about 2 minutes; `--timer SECONDS`, `--terminal SECONDS`, `--binary PATH` \
        to measure a given build, `--skip-terminal`, `--no-write`). It builds the binary to install \
        (`make release`: statically linked, without PIE, its hot functions gathered) and installs `tty-clock` and `termdown` if they are missing (scripts/bench-pty.py). Engine, log, review and screen figures are \
        medians of 5 runs (3 with `--quick`) in this process; the terminal figures come from the real program \
        in pseudo-terminals.
        """

    static func today() -> String {
        let now = WallClock.system.now()
        return "\(now.date()) \(now.timeOfDay().prefix(5)) UTC"
    }
}

/// The machine, described for the figures: cores, CPU model, the disk of the working directory.
enum Machine {
    static func describe() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown CPU"
        let disk =
            (Shell.run(["df", "-h", "--output=source,fstype,size,avail", "."]) ?? "")
            .split(separator: "\n").dropFirst().first.map {
                $0.split(separator: " ").joined(separator: " ")
            } ?? "unknown"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ")
            .prefix(3).joined(separator: " ")
        let kernel = (Shell.run(["uname", "-sr"]) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return
            "Machine: \(cores) cores (nproc), \(model); disk of the working directory (df -h: source, type, "
            + "size, free): \(disk); \(kernel); load average at the start: \(load)."
    }
}
