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
    private let clock: WallClock
    /// The wall-clock time at session time zero.
    private let origin: WallTime
    /// When this process opened the log, for the heartbeat.
    private let openedAt: WallTime
    /// How far the wall clock stood ahead of the monotonic clock at the last check (ms).
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

    init(header: LogHeader, writer: LogWriter, seq: Int, clock: WallClock, origin: WallTime, drift: Int64) {
        self.header = header
        self.writer = writer
        self.seq = seq
        self.clock = clock
        self.origin = origin
        self.drift = drift
        openedAt = clock.now()
    }

    /// Creates the log of a new session, whose monotonic time zero is now.
    public static func start(
        plan: SessionPlan, paths: StorePaths, program: String,
        fileSystem: any LogFileSystem = PosixFileSystem(), clock: WallClock = .system
    ) throws -> SessionLog {
        let now = clock.now()
        let writer = try LogWriter.create(
            protocolID: plan.definition.id, startedAt: now, paths: paths, fileSystem: fileSystem)
        let name = URL(fileURLWithPath: writer.path).deletingPathExtension().lastPathComponent
        var header = LogHeader(session: name, startedAt: now, program: program, plan: plan)
        header.zone = TimeZone.current.identifier
        let log = SessionLog(header: header, writer: writer, seq: 0, clock: clock, origin: now, drift: 0)
        log.writer.append(try log.encoder.encode(header))
        log.note(.opened(resumed: false), at: .zero)
        log.heartbeat(at: .zero)
        return log
    }

    /// Records an accepted action and the facts it caused, in that order.
    public func record(_ action: Action, at t: Duration, facts: [Fact]) {
        append(LogEntry(seq: 0, wall: nil, t: t, action: action))
        for fact in facts { append(LogEntry(seq: 0, wall: nil, t: t, fact: fact)) }
    }

    public func note(_ note: ProgramNote, at t: Duration) {
        append(LogEntry(seq: 0, wall: nil, t: t, program: note))
    }

    /// Compares the clocks at session time `t`; records a gap when the wall clock moved
    /// ahead (a suspended laptop) or back by more than two seconds.
    public func checkClock(at t: Duration) {
        let current = clock.now().milliseconds - origin.milliseconds - t.milliseconds
        if abs(current - drift) > Self.gapThreshold {
            note(.clockGap(wall: .milliseconds(current - drift)), at: t)
            drift = current
        }
    }

    /// Rewrites the heartbeat file: the screen was up at session time `t`, with `draft`
    /// being typed. Not fsynced (it is rewritten every second); 0600 whatever the umask,
    /// never written through a link.
    public func heartbeat(at t: Duration, draft: Draft? = nil) {
        let beat = Heartbeat(t: t, wall: clock.now(), pid: getpid(), openedAt: openedAt, draft: draft)
        guard let data = try? encoder.encode(beat) else { return }
        let beatPath = Heartbeat.path(forLog: path)
        guard let fd = try? PrivateFiles.openOwn(beatPath, O_WRONLY | O_CREAT | O_TRUNC, mode: PrivateFiles.fileMode)
        else { return }
        fchmod(fd, PrivateFiles.fileMode)
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
    }

    /// Writes lines still pending (retrying), closes the file (which lets go of the writer's
    /// lock), and says where lines went if the log could not take them.
    public func close(finished: Bool) -> LogWriter.CloseOutcome {
        if finished { unlink(Heartbeat.path(forLog: path)) }
        return writer.close()
    }

    private func append(_ entry: LogEntry) {
        var entry = entry
        seq += 1
        entry.seq = seq
        entry.wall = clock.now()
        // Encoding our own value types cannot fail; if it ever did, the gap in seq shows it.
        guard let data = try? encoder.encode(entry) else { return }
        writer.append(data)
    }
}

/// The heartbeat file beside a log, `SESSION.jsonl.alive` (0600): until when the screen was
/// up, which process has the session open and since when (for the message a second writer
/// gets), and the text being typed, if any.
public struct Heartbeat: Codable, Equatable, Sendable {
    public var t: Duration
    public var wall: WallTime
    public var pid: Int32?
    /// When that process opened the session.
    public var openedAt: WallTime?
    public var draft: Draft?

    public init(t: Duration, wall: WallTime, pid: Int32? = nil, openedAt: WallTime? = nil, draft: Draft? = nil) {
        self.t = t
        self.wall = wall
        self.pid = pid
        self.openedAt = openedAt
        self.draft = draft
    }

    public static func path(forLog path: String) -> String { path + ".alive" }

    /// The heartbeat of a log, if there is one of ours (never read through a link).
    public static func read(forLog path: String) -> Heartbeat? {
        guard let bytes = try? LogReader.readFrom(path: Self.path(forLog: path), offset: 0) else { return nil }
        return try? JSONDecoder().decode(Heartbeat.self, from: Data(bytes))
    }
}
