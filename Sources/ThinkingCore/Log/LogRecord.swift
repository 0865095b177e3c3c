/// The first line of a session log: what was run, with whom, as it was then.
public struct LogHeader: Codable, Equatable, Sendable {
    /// 2: the plan may hold `handOnGuard`, and `handOnIgnored` facts appear (an older
    /// program would replay an ignored hand-on as a real one, so it must refuse these logs).
    public static let currentFormat = 2
    public static let kindName = "thinkenv-session"

    public var format: Int
    public var kind: String
    /// The session's name (its file name without `.jsonl`).
    public var session: String
    /// The wall-clock time at the session's origin (monotonic time zero), written in UTC;
    /// nil when the file's text is not a time (a hand-edited header: the transcript then
    /// counts from the first line's time and says so).
    public var startedAt: WallTime?
    /// The program that wrote it: `thinkenv 0.1.0`.
    public var program: String
    /// The whole plan: the protocol as run, the people, roles and settings.
    public var plan: SessionPlan
    /// Where it was run: the time zone's name (`Europe/Paris`), so that its times read as
    /// the room lived them wherever and whenever the log is read (nil in older logs).
    public var zone: String?

    public init(session: String, startedAt: WallTime?, program: String, plan: SessionPlan) {
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
    /// The wall-clock time it was written, in UTC to the millisecond; nil when the file's text
    /// is not a time.
    public var wall: WallTime?
    /// Monotonic time since the session's origin (seconds, millisecond precision).
    public var t: Duration
    public var action: Action?
    public var fact: Fact?
    public var program: ProgramNote?

    public init(
        seq: Int, wall: WallTime?, t: Duration, action: Action? = nil, fact: Fact? = nil, program: ProgramNote? = nil
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

// MARK: - Reading the wall times leniently

extension LogHeader {
    private enum CodingKeys: String, CodingKey { case format, kind, session, startedAt, program, plan, zone }

    /// A start time that is not a time reads as nil (the rest of the header still counts).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        kind = try container.decode(String.self, forKey: .kind)
        session = try container.decode(String.self, forKey: .session)
        startedAt = try? container.decodeIfPresent(WallTime.self, forKey: .startedAt)
        program = try container.decode(String.self, forKey: .program)
        plan = try container.decode(SessionPlan.self, forKey: .plan)
        // A zone that is not text reads as none: times then read in this computer's zone.
        zone = (try? container.decodeIfPresent(String.self, forKey: .zone)) ?? nil
    }
}

extension LogEntry {
    private enum CodingKeys: String, CodingKey { case seq, wall, t, action, fact, program }

    /// A wall time that is not a time reads as nil: the session's own clock is `t`, and replay
    /// never needs the wall time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int.self, forKey: .seq)
        wall = try? container.decodeIfPresent(WallTime.self, forKey: .wall)
        t = try container.decode(Duration.self, forKey: .t)
        action = try container.decodeIfPresent(Action.self, forKey: .action)
        fact = try container.decodeIfPresent(Fact.self, forKey: .fact)
        program = try container.decodeIfPresent(ProgramNote.self, forKey: .program)
    }
}
