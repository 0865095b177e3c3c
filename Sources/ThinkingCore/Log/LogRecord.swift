/// The first line of a session log: what was run, with whom, as it was then.
public struct LogHeader: Codable, Equatable, Sendable {
    public static let currentFormat = 1
    public static let kindName = "thinkenv-session"

    public var format: Int
    public var kind: String
    /// The session's name (its file name without `.jsonl`).
    public var session: String
    /// UTC wall time at the session's origin (monotonic time zero), ISO 8601.
    public var startedAt: String
    /// The program that wrote it: `thinkenv 0.1.0`.
    public var program: String
    /// The whole plan: the protocol as run, the people, roles and settings.
    public var plan: SessionPlan

    public init(session: String, startedAt: String, program: String, plan: SessionPlan) {
        format = Self.currentFormat
        kind = Self.kindName
        self.session = session
        self.startedAt = startedAt
        self.program = program
        self.plan = plan
    }
}

/// Every line after the header: one input (an action), one fact, or a note from the program.
public struct LogEntry: Codable, Equatable, Sendable {
    /// 1-based, one more than the line before: a gap means lines were lost.
    public var seq: Int
    /// UTC wall-clock time, ISO 8601 with milliseconds.
    public var wall: String
    /// Monotonic time since the session's origin (seconds, millisecond precision).
    public var t: Duration
    public var action: Action?
    public var fact: Fact?
    public var program: ProgramNote?

    public init(
        seq: Int, wall: String, t: Duration, action: Action? = nil, fact: Fact? = nil, program: ProgramNote? = nil
    ) {
        self.seq = seq
        self.wall = wall
        self.t = t
        self.action = action
        self.fact = fact
        self.program = program
    }
}

/// What the program itself records about its running, as opposed to the session.
public enum ProgramNote: Codable, Equatable, Sendable {
    /// The program started (`run`) or took the session up again (`resume`).
    case opened(resumed: Bool)
    /// Wall-clock time moved by more than monotonic time: the machine was suspended (or its
    /// clock was set). `wall` is how far the wall clock moved beyond the monotonic clock.
    case clockGap(wall: Duration)
    /// Lines that could not be written at the time and were written late, once the
    /// problem cleared (disk full, a permission restored).
    case writtenLate(count: Int)
}
