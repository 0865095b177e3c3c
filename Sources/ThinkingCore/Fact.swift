/// Something the session did, as the screen shows it and the log records it: past tense.
///
/// Facts are outputs of the engine; replaying the recorded actions gives the same facts.
public struct Fact: Codable, Equatable, Sendable {
    /// When it happened, in session time (a deadline's own instant for time-driven facts).
    public var at: Duration
    public var what: What

    public init(at: Duration, _ what: What) {
        self.at = at
        self.what = what
    }

    public enum What: Codable, Equatable, Sendable {
        case stepStarted(step: StepIndex, kind: StepKind, title: String)
        case roundStarted(
            step: StepIndex, round: Int, starter: PersonID, direction: Direction, order: [PersonID])
        case pairsFormed(step: StepIndex, groups: [[PersonID]])
        case turnStarted(
            step: StepIndex, round: Int, turn: Int, person: PersonID, role: Role, allotted: Duration?)
        case timeReached(person: PersonID)
        case turnEnded(record: TurnRecord)
        case earlySwap(step: StepIndex, half: Int)
        case questionFramed(text: String)
        case noteAdded(note: Note)
        case interruptionNoted(person: PersonID?)
        case paused
        case resumed
        case downtime(from: Duration)
        case undone(person: PersonID, startedAt: Duration)
        case stepCompleted(step: StepIndex)
        case personJoined(person: PersonID, name: String)
        case personLeft(person: PersonID)
        case incisiveQuestionKept(person: PersonID, text: String)
        /// A step's own time (a dialogue's total, a discussion's budget) has been used.
        case stepTimeReached(step: StepIndex)
        /// A thinking partnership moved on to its next part (0-based).
        case partStarted(step: StepIndex, part: Int)
        /// A hand-on came within `SessionPlan.handOnGuard` of the turn's start: nothing changed.
        case handOnIgnored(person: PersonID)
        case protocolCompleted
        case sessionFinished
    }
}
