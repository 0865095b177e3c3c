/// Per-person totals of speaking time, turns and passes: the Equality component in figures.
public struct Tally: Equatable, Sendable {
    public var person: PersonID
    /// Speaking time: the sum of the person's turns that were not passes.
    public var total: Duration
    /// Turns taken (not passed).
    public var turns: Int
    public var passes: Int
    /// Time over the allotted time, summed.
    public var overrun: Duration

    /// Tallies for everyone in the roster, in roster order, from finished turns.
    public static func of(_ session: Session) -> [Tally] {
        var tallies = session.people.personIDs.map {
            Tally(person: $0, total: .zero, turns: 0, passes: 0, overrun: .zero)
        }
        for turn in session.turns where tallies.holds(turn.person) {
            if turn.passed {
                tallies[turn.person].passes += 1
            } else {
                tallies[turn.person].turns += 1
                tallies[turn.person].total += turn.active
                tallies[turn.person].overrun += turn.overrun
            }
        }
        return tallies
    }
}
