/// What the facilitator can ask for that opens a field or a dialog first: the screen asks
/// the engine before it opens one, and the engine checks the same rule when the action comes.
public enum Request: Sendable {
    /// A note (`n`): only in steps that record notes.
    case note
    /// Keeping the thinker's incisive question: in a thinking partnership, from its fourth part.
    case incisiveQuestion
    /// Ending a discussion or a dialogue now.
    case endStep
    /// Swapping every pair early.
    case swapEarly
    /// Going round the circle from the last speaker of a discussion.
    case roundFromHere
}

extension Session {
    /// Why `request` would be refused now, or nil when the engine would take it. (Being
    /// paused is checked when the action comes: the dialog may be answered after resuming.)
    public func refusal(of request: Request) -> Rejection? {
        switch (request, stage) {
        case (.note, _): currentStep?.notes == true ? nil : .notesNotRecordedHere
        case (.incisiveQuestion, .partnership(let progress)):
            progress.part >= .incisiveQuestion ? nil : .notTheIncisiveQuestion
        case (.incisiveQuestion, _): .notTheIncisiveQuestion
        case (.endStep, .discussion), (.endStep, .dialogue): nil
        case (.endStep, .complete), (.endStep, .finished): .everyStepDone
        case (.endStep, _): .notOpenEnded
        case (.swapEarly, .pairs): nil
        case (.swapEarly, _): .notPairs
        case (.roundFromHere, .discussion): nil
        case (.roundFromHere, _): .notADiscussion
        }
    }

    public func allows(_ request: Request) -> Bool { refusal(of: request) == nil }
}
