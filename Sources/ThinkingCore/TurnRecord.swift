/// The part a person plays in a turn.
public enum Role: String, Codable, Sendable {
    /// A member of a round (or of a council).
    case member
    /// The thinker in a pair (their partner gives attention).
    case thinker
    /// The council's Presenter.
    case presenter
}

/// Who or what ended a turn.
public enum EndedBy: String, Codable, Sendable {
    /// The thinker finished (hand-on) or passed.
    case thinker
    /// The shared clock reached its time (pairs).
    case time
    /// A facilitator override (an early swap, ending the session).
    case facilitator
    /// Not ended: the program stopped while it went on (an unfinished session's transcript
    /// counts it up to the last moment the screen was up).
    case stopped
}

/// A turn that is under way.
public struct LiveTurn: Codable, Equatable, Sendable {
    public var person: PersonID
    public var role: Role
    public var startedAt: Duration
    public var allotted: Duration?
    /// Whether the turn was offered again after a pass.
    public var secondOffer: Bool
    /// Whether the `timeReached` fact was already given for this turn.
    public var timeReachedNoted: Bool

    public init(
        person: PersonID, role: Role, startedAt: Duration, allotted: Duration?,
        secondOffer: Bool = false
    ) {
        self.person = person
        self.role = role
        self.startedAt = startedAt
        self.allotted = allotted
        self.secondOffer = secondOffer
        self.timeReachedNoted = false
    }
}

/// A finished turn, as the transcript and exports show it.
public struct TurnRecord: Codable, Equatable, Sendable {
    /// 0-based index of the step in the protocol.
    public var step: StepIndex
    public var kind: StepKind
    /// 1-based round within the step.
    public var round: Int
    /// 1-based turn within the round (in pairs: the half).
    public var turn: Int
    public var person: PersonID
    public var role: Role
    public var startedAt: Duration
    public var endedAt: Duration
    /// The turn's length, excluding pauses and time the program was not running.
    public var active: Duration
    public var allotted: Duration?
    public var passed: Bool
    public var endedBy: EndedBy
    /// Offered again at the end of the round after passing.
    public var secondOffer: Bool
    /// Pairs: the index of the pair (or trio) in the step.
    public var group: Int?

    /// How far past its allotted time the turn went.
    public var overrun: Duration {
        guard let allotted, active > allotted else { return .zero }
        return active - allotted
    }
}

/// A typed note, kept only where the step allows notes.
public struct Note: Codable, Equatable, Sendable {
    public var at: Duration
    public var step: StepIndex
    /// Who was thinking when it was written, if anyone.
    public var person: PersonID?
    public var text: String
}

/// An interval during which the clocks stood still.
public struct Pause: Codable, Equatable, Sendable {
    public enum Reason: String, Codable, Sendable {
        /// The facilitator paused.
        case facilitator
        /// The program was not running (crash, kill, lost power) until it was resumed.
        case programStopped
    }
    public var from: Duration
    /// Nil while the pause goes on.
    public var to: Duration?
    public var reason: Reason
}
