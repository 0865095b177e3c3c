import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The transcript of a session log: the entries are replayed through the engine, so
    /// turns, pauses, notes and interruptions are exactly the state that was on screen.
    /// `readProblems` are what the log reader found (a torn last line, a bad line); they
    /// are listed with replay's own problems.
    ///
    /// Facts are used for two things only: each round's starter and direction come from
    /// its recorded `roundStarted` fact (which replay checks against the engine); when a
    /// torn log lost it, the starter is the round's first thinker and the direction follows
    /// the plan's rotation from the previous round. Clock gaps come from program notes.
    public init(header: LogHeader, entries: [LogEntry], readProblems: [String] = []) {
        self.init(
            header: header, entries: entries, replay: Replay.replay(header: header, entries: entries),
            readProblems: readProblems)
    }

    /// The transcript of a session already read (and replayed) by `SessionLoader`. An
    /// unfinished session's turn in progress counts up to the last moment the screen was up.
    public init(_ loaded: LoadedSession) {
        self.init(
            header: loaded.header, entries: loaded.entries, replay: loaded.replay, readProblems: loaded.readProblems,
            lastSeen: loaded.lastSeen)
    }

    /// `lastSeen`: until when the screen is known to have been up (the heartbeat's moment
    /// when it is later than the last line).
    init(header: LogHeader, entries: [LogEntry], replay: Replay, readProblems: [String], lastSeen: Duration? = nil) {
        let session = replay.session
        var problems = readProblems + replay.problems
        let timeline = Timeline(header: header, entries: entries, problems: &problems)
        let lastSeen = max(lastSeen ?? replay.lastMoment, replay.lastMoment)

        format = Self.currentFormat
        self.session = header.session
        protocolID = header.plan.definition.id
        protocolName = header.plan.definition.name
        program = header.program
        people = session.people
        presenter = header.plan.presenter
        zone = header.zone
        started = timeline.origin
        ended = timeline.wall(session.stage == .finished ? replay.lastMoment : lastSeen)
        duration = .milliseconds(ended.milliseconds - started.milliseconds)
        switch session.stage {
        case .finished: status = .finished
        case .complete: status = .complete
        default: status = .unfinished
        }
        sessionQuestion = header.plan.question
        framedQuestion = session.framedQuestion
        incisiveQuestion = session.incisiveQuestion
        let inProgress = session.turnsInProgress(stoppedAt: lastSeen)
        steps = Self.steps(
            session, turns: session.turns + inProgress, roundFacts: Self.roundFacts(replay.facts), timeline: timeline)

        let stepKinds = header.plan.definition.steps.map(\.kind)
        let kept = session.notes.filter { stepKinds.holds($0.step) && stepKinds[$0.step] != .pairs }
        if kept.count < session.notes.count {
            problems.append(
                "\(session.notes.count - kept.count) note(s) in a pairs step withheld: pairs record timings only")
        }
        notes = kept.map {
            NoteLine(step: $0.step.number, at: timeline.wall($0.at), person: $0.person, text: $0.text)
        }
        pauses = session.pauses.map { pause in
            PauseLine(reason: pause.reason, from: timeline.wall(pause.from), length: pause.to.map { $0 - pause.from })
        }
        clockGaps = timeline.gaps.map { ClockGap(at: timeline.wall($0.t), gap: $0.gap) }
        arrivals = session.presence.map { Arrival(at: timeline.wall($0.at), person: $0.person, arrived: $0.arrived) }
        seed = header.plan.seed
        earlySwaps = replay.facts.compactMap { fact in
            guard case .earlySwap(let step, let half) = fact.what else { return nil }
            return EarlySwap(step: step.number, half: half + 1, at: timeline.wall(fact.at))
        }
        equality = session.equality(of: session.turns + inProgress, until: lastSeen)
        self.problems = problems
    }

    // MARK: - Steps and rounds

    private struct RoundKey: Hashable {
        var step: StepIndex
        var round: Int
    }

    private static func roundFacts(_ facts: [Fact]) -> [RoundKey: (PersonID, Direction)] {
        var found: [RoundKey: (PersonID, Direction)] = [:]
        for fact in facts {
            if case .roundStarted(let step, let round, let starter, let direction, _) = fact.what {
                found[RoundKey(step: step, round: round)] = (starter, direction)
            }
        }
        return found
    }

    private static func steps(
        _ session: Session, turns: [TurnRecord], roundFacts: [RoundKey: (PersonID, Direction)], timeline: Timeline
    ) -> [Step] {
        let definitions = session.plan.definition.steps
        var byStep = [[(record: TurnRecord, interruptions: Int)]](repeating: [], count: definitions.count)
        for (record, count) in zip(turns, session.interruptions.counts(for: turns)) where byStep.holds(record.step) {
            byStep[record.step].append((record, count))
        }
        let furthest = furthestStep(session)
        var previousDirection: Direction? = nil
        return definitions.stepIndices.map { index in
            let definition = definitions[index]
            var rounds: [Round] = []
            for (record, count) in byStep[index] {
                if rounds.last?.number != record.round {
                    rounds.append(Round(number: record.round, starter: nil, direction: nil, turns: []))
                }
                rounds[rounds.count - 1].turns.append(
                    turn(record, wall: timeline.wall(record.startedAt), interruptions: count))
            }
            let unattributed = session.interruptions.unattributed(in: index)
            if definition.kind == .round {
                for k in rounds.indices {
                    let recorded = roundFacts[RoundKey(step: index, round: rounds[k].number)]
                    let derived = previousDirection.map { definition.rotate.rotatesDirection ? $0.flipped : $0 }
                    rounds[k].starter = recorded?.0 ?? rounds[k].turns.first?.person
                    rounds[k].direction = recorded?.1 ?? derived ?? session.plan.direction
                    previousDirection = rounds[k].direction
                }
            }
            return Step(
                number: index.number, title: definition.title, kind: definition.kind,
                question: session.question(forStep: index), reached: index.index <= furthest || !rounds.isEmpty,
                rounds: rounds, to: definition.to, attributed: definition.attributed,
                interruptions: unattributed > 0 ? unattributed : nil)
        }
    }

    private static func turn(_ record: TurnRecord, wall: WallTime, interruptions: Int) -> Turn {
        Turn(
            step: record.step.number, kind: record.kind, round: record.round, turn: record.turn,
            person: record.person, role: record.role, started: wall, at: record.startedAt,
            active: record.active, allotted: record.allotted, overrun: record.overrun,
            passed: record.passed, secondOffer: record.secondOffer, endedBy: record.endedBy,
            group: record.group, interruptions: interruptions)
    }

    /// The index of the last step that began, as far as the state tells (-1: none).
    private static func furthestStep(_ session: Session) -> Int {
        let count = session.plan.definition.steps.count
        var furthest = session.turns.map(\.step.index).max() ?? -1
        switch session.stage {
        case .ready(let step): furthest = max(furthest, step.index - 1)
        case .complete: furthest = count - 1
        case .finished: break
        default: furthest = max(furthest, session.stage.step?.index ?? -1)
        }
        if session.framedQuestion != nil,
            let asked = session.plan.definition.steps.firstIndex(where: { $0.kind == .question })
        {
            furthest = max(furthest, asked)
        }
        return furthest
    }
}

