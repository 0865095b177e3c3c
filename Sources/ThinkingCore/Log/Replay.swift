/// Rebuilds a session from its log: the actions, applied in order at their recorded times.
/// The recorded facts are checked against the replayed ones; any difference is reported.
public struct Replay: Sendable {
    public var session: Session
    /// The last moment the log knows of.
    public var lastMoment: Duration
    public var lastSeq: Int
    /// Problems found on the way; never fatal.
    public var problems: [String]
    /// Every fact the replay produced, in order: the session's history as the screen showed it.
    public private(set) var facts: [Fact] = []

    public init(header: LogHeader) {
        session = Session(plan: header.plan)
        lastMoment = .zero
        lastSeq = 0
        problems = []
    }

    public static func replay(header: LogHeader, entries: [LogEntry]) -> Replay {
        var replay = Replay(header: header)
        for entry in entries { replay.apply(entry) }
        replay.finishFactCheck()
        return replay
    }

    private var expectedFacts: [Fact] = []
    private var recordedFacts: [Fact] = []
    private var factMismatchReported = false

    /// Applies one more entry (a live follower calls this as lines arrive).
    public mutating func apply(_ entry: LogEntry) {
        follow(seq: entry.seq)
        lastMoment = max(lastMoment, entry.t)
        if let action = entry.action {
            finishFactCheck()
            do {
                expectedFacts = try session.handle(action, at: entry.t)
                facts += expectedFacts
            } catch {
                problems.append("seq \(entry.seq): \(action) was refused on replay: \(error)")
                expectedFacts = []
            }
        }
        if let fact = entry.fact { recordedFacts.append(fact) }
    }

    /// Notes a line that was read but not decoded (a fact, when facts are not checked), so
    /// that only truly missing lines are reported.
    public mutating func follow(seq: Int) {
        if seq != lastSeq + 1 {
            problems.append("line with seq \(seq) follows seq \(lastSeq): \(seq - lastSeq - 1) missing")
        }
        lastSeq = seq
    }

    /// Compares the facts recorded after the last action with those replay produced.
    /// A torn tail may have lost some recorded facts: only a difference is reported.
    public mutating func finishFactCheck() {
        defer { recordedFacts = []; expectedFacts = [] }
        guard !factMismatchReported, !recordedFacts.isEmpty else { return }
        if Array(expectedFacts.prefix(recordedFacts.count)) != recordedFacts {
            problems.append("recorded facts differ from replay near seq \(lastSeq)")
            factMismatchReported = true
        }
    }
}
