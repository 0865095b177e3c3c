/// The steps without a fixed order: a dialogue, an open discussion, a thinking partnership.
extension Session {
    // MARK: - Starting

    mutating func startDialogue(step: StepIndex, at now: Duration) -> [Fact] {
        let circle = circle
        let first = plan.starter.flatMap { circle.contains($0) ? $0 : nil } ?? circle[0]
        let people = [first] + circle.filter { $0 != first }.prefix(1)
        let turn = LiveTurn(person: first, role: .thinker, startedAt: now, allotted: nil)
        stage = .dialogue(
            DialogueProgress(step: step, people: people, turn: turn, turnNumber: 1, stepStartedAt: now, timeUp: false))
        return [turnStarted(step: step, number: 1, turn)]
    }

    mutating func startDiscussion(step: StepIndex, at now: Duration) -> [Fact] {
        stage = .discussion(
            DiscussionProgress(
                step: step, speaker: nil, turnNumber: 0, lastSpeaker: nil, stepStartedAt: now, timeUp: false))
        return []
    }

    mutating func startPartnership(step: StepIndex, at now: Duration) -> [Fact] {
        let circle = circle
        let thinker = plan.starter.flatMap { circle.contains($0) ? $0 : nil } ?? circle[0]
        let partner = circle.first { $0 != thinker } ?? thinker
        let turn = LiveTurn(person: thinker, role: .thinker, startedAt: now, allotted: nil)
        stage = .partnership(PartnershipProgress(step: step, partner: partner, turn: turn, part: .explore))
        return [Fact(at: now, .partStarted(step: step, part: 0)), turnStarted(step: step, number: 1, turn)]
    }

    private func turnStarted(step: StepIndex, number: Int, _ turn: LiveTurn) -> Fact {
        Fact(
            at: turn.startedAt,
            .turnStarted(
                step: step, round: 1, turn: number, person: turn.person, role: turn.role, allotted: turn.allotted))
    }

    // MARK: - Hand-on

    /// The person speaking has finished: in a dialogue the other speaks; in a discussion a
    /// silence follows; in a partnership the thinker moves to the next part.
    mutating func handOnOpen(at now: Duration) throws(Rejection) -> [Fact] {
        switch stage {
        case .dialogue(var progress):
            pushUndoPoint()
            var facts = endOpenTurn(at: now, endedBy: .thinker)
            if progress.timeUp { return facts + completeStep(progress.step, at: now) }
            let next = progress.people.first { $0 != progress.turn.person } ?? progress.turn.person
            progress.turn = LiveTurn(person: next, role: .thinker, startedAt: now, allotted: nil)
            progress.turnNumber += 1
            stage = .dialogue(progress)
            facts.append(turnStarted(step: progress.step, number: progress.turnNumber, progress.turn))
            return facts
        case .discussion(var progress):
            guard progress.speaker != nil else { throw .noTurnInProgress }
            pushUndoPoint()
            let facts = endOpenTurn(at: now, endedBy: .thinker)
            progress.lastSpeaker = progress.speaker?.person
            progress.speaker = nil
            stage = .discussion(progress)
            return facts
        case .partnership(var progress):
            pushUndoPoint()
            var facts = endOpenTurn(at: now, endedBy: .thinker)
            guard let next = progress.part.next else {
                return facts + completeStep(progress.step, at: now)
            }
            progress.part = next
            progress.turn = LiveTurn(person: progress.turn.person, role: .thinker, startedAt: now, allotted: nil)
            stage = .partnership(progress)
            facts.append(Fact(at: now, .partStarted(step: progress.step, part: next.rawValue)))
            facts.append(turnStarted(step: progress.step, number: next.number, progress.turn))
            return facts
        default:
            throw .noTurnInProgress
        }
    }

    /// Records the turn under way in a dialogue, discussion or partnership.
    mutating func endOpenTurn(at now: Duration, endedBy: EndedBy) -> [Fact] {
        let live: (LiveTurn, StepIndex, Int)?
        switch stage {
        case .dialogue(let progress): live = (progress.turn, progress.step, progress.turnNumber)
        case .discussion(let progress): live = progress.speaker.map { ($0, progress.step, progress.turnNumber) }
        case .partnership(let progress): live = (progress.turn, progress.step, progress.part.number)
        default: live = nil
        }
        guard let (turn, step, number) = live else { return [] }
        let ended = record(turn, step: step, round: 1, number: number, endedAt: now, passed: false, endedBy: endedBy)
        turns.append(ended)
        return [Fact(at: now, .turnEnded(record: ended))]
    }

    // MARK: - Open discussion

    /// This person speaks now; whoever was speaking finishes as they begin.
    mutating func speak(_ person: PersonID, at now: Duration) throws(Rejection) -> [Fact] {
        guard case .discussion(var progress) = stage else { throw .notADiscussion }
        guard people.holds(person), !gone.contains(person) else { throw .unknownPerson }
        if isPaused { throw .paused }
        if progress.speaker?.person == person { throw .alreadySpeaking }
        pushUndoPoint()
        let facts = endOpenTurn(at: now, endedBy: .thinker)
        if let previous = progress.speaker { progress.lastSpeaker = previous.person }
        progress.turnNumber += 1
        let turn = LiveTurn(
            person: person, role: .member, startedAt: now,
            allotted: turnTime(for: plan.definition.steps[progress.step]))
        progress.speaker = turn
        stage = .discussion(progress)
        return facts + [turnStarted(step: progress.step, number: progress.turnNumber, turn)]
    }

    /// Turns the discussion into a round of everyone, from the person after the last speaker.
    mutating func roundFromHere(at now: Duration) throws(Rejection) -> [Fact] {
        if let refusal = refusal(of: .roundFromHere) { throw refusal }
        guard case .discussion(let progress) = stage else { throw .notADiscussion }
        if isPaused { throw .paused }
        let facts = endOpenTurn(at: now, endedBy: .thinker)
        let circle = circle
        let last = progress.speaker?.person ?? progress.lastSpeaker
        let starter = last.flatMap { circle.firstIndex(of: $0) }.map { circle[($0 + 1) % circle.count] } ?? circle[0]
        undoStack.removeAll()
        return facts
            + startRound(
                step: progress.step, round: 1, stepStartedAt: progress.stepStartedAt, at: now, starter: starter)
    }

    /// The thinker's incisive question, kept because they chose to keep it (from part four).
    mutating func keepIncisiveQuestion(_ text: String, at now: Duration) throws(Rejection) -> [Fact] {
        if let refusal = refusal(of: .incisiveQuestion) { throw refusal }
        guard case .partnership(let progress) = stage else { throw .notTheIncisiveQuestion }
        let question = text.trimmed
        if question.isEmpty { throw .emptyText }
        incisiveQuestion = question
        return [Fact(at: now, .incisiveQuestionKept(person: progress.turn.person, text: question))]
    }

    /// Ends a discussion or a dialogue now (the facilitator moves on).
    mutating func endStep(at now: Duration) throws(Rejection) -> [Fact] {
        if let refusal = refusal(of: .endStep) { throw refusal }
        guard let step = stage.step else { throw .notOpenEnded }
        if isPaused { throw .paused }
        undoStack.removeAll()
        return endOpenTurn(at: now, endedBy: .facilitator) + completeStep(step, at: now)
    }
}
