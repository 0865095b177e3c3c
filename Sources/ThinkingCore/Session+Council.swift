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

    /// The question in force for a step: its own, else the Presenter's, else the session's.
    public func question(forStep index: StepIndex) -> String? {
        let step = plan.definition.steps[index]
        if step.kind == .question { return step.question }
        return step.question ?? framedQuestion ?? plan.question
    }
}
