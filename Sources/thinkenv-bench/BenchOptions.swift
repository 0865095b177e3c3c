import Foundation

/// The command line of `thinkenv-bench`.
struct BenchOptions {
    /// Shorter runs everywhere (30 s timer, 10 s terminal runs, fewer samples).
    var quick = false
    /// The length of the real turn whose timing is compared with an independent clock.
    var timerSeconds: Double = 300
    /// How long each program runs in the pseudo-terminal.
    var terminalSeconds: Double = 30
    /// The binary measured in a pseudo-terminal; built statically when not given.
    var binary: String?
    /// Skip the pseudo-terminal and timer parts (no binary needed).
    var skipTerminal = false
    /// Write the figures into docs/PERFORMANCE.md.
    var writeDocs = true
    var docsPath = "docs/PERFORMANCE.md"
    /// Write the 50 MB log to this directory and stop (to time the commands on it by hand;
    /// `THINKENV_BENCH_ROUNDS=1000` writes the 10,000-turn one instead).
    var bigLogDirectory: String?

    static let usage = """
        usage: thinkenv-bench [--quick] [--timer SECONDS] [--terminal SECONDS] [--binary PATH]
                              [--skip-terminal] [--no-write] [--docs PATH] [--write-big-log DIR]
        """

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments.dropFirst()
        func value(_ name: String) -> String {
            guard let next = rest.popFirst() else { fail("\(name) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--quick":
                options.quick = true
                options.timerSeconds = 30
                options.terminalSeconds = 10
            case "--timer": options.timerSeconds = seconds(value(argument), argument)
            case "--terminal": options.terminalSeconds = seconds(value(argument), argument)
            case "--binary": options.binary = value(argument)
            case "--skip-terminal": options.skipTerminal = true
            case "--no-write": options.writeDocs = false
            case "--docs": options.docsPath = value(argument)
            case "--write-big-log": options.bigLogDirectory = value(argument)
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(argument)")
            }
        }
        return options
    }
}

func seconds(_ text: String, _ name: String) -> Double {
    guard let value = Double(text), value > 0 else { fail("\(name) takes a number of seconds") }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("thinkenv-bench: \(message)\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}
