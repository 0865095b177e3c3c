/// Where a session stands: which step, and what is happening in it.
public enum Stage: Codable, Equatable, Sendable {
    /// The step is announced (title, question, order) and waits for the facilitator to begin.
    case ready(step: StepIndex)
    case round(RoundProgress)
    case pairs(PairsProgress)
    /// The Presenter's own turn.
    case presenter(step: StepIndex, turn: LiveTurn)
    /// The Presenter is framing their question.
    case question(step: StepIndex)
    /// Two people back and forth within a total time.
    case dialogue(DialogueProgress)
    /// Anyone speaks; the facilitator marks who.
    case discussion(DiscussionProgress)
    /// A thinking partnership, part by part.
    case partnership(PartnershipProgress)
    /// Every step is done: the summary shows until the session is finished.
    case complete
    /// The session has ended for good.
    case finished

    /// The index of the current step, if a step is in view.
    public var step: StepIndex? {
        switch self {
        case .ready(let step), .presenter(let step, _), .question(let step): step
        case .round(let progress): progress.step
        case .pairs(let progress): progress.step
        case .dialogue(let progress): progress.step
        case .discussion(let progress): progress.step
        case .partnership(let progress): progress.step
        case .complete, .finished: nil
        }
    }

    /// Whether a dialogue is under way.
    public var isDialogue: Bool {
        if case .dialogue = self { return true }
        return false
    }

    /// The single turn under way, if any (pairs have one per group: see `PairsProgress`).
    public var liveTurn: LiveTurn? {
        switch self {
        case .round(let progress): progress.turn
        case .presenter(_, let turn): turn
        case .dialogue(let progress): progress.turn
        case .discussion(let progress): progress.speaker
        case .partnership(let progress): progress.turn
        default: nil
        }
    }
}

/// A round in progress: who has spoken, who passed, who is thinking, who is next.
public struct RoundProgress: Codable, Equatable, Sendable {
    public var step: StepIndex
    /// 1-based round within the step.
    public var round: Int
    public var starter: PersonID
    public var direction: Direction
    /// This round's order, from the starter in the direction.
    public var order: [PersonID]
    /// The person thinking now.
    public var turn: LiveTurn
    /// 1-based number of the current turn within the round.
    public var turnNumber: Int
    /// Who is still to be offered a turn after the current one, in order.
    public var waiting: [PersonID]
    /// Who passed on their first offer and will be offered again at the end of the round.
    public var passedOnce: [PersonID]
    /// Whether the round is now offering turns again to those who passed.
    public var offeringAgain: Bool
    /// Those being offered their turn again (a late arrival in that phase gets a first offer).
    public var offeredAgain: [PersonID] = []
    /// Whether anybody spoke (did not pass) in this round.
    public var anyoneSpoke: Bool
    /// When the step began (for a step budget that keeps going round).
    public var stepStartedAt: Duration
    /// The kind its turns are recorded as: `round`, or `talk` (an open discussion turned
    /// into a round records round turns).
    public var recordedKind: StepKind
}

/// Thinking pairs in progress: the groups, and which half the shared clock is in.
public struct PairsProgress: Codable, Equatable, Sendable {
    public var step: StepIndex
    /// Pairs in order; a trio last when the number of people is odd.
    public var groups: [[PersonID]]
    /// 0-based half: in half `h` the thinker of a group is `group[h]`.
    public var half: Int
    public var halfStartedAt: Duration
    public var allotted: Duration

    /// Two halves, or three when there is a trio.
    public var halves: Int { groups.map(\.count).max() ?? 2 }

    /// The thinker of a group in the current half, or nil when the group rests (a pair
    /// during a trio's third turn).
    public func thinker(ofGroup index: Int) -> PersonID? {
        let group = groups[index]
        return half < group.count ? group[half] : nil
    }

    /// The people thinking in this half, one per group still at work.
    public var thinkers: [PersonID] { groups.indices.compactMap(thinker(ofGroup:)) }
}

/// A dialogue in progress: two people, turns back and forth, one total clock.
public struct DialogueProgress: Codable, Equatable, Sendable {
    public var step: StepIndex
    /// The two people, the first to speak first.
    public var people: [PersonID]
    public var turn: LiveTurn
    public var turnNumber: Int
    public var stepStartedAt: Duration
    /// Whether the step's total time has been reached (the next hand-on ends the step).
    public var timeUp: Bool
}

/// An open discussion in progress: whoever the facilitator marked is speaking.
public struct DiscussionProgress: Codable, Equatable, Sendable {
    public var step: StepIndex
    /// Who is speaking now; nil during a silence.
    public var speaker: LiveTurn?
    public var turnNumber: Int
    /// The last person who spoke (where a round from here starts after).
    public var lastSpeaker: PersonID?
    public var stepStartedAt: Duration
    public var timeUp: Bool
}

/// The six parts of a thinking partnership, in the thinker's order (the screen names them).
public enum PartnershipPart: Int, CaseIterable, Codable, Comparable, Sendable {
    case explore, furtherGoal, assumptions, incisiveQuestion, recordingTheQuestion, appreciation

    /// 1-based, as the room counts them.
    public var number: Int { rawValue + 1 }
    /// The part after this one, nil after the last.
    public var next: PartnershipPart? { PartnershipPart(rawValue: rawValue + 1) }

    public static func < (a: PartnershipPart, b: PartnershipPart) -> Bool { a.rawValue < b.rawValue }
}

/// A thinking partnership in progress: which of the six parts the thinker is in.
public struct PartnershipProgress: Codable, Equatable, Sendable {
    public var step: StepIndex
    public var partner: PersonID
    /// The thinker's current part, a turn of its own (untimed).
    public var turn: LiveTurn
    public var part: PartnershipPart
}
