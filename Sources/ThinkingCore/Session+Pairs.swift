/// Thinking pairs: one shared clock; the time belongs to the thinker; the room swaps at time.
extension Session {
    /// Pairs in the circle's order; with an odd number, the last three form a trio.
    static func groups(of people: [PersonID]) -> [[PersonID]] {
        var groups: [[PersonID]] = []
        var index = 0
        while index < people.count {
            let remaining = people.count - index
            let size = remaining == 3 ? 3 : 2
            groups.append(Array(people[index..<min(index + size, people.count)]))
            index += size
        }
        return groups
    }

    mutating func startPairs(step: StepIndex, at now: Duration) -> [Fact] {
        let definition = plan.definition.steps[step]
        // `SessionPlan.check` guarantees a turn time for every pairs step.
        let allotted = turnTime(for: definition) ?? .seconds(300)
        let progress = PairsProgress(
            step: step, groups: Self.groups(of: circle), half: 0, halfStartedAt: now,
            allotted: allotted)
        stage = .pairs(progress)
        return [Fact(at: now, .pairsFormed(step: step, groups: progress.groups))] + halfStartedFacts(progress)
    }

    private func halfStartedFacts(_ progress: PairsProgress) -> [Fact] {
        progress.thinkers.map {
            Fact(
                at: progress.halfStartedAt,
                .turnStarted(
                    step: progress.step, round: 1, turn: progress.half + 1, person: $0,
                    role: .thinker, allotted: progress.allotted))
        }
    }

    /// Swaps at every deadline up to `now`.
    mutating func advancePairs(to now: Duration) -> [Fact] {
        var facts: [Fact] = []
        while case .pairs(let progress) = stage,
            let deadline = instant(from: progress.halfStartedAt, afterActive: progress.allotted),
            deadline <= now
        {
            facts += endHalf(progress, at: deadline, endedBy: .time)
        }
        return facts
    }

    /// Ends the current half for the whole room: the next half starts, or the step is done.
    private mutating func endHalf(_ progress: PairsProgress, at now: Duration, endedBy: EndedBy)
        -> [Fact]
    {
        var facts = recordHalf(progress, endedAt: now, endedBy: endedBy)
        guard progress.half + 1 < progress.halves else {
            return facts + completeStep(progress.step, at: now)
        }
        var next = progress
        next.half += 1
        next.halfStartedAt = now
        stage = .pairs(next)
        return facts + halfStartedFacts(next)
    }

    /// Records the turn of every group's thinker in the current half.
    mutating func recordHalf(_ progress: PairsProgress, endedAt now: Duration, endedBy: EndedBy)
        -> [Fact]
    {
        progress.groups.indices.compactMap { group in
            guard let person = progress.thinker(ofGroup: group) else { return nil }
            let turn = LiveTurn(
                person: person, role: .thinker, startedAt: progress.halfStartedAt,
                allotted: progress.allotted)
            let ended = record(
                turn, step: progress.step, round: 1, number: progress.half + 1, endedAt: now,
                passed: false, endedBy: endedBy, group: group)
            turns.append(ended)
            return Fact(at: now, .turnEnded(record: ended))
        }
    }

    mutating func swapEarly(at now: Duration) throws(Rejection) -> [Fact] {
        if let refusal = refusal(of: .swapEarly) { throw refusal }
        guard case .pairs(let progress) = stage else { throw .notPairs }
        if isPaused { throw .paused }
        return [Fact(at: now, .earlySwap(step: progress.step, half: progress.half))]
            + endHalf(progress, at: now, endedBy: .facilitator)
    }
}
