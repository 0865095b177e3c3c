import Foundation

/// The pseudo-terminal and timer figures, as rows of the report.
enum TerminalReport {
    static func add(binary: String, options: BenchOptions, to report: inout Report) {
        print("terminal: \(binary) beside tty-clock and termdown, \(Int(options.terminalSeconds)) s per size…")
        let terminal = TerminalFigures.measure(
            binary: binary, seconds: options.terminalSeconds, sizes: ["120x40", "250x70"])
        for (size, programs) in terminal.runs {
            guard let ours = programs.first(where: { $0.name == "thinkenv" })?.run else { continue }
            let clock = programs.first { $0.name == "tty-clock" }?.run
            let termdown = programs.first { $0.name == "termdown" }?.run
            func ratios(_ value: (TerminalFigures.Run) -> Double, _ format: String) -> String {
                let peers = [("tty-clock", clock), ("termdown", termdown)].compactMap { name, run in
                    run.map { String(format: "%@ " + format + " (×%.2f)", name, value($0), value(ours) / value($0)) }
                }
                return peers.joined(separator: "; ")
            }
            report.add(
                "terminal \(size): bytes/s (peers, our ratio)",
                String(format: "%.1f — %@", ours.bytes_per_s, ratios(\.bytes_per_s, "%.1f")),
                budget: "≤ tty-clock's", met: clock.map { ours.bytes_per_s <= $0.bytes_per_s })
            report.add(
                "terminal \(size): CPU % of a core",
                String(format: "%.2f %% — %@", ours.cpu_pct, ratios(\.cpu_pct, "%.2f %%")),
                budget: "< 0.3 %", met: ours.cpu_pct < 0.3)
            let mb = { (run: TerminalFigures.Run) in Double(run.peak_rss_kib) / 1024 }
            report.add(
                "terminal \(size): peak RSS", String(format: "%.1f MB — %@", mb(ours), ratios(mb, "%.1f MB")),
                budget: "< 20 MB", met: mb(ours) < 20)
            report.add(
                "terminal \(size): first output",
                String(format: "%.1f ms — %@", ours.first_output_ms, ratios(\.first_output_ms, "%.1f ms")),
                budget: "< 50 ms", met: ours.first_output_ms < 50)
        }
        report.notes.append(
            "Terminal: `\(binary) resume` of a session whose first (hour-long) turn is under way, each size "
                + "measured for \(Int(options.terminalSeconds)) s at the same time as `tty-clock -c -s` and `termdown 5m`, "
                + "each in its own pseudo-terminal (scripts/bench-pty.py). Bytes/s and CPU after a 2 s warm-up; CPU from "
                + "/proc utime+stime (10 ms ticks); first output is the first byte, from fork (not a full frame).")
        let timer = TimerFigures.measure(binary: binary, seconds: options.timerSeconds)
        report.add(
            String(format: "timer: recorded turn − keyed turn, over %.0f s", timer.seconds),
            String(format: "%+.1f ms (%.1f ms recorded)", timer.recordedDriftMs, timer.recordedMs),
            budget: "drift within ±50 ms", met: abs(timer.recordedDriftMs) < 50)
        report.add(
            "timer: screen change after the second boundary, start → end of the turn",
            String(
                format: "%.1f → %.1f ms (drift %+.1f ms, %d changes)", timer.displayStartMs, timer.displayEndMs,
                timer.displayDriftMs, timer.displayChanges),
            budget: "drift within ±50 ms", met: abs(timer.displayDriftMs) < 50)
        report.notes.append(
            "Timer: `thinkenv run round` at 30x10 (the clock as text); Space begins the turn and, "
                + "\(Int(timer.seconds)) s later by the bench's own CLOCK_MONOTONIC (Python `time.monotonic()`), Space "
                + "ends it. *Recorded*: the log's `t` of the hand-on minus that of the begin (the runner's "
                + "`SessionClock`, a `SuspendingClock`) against the time between the two key writes; the difference "
                + "also holds the two keys' latencies. *Screen*: each output chunk's instant after the first Space, "
                + "less whole seconds — how long after each second boundary the screen changed — at the start and at "
                + "the end of the turn (medians of 5); their difference is the display's drift.")
    }
}