// MARK: - Wall time

/// Turns session time into wall time: the header's origin, plus the monotonic offset, plus
/// every clock gap recorded up to that moment.
struct Timeline {
    let origin: WallTime
    /// Clock gaps in log order, with the running total of gaps up to and including each.
    let gaps: [(t: Duration, gap: Duration, total: Duration)]

    init(header: LogHeader, entries: [LogEntry], problems: inout [String]) {
        if let startedAt = header.startedAt {
            origin = startedAt
        } else if let first = entries.first, let wall = first.wall {
            origin = WallTime(milliseconds: wall.milliseconds - first.t.milliseconds)
            problems.append("the header's start time is unreadable: times are counted from the first line's")
        } else {
            origin = WallTime(milliseconds: 0)
            problems.append("the header's start time is unreadable: times are counted from 1970")
        }
        var gaps: [(t: Duration, gap: Duration, total: Duration)] = []
        var total = Duration.zero
        for entry in entries {
            if case .clockGap(let gap)? = entry.program, gap > .zero {
                total += gap
                gaps.append((entry.t, gap, total))
            }
        }
        self.gaps = gaps
    }

    /// The wall time of a session instant.
    func wall(_ t: Duration) -> WallTime {
        // Gaps are in log order, so in time order: count those recorded at or before `t`.
        let low = gaps.partitionPoint { $0.t > t }
        let before = low == 0 ? Duration.zero : gaps[low - 1].total
        return origin.adding(t + before)
    }
}
