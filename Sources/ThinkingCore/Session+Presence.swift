/// People arriving late and leaving early, and a time budget shared by those present.
extension Session {
    /// The turn time in force for a step: with `--total`, the budget shared equally by the
    /// people present (whole seconds); else the plan's.
    public func turnTime(for step: StepDefinition) -> Duration? {
        guard let total = plan.total, step.kind == .round || step.kind == .talk, step.item?.turn == nil else {
            return plan.turn(for: step)
        }
        let present = max(1, step.who == .members ? circle.filter { $0 != plan.presenter }.count : circle.count)
        return .seconds(max(1, total.milliseconds / 1000 / Int64(present)))
    }

    /// Someone arrives: they join the order at the end of the current round. A name that left
    /// earlier comes back as the same person.
    mutating func join(_ typed: String, at now: Duration) throws(Rejection) -> [Fact] {
        let name = typed.trimmed
        if name.isEmpty { throw .emptyText }
        let person: PersonID
        if let returning = people.firstPerson(where: { $0.lowercased() == name.lowercased() }) {
            guard gone.contains(returning) else { throw .alreadyHere }
            gone.remove(returning)
            person = returning
        } else {
            joined.append(name)
            person = PersonID(people.count - 1)
        }
        if case .round(var progress) = stage, audience(for: plan.definition.steps[progress.step]).contains(person) {
            progress.order.append(person)
            progress.waiting.append(person)
            stage = .round(progress)
        }
        presence.append(PresenceChange(at: now, person: person, arrived: true))
        return [Fact(at: now, .personJoined(person: person, name: people[person]))]
    }

    /// Someone leaves: they are skipped from then on; if they were thinking, their turn ends.
    mutating func leave(_ person: PersonID, at now: Duration) throws(Rejection) -> [Fact] {
        guard circle.contains(person) else { throw .unknownPerson }
        if person == plan.presenter, plan.definition.needsPresenter { throw .presenterCannotLeave }
        if circle.count <= 1 { throw .lastPersonCannotLeave }
        var facts = [Fact(at: now, .personLeft(person: person))]
        gone.insert(person)  // first: a round that starts from here leaves them out
        presence.append(PresenceChange(at: now, person: person, arrived: false))
        switch stage {
        case .round(var progress):
            progress.waiting.removeAll { $0 == person }
            progress.passedOnce.removeAll { $0 == person }
            stage = .round(progress)
            if progress.turn.person == person {
                facts += try endRoundTurn(passed: false, at: now, endedBy: .facilitator)
            }
        case .discussion(var progress) where progress.speaker?.person == person:
            facts += endOpenTurn(at: now, endedBy: .facilitator)
            progress.speaker = nil
            progress.lastSpeaker = person
            stage = .discussion(progress)
        default:
            break  // pairs go on as formed; the change shows from the next step
        }
        undoStack.removeAll()
        return facts
    }
}

extension Session {
    /// The equality figures of `turns` (by default the finished ones) up to `end`: the one
    /// rule (`Equality`), with this session's roster, Presenter, interruptions and presence.
    public func equality(of turns: [TurnRecord]? = nil, until end: Duration) -> Equality {
        Equality(
            count: people.count, initial: plan.people.count, presenter: plan.presenter, turns: turns ?? self.turns,
            interruptions: interruptions, presence: presence, until: end)
    }
}
