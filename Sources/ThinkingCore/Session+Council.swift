/// The council's own steps: the Presenter's turns and the Presenter's question.
extension Session {
    mutating func startPresenterTurn(step: StepIndex, at now: Duration) -> [Fact] {
        let definition = plan.definition.steps[step]
        // `SessionPlan.check` guarantees a Presenter when the protocol has presenter steps.
        let presenter = plan.presenter ?? 0
        let turn = LiveTurn(
            person: presenter, role: .presenter, startedAt: now, allotted: turnTime(for: definition))
        stage = .presenter(step: step, turn: turn)
        return [
            Fact(
                at: now,
                .turnStarted(
                    step: step, round: 1, turn: 1, person: presenter, role: .presenter, allotted: turn.allotted))
        ]
    }

    mutating func endPresenterTurn(step: StepIndex, turn: LiveTurn, at now: Duration) -> [Fact] {
        pushUndoPoint()
        let ended = record(turn, step: step, round: 1, number: 1, endedAt: now, passed: false, endedBy: .thinker)
        turns.append(ended)
        return [Fact(at: now, .turnEnded(record: ended))] + completeStep(step, at: now)
    }

    mutating func frameQuestion(_ text: String, at now: Duration) throws(Rejection) -> [Fact] {
        guard case .question(let step) = stage else { throw .noQuestionAsked }
        let question = text.trimmed
        if question.isEmpty { throw .emptyText }
        framedQuestion = question
        undoStack.removeAll()
        return [Fact(at: now, .questionFramed(text: question))] + completeStep(step, at: now)
    }

    /// The question in force for a step: its own; for a step after the Presenter framed
    /// theirs, that one; else the session's. The step that asks for the Presenter's question
    /// has only its own (the question it asks is not yet in force). The one rule, for the room
    /// and for every transcript.
    public func question(forStep index: StepIndex) -> QuestionInForce? {
        let steps = plan.definition.steps
        if let own = steps[index].question { return QuestionInForce(text: own, source: .step) }
        if steps[index].kind == .question { return nil }
        if let framed = framedQuestion, let asked = steps.firstIndex(where: { $0.kind == .question }),
            asked < index.index
        {
            return QuestionInForce(text: framed, source: .presenter)
        }
        return plan.question.map { QuestionInForce(text: $0, source: .session) }
    }
}

/// A question in force during a step, with where it comes from.
public struct QuestionInForce: Codable, Equatable, Sendable {
    public enum Source: String, Codable, Sendable {
        /// The step's own question.
        case step
        /// The question the Presenter framed.
        case presenter
        /// The question chosen for the whole session.
        case session
    }

    public var text: String
    public var source: Source

    public init(text: String, source: Source) {
        self.text = text
        self.source = source
    }
}
