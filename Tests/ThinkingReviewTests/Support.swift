import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingTranscripts

/// A fresh XDG world under /tmp for one test, removed when the value goes away.
final class Sandbox {
    let root: String
    let paths: StorePaths

    init() throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("thinkenv-review-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        paths = try StorePaths(environment: ["HOME": root + "/home", "XDG_DATA_HOME": root + "/data"])
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// The real file system without fsync: for generating big logs quickly in benchmarks.
struct UnsyncedFileSystem: LogFileSystem {
    let real = PosixFileSystem()
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> { real.write(fd, bytes) }
    func fsync(_ fd: Int32) -> SystemCallError? { nil }
    func identity(ofDescriptor fd: Int32) -> Result<FileIdentity, SystemCallError> { real.identity(ofDescriptor: fd) }
    func identity(ofPath path: String) -> Result<FileIdentity, SystemCallError> { real.identity(ofPath: path) }
    func close(_ fd: Int32) { real.close(fd) }
}

/// A controlling program in a test: a session, its log, and its clock in our hands.
final class Controller {
    var session: Session
    let log: SessionLog

    init(
        _ plan: SessionPlan, paths: StorePaths, fileSystem: any LogFileSystem = PosixFileSystem(),
        clock: WallClock = .system
    ) throws {
        session = Session(plan: plan)
        log = try SessionLog.start(plan: plan, paths: paths, program: "test", fileSystem: fileSystem, clock: clock)
    }

    init(resuming session: Session, log: SessionLog) {
        self.session = session
        self.log = log
    }

    /// Handles and records an action at `seconds`, as the runner does.
    func act(_ action: Action, at seconds: Double) throws {
        let now = Duration.milliseconds(Int64(seconds * 1000))
        _ = session.advance(to: now)
        let facts = try session.handle(action, at: now)
        log.record(action, at: now, facts: facts)
    }
}

enum Plans {
    static func round(_ people: [String], rounds: RoundCount = .fixed(1), question: String? = "What is going well?")
        -> SessionPlan
    {
        let step = StepDefinition(
            kind: .round, title: "Opening round", turn: .seconds(120), rounds: rounds, notes: true,
            components: [.attention, .equality])
        let closing = StepDefinition(
            kind: .round, title: "Closing round", turn: .seconds(60), notes: true, components: [.appreciation])
        return SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "test", steps: [step, closing]),
            people: people, question: question)
    }
}
