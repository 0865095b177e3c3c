import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// A temporary XDG home, removed at the end.
final class BenchDirectory {
    let path: String

    init(_ name: String) {
        var template = Array("/tmp/thinkenv-bench-\(name)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            fail("mkdtemp failed")
        }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try? FileManager.default.createDirectory(atPath: path + "/home", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var environment: [String: String] { ["HOME": path + "/home", "XDG_DATA_HOME": path + "/data"] }
    var paths: StorePaths {
        do { return try StorePaths(environment: environment) } catch { fail("paths: \(error)") }
    }
    var sessionsDirectory: String { paths.sessionsDirectory }
}

/// Log figures: one line appended and fsynced (`LogWriter.append`), and one accepted
/// action recorded with its facts (`SessionLog.record`, what precedes a screen update).
struct LogFigures {
    var lines = Samples([])
    var records = Samples([])
    var linesPerRecord = 0.0
    var sessionFile = ""
    var fileBytes = 0

    /// Writes `count` lines of ~210 bytes through `LogWriter`, then the whole big session
    /// through `SessionLog`, timing each call. The session file stays in `directory`.
    static func measure(lines count: Int, session big: BigSession, in directory: BenchDirectory) -> LogFigures {
        var figures = LogFigures()
        let line = Array(
            (#"{"action":{"handOn":{}},"seq":1234,"t":61.337,"wall":"2026-11-22T10:00:00.000Z","pad":""#
                + String(repeating: "x", count: 110) + #""}"#).utf8)
        do {
            let writer = try LogWriter.create(
                protocolID: "bench", startedAt: WallClock.system.now(), paths: directory.paths)
            var times: [Double] = []
            times.reserveCapacity(count)
            for _ in 0..<count {
                let start = Measure.clock.now
                _ = writer.append(line)
                times.append(Measure.ms(Measure.clock.now - start))
            }
            figures.lines = Samples(times)
            _ = writer.close()
            unlink(writer.path)
        } catch {
            fail("cannot create a log: \(error)")
        }
        do {
            let log = try SessionLog.start(plan: big.plan, paths: directory.paths, program: "thinkenv-bench")
            var times: [Double] = []
            times.reserveCapacity(big.script.count)
            var lineCount = 0
            for (action, t, facts) in big.script {
                let start = Measure.clock.now
                log.record(action, at: t, facts: facts)
                times.append(Measure.ms(Measure.clock.now - start))
                lineCount += 1 + facts.count
            }
            figures.records = Samples(times)
            figures.linesPerRecord = Double(lineCount) / Double(max(1, big.script.count))
            figures.sessionFile = log.path
            _ = log.close(finished: false)
            figures.fileBytes = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        } catch {
            fail("cannot start a session log: \(error)")
        }
        return figures
    }
}
