/// An interruption the facilitator noted (`i`): when, in which step, and during whose turn.
/// The person is the one the `interruptionNoted` fact names: nil in pairs, where every pair's
/// thinker thinks at once and the key is for the whole room.
public struct Interruption: Equatable, Sendable {
    public var at: Duration
    public var step: StepIndex?
    public var person: PersonID?

    public init(at: Duration, step: StepIndex?, person: PersonID?) {
        self.at = at
        self.step = step
        self.person = person
    }
}

extension Array where Element == Interruption {
    /// How many were noted during each of `turns`, the one rule of the equality figures and
    /// the transcripts: an interruption counts once, for the turn of its person under way at
    /// its moment, start and end included (the earlier turn when one of theirs ended as the
    /// next began; the last turn when the log stops at that moment). One without a person
    /// (pairs) counts for no turn: see `unattributed(in:)`.
    public func counts(for turns: [TurnRecord]) -> [Int] {
        var counts = [Int](repeating: 0, count: turns.count)
        guard contains(where: { $0.person != nil }) else { return counts }
        // Each person's turns in time order; one person's turns never overlap.
        var byPerson: [PersonID: [Int]] = [:]
        for k in turns.indices { byPerson[turns[k].person, default: []].append(k) }
        for key in byPerson.keys { byPerson[key]?.sort { (turns[$0].startedAt, $0) < (turns[$1].startedAt, $1) } }
        for interruption in self {
            guard let person = interruption.person, let theirs = byPerson[person] else { continue }
            let first = theirs.partitionPoint { turns[$0].endedAt >= interruption.at }
            if first < theirs.count, turns[theirs[first]].startedAt <= interruption.at { counts[theirs[first]] += 1 }
        }
        return counts
    }

    /// How many were noted in `step` during nobody's turn in particular (pairs).
    public func unattributed(in step: StepIndex) -> Int {
        lazy.filter { $0.person == nil && $0.step == step }.count
    }
}
