/// What the facilitator does across every step: hand-on, pass, undo, notes, interruptions.
extension Session {
    mutating func handOn(at now: Duration) throws(Rejection) -> [Fact] {
        // Counted from the turn's start, or from the last ignored hand-on of this turn: a key
        // held down (auto-repeat) hands on once it is let go for the guard's time, not every 0.5 s.
        if let guardTime = plan.handOnGuard, let turn = stage.liveTurn, !isPaused {
            let since = max(turn.startedAt, lastIgnoredHandOn ?? turn.startedAt)
            if now - since < guardTime {
                lastIgnoredHandOn = now
                return [Fact(at: now, .handOnIgnored(person: turn.person))]
            }
        }
        switch stage {
        case .round: return try endRoundTurn(passed: false, at: now)
        case .presenter(let step, let turn):
            if isPaused { throw .paused }
            return endPresenterTurn(step: step, turn: turn, at: now)
        case .pairs: throw .pairsTimeBelongsToThinker
        case .dialogue, .discussion, .partnership:
            if isPaused { throw .paused }
            return try handOnOpen(at: now)
        default: throw .noTurnInProgress
        }
    }

    mutating func pass(at now: Duration) throws(Rejection) -> [Fact] {
        guard case .round = stage else {
            throw stage.liveTurn == nil && !isPairs ? .noTurnInProgress : .passNotAllowed
        }
        return try endRoundTurn(passed: true, at: now)
    }

    private var isPairs: Bool {
        if case .pairs = stage { return true }
        return false
    }

    /// Restores the state from before the last hand-on or pass: the same person thinking,
    /// with the same start time (their clock never stopped).
    mutating func undo(at now: Duration) throws(Rejection) -> [Fact] {
        if isPaused { throw .paused }
        guard let point = undoStack.popLast() else { throw .nothingToUndo }
        stage = point.stage
        turns.removeLast(turns.count - point.turnCount)
        lastRound = point.lastRound
        guard let turn = stage.liveTurn else { return advance(to: now) }
        return [Fact(at: now, .undone(person: turn.person, startedAt: turn.startedAt))] + advance(to: now)
    }

    mutating func addNote(_ text: String, at now: Duration) throws(Rejection) -> [Fact] {
        if let refusal = refusal(of: .note) { throw refusal }
        guard let step = stage.step else { throw .notesNotRecordedHere }
        let content = text.trimmed
        if content.isEmpty { throw .emptyText }
        let note = Note(at: now, step: step, person: stage.liveTurn?.person, text: content)
        notes.append(note)
        return [Fact(at: now, .noteAdded(note: note))]
    }

    mutating func noteInterruption(at now: Duration) throws(Rejection) -> [Fact] {
        switch stage {
        case .round, .presenter, .pairs, .dialogue, .partnership: break
        case .discussion(let progress) where progress.speaker != nil: break
        default: throw .noTurnInProgress
        }
        let person = stage.liveTurn?.person
        interruptions.append(Interruption(at: now, step: stage.step, person: person))
        return [Fact(at: now, .interruptionNoted(person: person))]
    }

    /// Ends the session for good. A turn under way is recorded as ended by the facilitator.
    mutating func finish(at now: Duration) -> [Fact] {
        var facts: [Fact] = []
        if isPaused { facts += (try? resume(at: now)) ?? [] }
        switch stage {
        case .round(let progress):
            let ended = record(
                progress.turn, step: progress.step, round: progress.round,
                number: progress.turnNumber, endedAt: now, passed: false, endedBy: .facilitator,
                kind: progress.recordedKind)
            turns.append(ended)
            facts.append(Fact(at: now, .turnEnded(record: ended)))
        case .presenter(let step, let turn):
            let ended = record(
                turn, step: step, round: 1, number: 1, endedAt: now, passed: false, endedBy: .facilitator)
            turns.append(ended)
            facts.append(Fact(at: now, .turnEnded(record: ended)))
        case .pairs(let progress):
            facts += recordHalf(progress, endedAt: now, endedBy: .facilitator)
        case .dialogue, .discussion, .partnership:
            facts += endOpenTurn(at: now, endedBy: .facilitator)
        default: break
        }
        undoStack.removeAll()
        stage = .finished
        return facts + [Fact(at: now, .sessionFinished)]
    }
}

extension Session {
    /// The turns under way, as records ending at `moment` (`endedBy: .stopped`): what an
    /// unfinished session's transcript counts for the turn that was running when the program
    /// stopped. The session itself is not changed.
    public func turnsInProgress(stoppedAt moment: Duration) -> [TurnRecord] {
        switch stage {
        case .finished, .complete, .ready, .question: return []
        default: break
        }
        var copy = self
        let before = copy.turns.count
        _ = copy.finish(at: moment)
        return copy.turns[before...].map { record in
            var record = record
            record.endedBy = .stopped
            return record
        }
    }
}
