/// What the facilitator (or time) asks of the session: the engine's inputs.
///
/// Imperative names: these are intents, which the engine may refuse (see `Rejection`).
/// Every accepted action is recorded in the log with its time, so replaying the log's
/// actions through a new `Session` gives back the same state.
public enum Action: Codable, Equatable, Sendable {
    /// Time passes: only deadlines are processed (a pairs swap, a turn reaching its time).
    case tick
    /// Begin the step that is ready (its first turn starts).
    case begin
    /// The thinker has finished: "I've finished" ends their turn.
    case handOn
    /// The person whose turn it is passes (rounds only).
    case pass
    /// Undo the last hand-on or pass: the previous person thinks again, same start time.
    case undo
    /// Facilitator emergency: stop every clock.
    case pause
    /// Clocks go on after a pause.
    case resume
    /// Pairs: the facilitator confirmed that the room swaps before time.
    case swapEarly
    /// Council: the Presenter's question, in their own words.
    case frameQuestion(text: String)
    /// A typed note, recorded only where the step allows notes.
    case addNote(text: String)
    /// The facilitator notes an interruption (time only, no content).
    case noteInterruption
    /// The program was not running from `since` until now (crash, kill, power loss).
    case recover(since: Duration)
    /// End the session for good.
    case finish
    /// Open discussion: this person speaks now (the one speaking finishes as they begin).
    case speak(person: PersonID)
    /// Open discussion: turn it into a round, from the person after the last speaker.
    case roundFromHere
    /// End an open-ended step (a discussion, a dialogue) and move on.
    case endStep
    /// Someone arrives late: they join the order at the end of the current round.
    case join(name: String)
    /// Someone leaves: skipped from then on; their past turns are kept.
    case leave(person: PersonID)
    /// A thinking partnership: the thinker's incisive question, in their own words, kept only
    /// because they chose to keep it. It is theirs.
    case keepIncisiveQuestion(text: String)
}

/// Why the engine refused an action. The state is left as a `.tick` would leave it.
public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
    case nothingToBegin
    case noTurnInProgress
    case passNotAllowed
    case pairsTimeBelongsToThinker
    case notPairs
    case nothingToUndo
    case paused
    case notPaused
    case noQuestionAsked
    case emptyText
    case notesNotRecordedHere
    case finished
    case badRecovery
    case notADiscussion
    case alreadySpeaking
    case unknownPerson
    case notOpenEnded
    /// Every step is done: there is no step left to end.
    case everyStepDone
    case alreadyHere
    case presenterCannotLeave
    case lastPersonCannotLeave
    case notTheIncisiveQuestion
    case nobodyHere

    /// In English, as the command line says it; the screens say it in their language
    /// (`Words.refusal`).
    public var description: String { Words.english.refusal(self) }
}
