/// Which way a round goes: clockwise follows the roster's order; anticlockwise goes
/// backwards from the starter.
public enum Direction: String, Codable, Sendable, CaseIterable {
    case clockwise, anticlockwise

    public var flipped: Direction { self == .clockwise ? .anticlockwise : .clockwise }
}

/// Everything a session is started with: the protocol as run, the people and the choices
/// the facilitator made. Recorded whole at the head of the session log.
public struct SessionPlan: Codable, Equatable, Sendable {
    public var definition: ProtocolDefinition
    /// Names in the order the room sits (clockwise).
    public var people: [String]
    public var presenter: PersonID?
    /// Who starts the first round; nil means the first person of the round's circle.
    public var starter: PersonID?
    public var direction: Direction
    /// When set, the circle is shuffled with this seed (recorded, so replay is exact).
    public var seed: UInt64?
    /// The session's question, shown in steps that have none of their own.
    public var question: String?
    /// Replaces the turn time of every round and pairs step.
    public var turnOverride: Duration?
    /// A time budget shared equally by the people present in each round and talk
    /// (`--total 30m`): recomputed when someone arrives or leaves.
    public var total: Duration?
    /// A hand-on this soon after a turn began is ignored (and recorded as ignored): a quick
    /// double Space or a key's auto-repeat cannot skip a person. Nil in logs written before
    /// the rule, so they replay as they were run.
    public var handOnGuard: Duration?

    /// The guard `thinkenv run` sets: half a second.
    public static let standardHandOnGuard: Duration = .milliseconds(500)

    public init(
        definition: ProtocolDefinition, people: [String], presenter: PersonID? = nil,
        starter: PersonID? = nil, direction: Direction = .clockwise, seed: UInt64? = nil,
        question: String? = nil, turnOverride: Duration? = nil
    ) {
        self.definition = definition
        self.people = people
        self.presenter = presenter
        self.starter = starter
        self.direction = direction
        self.seed = seed
        self.question = question
        self.turnOverride = turnOverride
    }

    /// Builds a plan from names as typed, checking everything a session needs.
    public static func make(
        definition: ProtocolDefinition, names: [String], presenter: String? = nil,
        starter: String? = nil, direction: Direction = .clockwise, seed: UInt64? = nil,
        question: String? = nil, turnOverride: Duration? = nil
    ) throws(PlanError) -> SessionPlan {
        let people = try Roster.validated(names)
        func find(_ name: String) throws(PlanError) -> PersonID {
            switch NameMatch.find(name, among: people) {
            case .one(let index): return PersonID(index)
            case .several(let indices): throw .ambiguousPerson(name.trimmed, indices.map { people[$0] })
            case .none: throw .unknownPerson(name.trimmed, people)
            }
        }
        var plan = SessionPlan(
            definition: definition, people: people, direction: direction, seed: seed,
            question: question.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 },
            turnOverride: turnOverride)
        if let presenter { plan.presenter = try find(presenter) }
        if let starter { plan.starter = try find(starter) }
        try plan.check()
        return plan
    }

    /// Checks that this plan can be run: the people each step needs are there.
    public func check() throws(PlanError) {
        if definition.steps.isEmpty { throw .noSteps }
        if definition.steps.contains(where: { $0.kind == .agenda }) { throw .agendaNeeded(definition.name) }
        if definition.needsPresenter {
            guard let presenter, people.holds(presenter) else {
                throw .presenterNeeded(definition.name)
            }
            if people.count < 3 { throw .tooFewPeople(needed: 3, for: definition.name) }
            if starter == presenter { throw .presenterCannotStart }
        }
        if definition.isForTwo, people.count != 2 {
            throw .exactlyTwo(definition.name)
        }
        if definition.steps.contains(where: { $0.kind == .pairs }), people.count < 2 {
            throw .tooFewPeople(needed: 2, for: definition.name)
        }
        if let starter, !people.holds(starter) { throw .unknownStarter(starter.number, of: people.count) }
        for (index, step) in definition.steps.enumerated() where step.kind == .pairs || step.kind == .talk {
            if turn(for: step) == nil { throw .pairsNeedTurnTime(step: StepIndex(index)) }
        }
    }

    /// The turn time in force for a step: an agenda item's own, else the override for
    /// rounds, pairs and talks, else the step's.
    public func turn(for step: StepDefinition) -> Duration? {
        if let own = step.item?.turn { return own }
        return switch step.kind {
        case .round, .pairs, .talk: turnOverride ?? step.turn
        case .presenter, .question, .dialogue, .discussion, .partnership, .agenda: step.turn
        }
    }

    /// The order people sit in for this session: the roster, or its seeded shuffle.
    public var circle: [PersonID] {
        let ids = people.personIDs
        guard let seed else { return ids }
        var generator = SplitMix64(seed: seed)
        return generator.shuffled(ids)
    }
}

/// Why a session cannot start from the given choices.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPeople
    case emptyName(position: Int)
    case duplicateName(String)
    case unknownPerson(String, [String])
    case presenterNeeded(String)
    case presenterCannotStart
    case tooFewPeople(needed: Int, for: String)
    case pairsNeedTurnTime(step: StepIndex)
    case noSteps
    /// A plan read from a file names a starter that is not one of its people (1-based).
    case unknownStarter(Int, of: Int)
    case exactlyTwo(String)
    case agendaNeeded(String)
    /// A name typed without its accents or case that fits several people equally.
    case ambiguousPerson(String, [String])

    /// In English, as the command line says it; the setup form says it in its language
    /// (`Words.plan`).
    public var description: String { Words.english.plan(self) }
}
