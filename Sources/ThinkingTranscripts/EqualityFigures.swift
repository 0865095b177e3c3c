import ThinkingCore
import ThinkingLog

/// How equal the time was: each person's speaking time, turns, passes and share, and the
/// spread between the longest and the shortest total. Figures only: nothing is ranked or
/// scored (the practice never rates contributions).
public struct EqualityFigures: Codable, Equatable, Sendable {
    /// One row per person, in the order the room sat.
    public var people: [Person]
    /// Everyone's speaking time together.
    public var total: Duration
    /// Between the people who took part (members only when there is a Presenter); nil
    /// when nobody took part.
    public var spread: Spread?
    /// Whether the spread leaves the Presenter out (a council: their time is not a share
    /// of the members' rounds).
    public var spreadAmongMembers: Bool

    public struct Person: Codable, Equatable, Sendable {
        public var person: PersonID
        public var presenter: Bool
        /// The active time of the turns they did not pass.
        public var speaking: Duration
        /// Turns taken (passes not counted).
        public var turns: Int
        public var passes: Int
        /// Percent of everyone's speaking time (0 when nobody spoke).
        public var share: Double
        /// Interruptions noted during their turns.
        public var interruptions: Int

        /// Whether they had any turn, spoken or passed.
        public var tookPart: Bool { turns + passes > 0 }
    }

    public struct Spread: Codable, Equatable, Sendable {
        public var longest: Duration
        public var shortest: Duration
        /// `longest - shortest`.
        public var difference: Duration
        /// `longest / shortest`; nil when the shortest is zero.
        public var ratio: Double?
    }

    public init(people names: [String], presenter: PersonID?, turns: [Transcript.Turn]) {
        var rows = names.personIDs.map {
            Person(
                person: $0, presenter: $0 == presenter, speaking: .zero, turns: 0, passes: 0,
                share: 0, interruptions: 0)
        }
        for turn in turns where rows.holds(turn.person) {
            if turn.passed {
                rows[turn.person].passes += 1
            } else {
                rows[turn.person].turns += 1
                rows[turn.person].speaking += turn.active
            }
            rows[turn.person].interruptions += turn.interruptions
        }
        let total = rows.reduce(Duration.zero) { $0 + $1.speaking }
        if total > .zero {
            for k in rows.indices { rows[k].share = 100 * (rows[k].speaking / total) }
        }
        people = rows
        self.total = total
        spreadAmongMembers = presenter != nil
        let compared = rows.filter { $0.tookPart && !(spreadAmongMembers && $0.presenter) }.map(\.speaking)
        spread = compared.min().flatMap { shortest in
            compared.max().map { longest in
                Spread(
                    longest: longest, shortest: shortest, difference: longest - shortest,
                    ratio: shortest > .zero ? longest / shortest : nil)
            }
        }
    }
}
