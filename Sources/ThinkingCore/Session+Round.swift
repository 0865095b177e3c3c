/// Rounds: everyone in order, once; a pass is offered again at the end of the round.
extension Session {
    /// The people of a round step, in the session's circle.
    func audience(for step: StepDefinition) -> [PersonID] {
        let circle = circle
        switch step.who {
        case .everyone: return circle
        case .members: return circle.filter { $0 != plan.presenter }
        }
    }

    /// The order of a round: from the starter, clockwise (the circle's order) or back.
    static func order(_ audience: [PersonID], from starter: PersonID, _ direction: Direction)
        -> [PersonID]
    {
        guard let index = audience.firstIndex(of: starter) else { return audience }
        switch direction {
        case .clockwise:
            return Array(audience[index...] + audience[..<index])
        case .anticlockwise:
            return [starter] + audience[..<index].reversed() + audience[(index + 1)...].reversed()
        }
    }

    /// The starter and direction of a new round: the session's choice for the first round,
    /// then the previous round's, rotated as the step asks.
    func starterAndDirection(for step: StepDefinition, audience: [PersonID]) -> (PersonID, Direction) {
        guard let last = lastRound else {
            let chosen = plan.starter.flatMap { audience.contains($0) ? $0 : nil }
            return (chosen ?? audience[0], plan.direction)
        }
        let direction = step.rotate.rotatesDirection ? last.direction.flipped : last.direction
        let start = last.order.firstIndex(of: last.starter) ?? 0
        let offset = step.rotate.rotatesStarter ? 1 : 0
        for k in 0..<last.order.count {
            let candidate = last.order[(start + offset + k) % last.order.count]
            if audience.contains(candidate) { return (candidate, direction) }
        }
        return (audience[0], direction)
    }

    /// Starts a round; `starter`, when given, starts it in the session's direction (a
    /// discussion turned into a round starts after its last speaker).
    mutating func startRound(
        step: StepIndex, round: Int, stepStartedAt: Duration, at now: Duration, starter chosen: PersonID? = nil
    ) -> [Fact] {
        let definition = plan.definition.steps[step]
        let people = audience(for: definition)
        let (starter, direction) =
            chosen.map { ($0, plan.direction) } ?? starterAndDirection(for: definition, audience: people)
        let order = Self.order(people, from: starter, direction)
        let turn = LiveTurn(
            person: order[0], role: .member, startedAt: now, allotted: turnTime(for: definition))
        let progress = RoundProgress(
            step: step, round: round, starter: starter, direction: direction, order: order,
            turn: turn, turnNumber: 1, waiting: Array(order.dropFirst()), passedOnce: [],
            offeringAgain: false, anyoneSpoke: false, stepStartedAt: stepStartedAt,
            recordedKind: definition.kind == .talk ? .talk : .round)
        stage = .round(progress)
        lastRound = progress
        return [
            Fact(
                at: now, .roundStarted(step: step, round: round, starter: starter, direction: direction, order: order)),
            turnStartedFact(progress),
        ]
    }

    func turnStartedFact(_ progress: RoundProgress) -> Fact {
        Fact(
            at: progress.turn.startedAt,
            .turnStarted(
                step: progress.step, round: progress.round, turn: progress.turnNumber,
                person: progress.turn.person, role: progress.turn.role, allotted: progress.turn.allotted))
    }

    /// Ends the current round turn (hand-on or pass) and offers the next one.
    mutating func endRoundTurn(passed: Bool, at now: Duration, endedBy: EndedBy = .thinker) throws(Rejection)
        -> [Fact]
    {
        guard case .round(var progress) = stage else { throw passed ? .passNotAllowed : .noTurnInProgress }
        let definition = plan.definition.steps[progress.step]
        if passed && !(definition.pass && progress.recordedKind != .talk) { throw .passNotAllowed }
        if isPaused { throw .paused }
        pushUndoPoint()
        let ended = record(
            progress.turn, step: progress.step, round: progress.round, number: progress.turnNumber,
            endedAt: now, passed: passed, endedBy: endedBy, kind: progress.recordedKind)
        turns.append(ended)
        var facts = [Fact(at: now, .turnEnded(record: ended))]
        if passed && !progress.turn.secondOffer { progress.passedOnce.append(progress.turn.person) }
        if !passed { progress.anyoneSpoke = true }
        // Passes on a first offer are offered again at the end, once (a second-offer pass is
        // final and never queued, so this cannot go round forever).
        if progress.waiting.isEmpty, !progress.passedOnce.isEmpty {
            progress.offeringAgain = true
            progress.waiting = progress.passedOnce
            progress.offeredAgain += progress.passedOnce
            progress.passedOnce = []
        }
        guard !progress.waiting.isEmpty else {
            stage = .round(progress)
            return facts + finishRound(progress, at: now)
        }
        let next = progress.waiting.removeFirst()
        progress.turn = LiveTurn(
            person: next, role: .member, startedAt: now, allotted: turnTime(for: definition),
            secondOffer: progress.offeredAgain.contains(next))
        progress.turnNumber += 1
        stage = .round(progress)
        lastRound = progress
        facts.append(turnStartedFact(progress))
        return facts
    }

    /// After a round's last turn: another round if the step asks for one, else the next step.
    private mutating func finishRound(_ progress: RoundProgress, at now: Duration) -> [Fact] {
        let definition = plan.definition.steps[progress.step]
        let another: Bool
        switch definition.rounds {
        case .fixed(let count):
            another = progress.round < count
        case .untilAllPass:
            let withinTime =
                definition.time.map {
                    activeTime(from: progress.stepStartedAt, to: now) < $0
                } ?? true
            another = progress.anyoneSpoke && withinTime
        }
        // Nobody left to go round (every member has left): the step ends here.
        if another, !audience(for: definition).isEmpty {
            return startRound(
                step: progress.step, round: progress.round + 1,
                stepStartedAt: progress.stepStartedAt, at: now)
        }
        return completeStep(progress.step, at: now)
    }
}
