import Foundation
import ThinkingCore

/// A session's log as the live program writes it: the header, then a line for every
/// action, fact and program note, each written and fsynced before the screen shows it.
///
/// Beside the log, a small heartbeat file says until when the screen was up (rewritten
/// every displayed second, not fsynced): after a crash, `resume` knows how long the
/// program was down and records exactly that as downtime.
public final class SessionLog {
    public let header: LogHeader
    public var path: String { writer.path }
    /// A persistent warning for the screen when lines could not be written.
    public var warning: String? { writer.warning }

    let writer: LogWriter
    private var seq: Int
    private let origin: Int64
    /// How far the wall clock stood ahead of the monotonic clock at the last check.
    private var drift: Int64
    /// Sorted keys: every line reads the same way, and a reader can tell an action from a
    /// fact by its first bytes.
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A gap between the clocks larger than this is recorded (suspend, clock set).
    static let gapThreshold: Int64 = 2000

    init(header: LogHeader, writer: LogWriter, seq: Int, origin: Int64, drift: Int64) {
        self.header = header
        self.writer = writer
        self.seq = seq
        self.origin = origin
        self.drift = drift
    }

    /// Creates the log of a new session, whose monotonic time zero is now.
    public static func start(
        plan: SessionPlan, paths: StorePaths, program: String,
        fileSystem: any LogFileSystem = PosixFileSystem()
    ) throws -> SessionLog {
        let now = UTCTime.nowMillis()
        let date = Date(timeIntervalSince1970: Double(now) / 1000)
        let writer = try LogWriter.create(
            protocolID: plan.definition.id, startedAt: date, paths: paths, fileSystem: fileSystem)
        let name = URL(fileURLWithPath: writer.path).deletingPathExtension().lastPathComponent
        let header = LogHeader(session: name, startedAt: UTCTime.iso(millis: now), program: program, plan: plan)
        let log = SessionLog(header: header, writer: writer, seq: 0, origin: now, drift: 0)
        log.writer.append(try log.encoder.encode(header))
        log.note(.opened(resumed: false), at: .zero)
        return log
    }

    /// Records an accepted action and the facts it caused, in that order.
    public func record(_ action: Action, at t: Duration, facts: [Fact]) {
        append(LogEntry(seq: 0, wall: "", t: t, action: action))
        for fact in facts { append(LogEntry(seq: 0, wall: "", t: t, fact: fact)) }
    }

    public func note(_ note: ProgramNote, at t: Duration) {
        append(LogEntry(seq: 0, wall: "", t: t, program: note))
    }

    /// Compares the clocks at session time `t`; records a gap when the wall clock moved
    /// ahead (a suspended laptop) or back by more than two seconds.
    public func checkClock(at t: Duration) {
        let now = UTCTime.nowMillis()
        let current = now - origin - t.milliseconds
        if abs(current - drift) > Self.gapThreshold {
            note(.clockGap(wall: .milliseconds(current - drift)), at: t)
            drift = current
        }
    }

    /// Rewrites the heartbeat file: the screen was up at session time `t`.
    public func heartbeat(at t: Duration) {
        let beat = Heartbeat(t: t, wall: UTCTime.iso(millis: UTCTime.nowMillis()))
        guard let data = try? encoder.encode(beat) else { return }
        let fd = open(Heartbeat.path(forLog: path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
    }

    /// Writes lines still pending (retrying), closes the file, and says where lines went if
    /// the log could not take them.
    public func close(finished: Bool) -> String? {
        if finished { unlink(Heartbeat.path(forLog: path)) }
        return writer.close().message
    }

    private func append(_ entry: LogEntry) {
        var entry = entry
        seq += 1
        entry.seq = seq
        entry.wall = UTCTime.iso(millis: UTCTime.nowMillis())
        // Encoding our own value types cannot fail; if it ever did, the gap in seq shows it.
        guard let data = try? encoder.encode(entry) else { return }
        writer.append(data)
    }
}

/// The heartbeat file beside a log: `SESSION.jsonl.alive`.
public struct Heartbeat: Codable, Equatable, Sendable {
    public var t: Duration
    public var wall: String

    public static func path(forLog path: String) -> String { path + ".alive" }

    public static func read(forLog path: String) -> Heartbeat? {
        guard let data = FileManager.default.contents(atPath: Self.path(forLog: path)) else { return nil }
        return try? JSONDecoder().decode(Heartbeat.self, from: data)
    }
}
