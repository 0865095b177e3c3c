/// A session's whole state: a pure fold over actions.
///
/// `handle(_:at:)` takes an action and the monotonic time since the session's origin and
/// returns the facts to record and show. The engine performs no I/O, reads no clock and
/// draws no random numbers, so an hour-long session runs in microseconds in a test and a
/// log replays to exactly the state that was on screen.
public struct Session: Equatable, Sendable {
    public let plan: SessionPlan
    public internal(set) var stage: Stage
    /// Every finished turn, in the order they ended.
    public internal(set) var turns: [TurnRecord]
    /// Facilitator pauses and downtime, in time order; the last may be open.
    public internal(set) var pauses: [Pause]
    /// Interruptions noted by the facilitator (time only), in the order noted.
    public internal(set) var interruptions: [Interruption]
    public internal(set) var notes: [Note]
    /// The Presenter's question, once framed.
    public internal(set) var framedQuestion: String?
    /// The last round started in the session, for rotating its starter and direction.
    public internal(set) var lastRound: RoundProgress?
    /// When each agenda item's first step began (by item number), for its time budget.
    public internal(set) var itemStarts: [Int: Duration]
    /// People who arrived after the start, in the order they came (their ids follow the plan's).
    public internal(set) var joined: [String]
    /// People who left; their past turns stay theirs.
    public internal(set) var gone: Set<PersonID>
    /// Arrivals and departures after the start, in time order.
    public internal(set) var presence: [PresenceChange]
    /// A thinking partnership's incisive question, if the thinker chose to keep it.
    public internal(set) var incisiveQuestion: String?
    var undoStack: UndoHistory
    /// When the last hand-on was ignored by the plan's guard (it extends the guard).
    var lastIgnoredHandOn: Duration? = nil

    static let undoDepth = 100

    /// What an undo restores. History is append-only, so a count is enough for it.
    struct UndoPoint: Equatable, Sendable {
        var stage: Stage
        var turnCount: Int
        var lastRound: RoundProgress?
    }

    public init(plan: SessionPlan) {
        self.plan = plan
        stage = .ready(step: 0)
        turns = []
        pauses = []
        interruptions = []
        notes = []
        framedQuestion = nil
        lastRound = nil
        itemStarts = [:]
        joined = []
        gone = []
        presence = []
        incisiveQuestion = nil
        undoStack = UndoHistory()
    }

    /// Everyone named in the session: the plan's people, then those who arrived.
    public var people: [String] { plan.people + joined }

    /// The people present, in the order they sit: the plan's circle, then those who arrived.
    public var circle: [PersonID] {
        (plan.circle + (plan.people.count..<(plan.people.count + joined.count)).people).filter { !gone.contains($0) }
    }

    public var isPaused: Bool { pauses.last.map { $0.to == nil } ?? false }
    public var canUndo: Bool { !undoStack.isEmpty }

    /// The definition of the current step, if a step is in view.
    public var currentStep: StepDefinition? { stage.step.map { plan.definition.steps[$0] } }

    // MARK: - Handling actions

    /// Applies an action at `now`. Time-driven progress (deadlines up to `now`) happens
    /// first, as for `.tick`; if the action is then refused, nothing else changes.
    public mutating func handle(_ action: Action, at now: Duration) throws(Rejection) -> [Fact] {
        if case .finished = stage { throw .finished }
        if case .recover(let since) = action { return try recover(since: since, now: now) }
        var facts = advance(to: now)
        switch action {
        case .tick: break
        case .begin: facts += try begin(at: now)
        case .handOn: facts += try handOn(at: now)
        case .pass: facts += try pass(at: now)
        case .undo: facts += try undo(at: now)
        case .pause: facts += try pause(at: now)
        case .resume: facts += try resume(at: now)
        case .swapEarly: facts += try swapEarly(at: now)
        case .frameQuestion(let text): facts += try frameQuestion(text, at: now)
        case .addNote(let text): facts += try addNote(text, at: now)
        case .noteInterruption: facts += try noteInterruption(at: now)
        case .finish: facts += finish(at: now)
        case .speak(let person): facts += try speak(person, at: now)
        case .roundFromHere: facts += try roundFromHere(at: now)
        case .endStep: facts += try endStep(at: now)
        case .join(let name): facts += try join(name, at: now)
        case .leave(let person): facts += try leave(person, at: now)
        case .keepIncisiveQuestion(let text): facts += try keepIncisiveQuestion(text, at: now)
        case .recover: break
        }
        return facts
    }

    /// Processes every deadline up to `now`: a turn reaching its time, the pairs' swap.
    /// Doing this twice, or in several smaller steps, gives the same state and facts.
    public mutating func advance(to now: Duration) -> [Fact] {
        switch stage {
        case .round(var progress):
            guard let fact = timeReached(&progress.turn, by: now) else { return [] }
            stage = .round(progress)
            return [fact]
        case .presenter(let step, var turn):
            guard let fact = timeReached(&turn, by: now) else { return [] }
            stage = .presenter(step: step, turn: turn)
            return [fact]
        case .pairs:
            return advancePairs(to: now)
        case .dialogue(var progress):
            var facts: [Fact] = []
            if let fact = timeReached(&progress.turn, by: now) { facts.append(fact) }
            if !progress.timeUp, let fact = stepTimeReached(progress.step, since: progress.stepStartedAt, by: now) {
                progress.timeUp = true
                facts.append(fact)
            }
            stage = .dialogue(progress)
            return facts
        case .discussion(var progress):
            guard !progress.timeUp,
                let fact = stepTimeReached(progress.step, since: progress.stepStartedAt, by: now)
            else { return [] }
            progress.timeUp = true
            stage = .discussion(progress)
            return [fact]
        default:
            return []
        }
    }

