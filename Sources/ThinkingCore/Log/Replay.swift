/// Rebuilds a session from its log: the actions, applied in order at their recorded times.
/// The recorded facts are checked against the replayed ones; any difference is reported.
///
/// Replay is strict. One process writes a log, in order, so a line is accepted only if its
/// `seq` is the next one and its `t` does not go back (and, for an action, if the session
/// could have taken it then). At the first line that breaks this, the trustworthy record
/// ends: `stop` says where and why, and nothing after it is applied. Replay never invents a
/// turn from a copied, reordered or forged line.
public struct Replay: Sendable {
    public var session: Session
    /// The last moment the log knows of (among the lines accepted).
    public var lastMoment: Duration
    public var lastSeq: Int
    /// Problems found on the way; the last one says where the record stops, if it does.
    public var problems: [String]
    /// Every fact the replay produced, in order: the session's history as the screen showed it.
    public private(set) var facts: [Fact] = []
    /// Where the trustworthy record ends, if a line broke the order.
    public private(set) var stop: Stop?

    /// The first line that could not have been written by the program in order.
    public struct Stop: Equatable, Sendable, CustomStringConvertible {
        /// The line's 1-based number in the file, when known.
        public var line: Int?
        /// What is wrong with it.
        public var reason: String

        public var description: String {
            let place = line.map { "at line \($0)" } ?? "here"
            return "the record stops being trustworthy \(place): \(reason); nothing from there on is replayed"
        }
    }

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

    /// Applies one more entry (a live follower calls this as lines arrive); an entry out of
    /// order ends the trustworthy record there.
    public mutating func apply(_ entry: LogEntry, line: Int? = nil) {
        guard admit(seq: entry.seq, t: entry.t, line: line) else { return }
        if let action = entry.action {
            finishFactCheck()
            // No copy to fall back on: a copy would make every hand-on copy the turns so far
            // (7x slower on 10,000 turns). A refused action leaves the session as time passing
            // to its moment would (the engine's property tests hold it to that), nothing more.
            do {
                expectedFacts = try session.handle(action, at: entry.t)
                facts += expectedFacts
            } catch {
                // The program records only what the session accepted.
                halt(line: line, "seq \(entry.seq): \(action) could not have been taken then (\(error))")
                expectedFacts = []
                return
            }
        }
        if let fact = entry.fact { recordedFacts.append(fact) }
    }

    /// Accepts a line that was read but not decoded (a fact, when facts are not checked) if
    /// it comes next in order; false when it does not (and the record stops there).
    @discardableResult
    public mutating func admit(seq: Int, t: Duration, line: Int? = nil) -> Bool {
        guard stop == nil else { return false }
        if seq != lastSeq + 1 {
            let reason =
                seq <= lastSeq
                ? "seq \(seq) comes again after seq \(lastSeq) (a copied or reordered line)"
                : "seq \(seq) follows seq \(lastSeq): \(seq - lastSeq - 1) missing"
            halt(line: line, reason)
            return false
        }
        if t < lastMoment || t < .zero {
            halt(line: line, "its time \(t.seconds)s goes back before \(lastMoment.seconds)s")
            return false
        }
        lastSeq = seq
        lastMoment = t
        return true
    }

    /// Ends the trustworthy record here for a reason the caller found (a line that is not a
    /// session event at all).
    public mutating func halt(line: Int?, _ reason: String) {
        guard stop == nil else { return }
        let found = Stop(line: line, reason: reason)
        stop = found
        problems.append(found.description)
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
