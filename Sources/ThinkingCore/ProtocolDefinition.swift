/// A protocol as run: one application of the practice, an ordered list of steps.
///
/// Loaded from a human-written YAML file (see `ThinkingProtocols.ProtocolLoader`); the whole
/// definition is copied into each session log so later edits never change history.
public struct ProtocolDefinition: Codable, Equatable, Sendable {
    /// Short identifier, the file's stem: `round`, `thinking-pairs`, `council`.
    public var id: String
    /// Display name: "Round".
    public var name: String
    /// One line saying what the protocol is for.
    public var summary: String
    /// The whole protocol's intended length, shown against the time used (a council: ~40m).
    public var budget: Duration?
    public var steps: [StepDefinition]

    public init(
        id: String, name: String, summary: String, budget: Duration? = nil,
        steps: [StepDefinition]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.budget = budget
        self.steps = steps
    }

    /// Whether a step of this protocol is for exactly two people (dialogue, partnership).
    public var isForTwo: Bool { steps.contains { $0.kind == .dialogue || $0.kind == .partnership } }

    /// Whether running this protocol needs a Presenter to be chosen.
    public var needsPresenter: Bool {
        steps.contains { $0.kind == .presenter || $0.who == .members || $0.to == .presenter }
    }
}

/// What kind of structure a step enforces.
public enum StepKind: String, Codable, Sendable, CaseIterable {
    /// Each person in order, once; passing allowed; optional equal turn limit.
    case round
    /// The room in pairs (a trio if odd), equal fixed time each way on one shared clock.
    case pairs
    /// The Presenter's own turn (council): opening thinking or freshest thinking.
    case presenter
    /// The Presenter frames their question, which is recorded (council). No turn.
    case question
    /// Two people, one question, short turns back and forth within a total time (`time`).
    case dialogue
    /// Anyone speaks, in any order; the facilitator marks who; nobody is cut off.
    case discussion
    /// Each person the same fixed time in front of the group; no passing.
    case talk
    /// A thinking partnership: two people, six parts the thinker moves through, untimed.
    case partnership
    /// Where a transforming meeting's agenda goes: replaced by the agenda's steps before
    /// the session starts (see `Agenda`). Never run.
    case agenda
}

/// Who takes part in a round.
public enum Audience: String, Codable, Sendable, CaseIterable {
    /// Everybody present.
    case everyone
    /// Everybody except the Presenter (council members).
    case members
}

/// How each new round differs from the previous one (the Difference component).
public enum Rotation: String, Codable, Sendable, CaseIterable {
    case none
    /// The next round starts with the person after the previous starter.
    case starter
    /// The next round goes the other way round.
    case direction
    /// Both of the above.
    case both

    public var rotatesStarter: Bool { self == .starter || self == .both }
    public var rotatesDirection: Bool { self == .direction || self == .both }
}

/// How many rounds a round step holds.
public enum RoundCount: Equatable, Sendable, Codable {
    /// A fixed number of rounds (1 by default).
    case fixed(Int)
    /// Keep going round while the step's time remains, until a round in which everybody passes.
    case untilAllPass
}

/// To whom a round's contributions are directed (appreciation of the Presenter).
public enum Recipient: String, Codable, Sendable, CaseIterable {
    case presenter
}

/// One step of a protocol, with its settings.
public struct StepDefinition: Codable, Equatable, Sendable {
    public var kind: StepKind
    /// What the screen calls the step: "Opening round", "Council round 2 of 3".
    public var title: String
    /// The step's own question, if it has one.
    public var question: String?
    /// Turn time: an optional equal limit in a round, the fixed time each way in pairs.
    public var turn: Duration?
    /// Whether a person may pass (rounds).
    public var pass: Bool
    public var rounds: RoundCount
    /// The step's own time budget (how long `untilAllPass` may keep going round).
    public var time: Duration?
    public var rotate: Rotation
    public var who: Audience
    public var to: Recipient?
    /// Whether typed notes may be recorded in this step.
    public var notes: Bool
    /// Whether the Presenter's record names who said each note (the appreciation), or gives
    /// the notes alone (the council's ideas). Nil: not named.
    public var attributed: Bool?
    /// The components this step leans on, shown in one quiet line.
    public var components: [Component]
    /// The agenda item this step belongs to (a transforming meeting), if any.
    public var item: AgendaItemRef?

    public init(
        kind: StepKind, title: String, question: String? = nil, turn: Duration? = nil,
        pass: Bool = true, rounds: RoundCount = .fixed(1), time: Duration? = nil,
        rotate: Rotation = .none, who: Audience = .everyone, to: Recipient? = nil,
        notes: Bool = false, components: [Component] = []
    ) {
        self.kind = kind
        self.title = title
        self.question = question
        self.turn = turn
        self.pass = pass
        self.rounds = rounds
        self.time = time
        self.rotate = rotate
        self.who = who
        self.to = to
        self.notes = notes
        self.components = components
        self.item = nil
    }
}

/// Which agenda item a step works on, and the item's own time budget.
public struct AgendaItemRef: Codable, Equatable, Sendable {
    /// 1-based.
    public var number: Int
    public var count: Int
    public var budget: Duration?
    /// The item's own turn time, which `--turn` does not replace.
    public var turn: Duration?

    public init(number: Int, count: Int, budget: Duration?, turn: Duration? = nil) {
        self.number = number
        self.count = count
        self.budget = budget
        self.turn = turn
    }
}
