import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingTranscripts

/// The 50 MB log of issue 14: a session of `rounds` rounds of ten people written through
/// `SessionLog` as the program writes it (facts, program notes), without the fsync per line
/// that would make writing it take minutes. Then `show` and the HTML export from the file.
struct BigLogFigures {
    var bytes = 0
    var turns = 0
    var loadMs = 0.0
    var showMs = 0.0
    var htmlMs = 0.0
    var markdownMs = 0.0

    /// The file system of the program, with fsync a no-op (the figures are of reading).
    struct Unsynced: LogFileSystem {
        let real = PosixFileSystem()
        func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
            real.write(fd, bytes)
        }
        func fsync(_ fd: Int32) -> SystemCallError? { nil }
        func identity(ofDescriptor fd: Int32) -> Result<FileIdentity, SystemCallError> {
            real.identity(ofDescriptor: fd)
        }
        func identity(ofPath path: String) -> Result<FileIdentity, SystemCallError> { real.identity(ofPath: path) }
        func close(_ fd: Int32) { real.close(fd) }
    }

    /// Writes the session's log; returns its path.
    static func write(rounds: Int, to paths: StorePaths) -> String {
        var big = BigSession(rounds: rounds)
        _ = big.fold()
        do {
            let log = try SessionLog.start(
                plan: big.plan, paths: paths, program: "thinkenv-bench", fileSystem: Unsynced())
            for (action, t, facts) in big.script { log.record(action, at: t, facts: facts) }
            _ = log.close(finished: true)
            return log.path
        } catch {
            fail("cannot write the big log: \(error)")
        }
    }

    static func measure(rounds: Int, in directory: BenchDirectory, runs: Int) -> BigLogFigures {
        let path = write(rounds: rounds, to: directory.paths)
        var figures = BigLogFigures()
        figures.bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        func load() -> LoadedSession {
            do { return try SessionLoader.load(path: path) } catch { fail("cannot load: \(error)") }
        }
        var output = ""
        figures.loadMs = Measure.median(runs: runs) { figures.turns = load().session.turns.count }
        figures.showMs = Measure.median(runs: runs) { output = Transcript(load()).showText() }
        figures.markdownMs = Measure.median(runs: runs) { output = Transcript(load()).markdown() }
        figures.htmlMs = Measure.median(runs: runs) { output = Transcript(load()).html() }
        if output.isEmpty { print("warning: an empty transcript") }
        return figures
    }
}