    /// The `stepTimeReached` fact, at its instant, once a step's own time has run.
    private func stepTimeReached(_ step: StepIndex, since start: Duration, by now: Duration) -> Fact? {
        guard let time = plan.definition.steps[step].time,
            let deadline = instant(from: start, afterActive: time), deadline <= now
        else { return nil }
        return Fact(at: deadline, .stepTimeReached(step: step))
    }

    private func timeReached(_ turn: inout LiveTurn, by now: Duration) -> Fact? {
        guard !turn.timeReachedNoted, let allotted = turn.allotted,
            let deadline = instant(from: turn.startedAt, afterActive: allotted), deadline <= now
        else { return nil }
        turn.timeReachedNoted = true
        return Fact(at: deadline, .timeReached(person: turn.person))
    }

    // MARK: - Steps

    private mutating func begin(at now: Duration) throws(Rejection) -> [Fact] {
        guard case .ready(let step) = stage else { throw .nothingToBegin }
        if isPaused { throw .paused }
        let definition = plan.definition.steps[step]
        if [.round, .talk].contains(definition.kind), audience(for: definition).isEmpty { throw .nobodyHere }
        undoStack.removeAll()
        if let item = definition.item, itemStarts[item.number] == nil { itemStarts[item.number] = now }
        var facts = [Fact(at: now, .stepStarted(step: step, kind: definition.kind, title: definition.title))]
        switch definition.kind {
        case .round: facts += startRound(step: step, round: 1, stepStartedAt: now, at: now)
        case .pairs: facts += startPairs(step: step, at: now)
        case .presenter: facts += startPresenterTurn(step: step, at: now)
        case .question: stage = .question(step: step)
        case .talk: facts += startRound(step: step, round: 1, stepStartedAt: now, at: now)
        case .dialogue: facts += startDialogue(step: step, at: now)
        case .discussion: facts += startDiscussion(step: step, at: now)
        case .partnership: facts += startPartnership(step: step, at: now)
        case .agenda: facts += completeStep(step, at: now)  // `SessionPlan.check` refuses these
        }
        return facts
    }

    /// Moves on from a finished step: the next step is announced, or the protocol is complete.
    mutating func completeStep(_ step: StepIndex, at now: Duration) -> [Fact] {
        var facts = [Fact(at: now, .stepCompleted(step: step))]
        let next = step.next
        if plan.definition.steps.holds(next) {
            if plan.definition.steps[next].kind == .question {
                stage = .question(step: next)
                facts.append(
                    Fact(at: now, .stepStarted(step: next, kind: .question, title: plan.definition.steps[next].title)))
            } else {
                stage = .ready(step: next)
            }
        } else {
            stage = .complete
            facts.append(Fact(at: now, .protocolCompleted))
        }
        return facts
    }

    mutating func pushUndoPoint() {
        undoStack.push(UndoPoint(stage: stage, turnCount: turns.count, lastRound: lastRound), keeping: Self.undoDepth)
    }

    /// A finished turn's record, from its live state.
    func record(
        _ turn: LiveTurn, step: StepIndex, round: Int, number: Int, endedAt: Duration,
        passed: Bool, endedBy: EndedBy, group: Int? = nil, kind: StepKind? = nil
    ) -> TurnRecord {
        TurnRecord(
            step: step, kind: kind ?? plan.definition.steps[step].kind, round: round, turn: number,
            person: turn.person, role: turn.role, startedAt: turn.startedAt, endedAt: endedAt,
            active: activeTime(from: turn.startedAt, to: endedAt), allotted: turn.allotted,
            passed: passed, endedBy: endedBy, secondOffer: turn.secondOffer, group: group)
    }
}

/// The undo points, newest last, at most a given number of them. Forgetting the oldest is
/// done by moving a floor, and the array is compacted only once the forgotten part is as long
/// as the kept one: a push costs the same at the hundredth point as at the first (dropping the
/// first element of the array each time moved the whole history, every hand-on of a replay).
struct UndoHistory: Equatable, Sendable {
    private var points: [Session.UndoPoint] = []
    private var floor = 0

    var isEmpty: Bool { points.count == floor }

    mutating func push(_ point: Session.UndoPoint, keeping depth: Int) {
        points.append(point)
        if points.count - floor > depth { floor += 1 }
        if floor >= depth {
            points.removeFirst(floor)
            floor = 0
        }
    }

    mutating func popLast() -> Session.UndoPoint? {
        guard points.count > floor else { return nil }
        return points.popLast()
    }

    mutating func removeAll() {
        points.removeAll()
        floor = 0
    }

    /// The same history, however much of it is forgotten but not yet compacted.
    static func == (a: UndoHistory, b: UndoHistory) -> Bool {
        a.points[a.floor...] == b.points[b.floor...]
    }
}
