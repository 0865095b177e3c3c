/// What the room sees at a moment: derived from the session and the time, nothing more.
///
/// The projected screen and a second display both draw from this; it holds names and text
/// as data (the renderer neutralises them).
public struct RoomView: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// A step is announced and waits to begin.
        case ready
        /// One person thinks (a round, a Presenter's turn).
        case turn
        /// The room thinks in pairs on one shared clock.
        case pairs
        /// The Presenter is framing their question.
        case question
        /// An open discussion: whoever is marked speaks; a silence between speakers.
        case discussion
        /// Every step is done.
        case complete
        case finished
    }

    /// How a clock reads.
    public enum ClockState: Equatable, Sendable {
        /// Counting down to the allotted time.
        case remaining(Duration)
        /// No limit: counting up.
        case elapsed(Duration)
        /// The time was reached this long ago (not cut off: overtime).
        case over(Duration)
    }

    /// A person's place in the order strip.
    public enum OrderStatus: Equatable, Sendable {
        case spoke, passed, thinking, next, waiting
    }

    public struct OrderEntry: Equatable, Sendable {
        public var name: String
        public var status: OrderStatus
    }

    /// Time used against the time there is.
    public struct TimeUsed: Equatable, Sendable {
        public var used: Duration
        public var total: Duration
    }

    /// A transforming meeting's agenda item, and its time used against its budget.
    public struct Item: Equatable, Sendable {
        public var number: Int
        public var count: Int
        public var used: Duration
        public var budget: Duration?
    }

    /// A person's running total in a dialogue or a discussion.
    public struct Total: Equatable, Sendable {
        public var name: String
        public var time: Duration
        public var turns: Int
        public var speaking: Bool
    }

    /// Who the person on screen is in the step (the screen puts it in words).
    public enum Role: Equatable, Sendable {
        case member
        /// A member who passed, offered the turn again.
        case offeredAgain
        case presenter
        case thinker
        /// One of the two speakers of a dialogue.
        case inDialogue
    }

    /// Where the step stands, beside its title (the screen puts it in words).
    public enum Progress: Equatable, Sendable {
        /// Round `number` of `count` (nil: rounds go on until everyone passes).
        case round(Int, of: Int?)
        /// A single round offered again to those who passed.
        case offeredAgain
        /// Pairs: the first or second turn of the shared clock (`of` 3 with a trio).
        case pairsTurn(Int, of: Int)
    }

    public struct PairLine: Equatable, Sendable {
        /// Nil while the group rests (a pair during a trio's third turn).
        public var thinker: String?
        public var partners: [String]
    }

    public var protocolName: String
    public var phase: Phase
    public var stepNumber: Int?
    public var stepCount: Int
    public var stepTitle: String?
    public var stepKind: StepKind?
    /// Round 2 of 3, round 2 (keep going round), turn 1 of 2 in pairs.
    public var progress: Progress?
    public var question: String?
    public var components: [Component]
    public var thinker: String?
    public var role: Role?
    /// For an appreciation round: whom it is for.
    public var recipient: String?
    public var clock: ClockState?
    public var allotted: Duration?
    public var order: [OrderEntry]
    public var pairs: [PairLine]
    /// A pairs step's groups by name, in order (the trio last): shown before the clock starts.
    public var groups: [[String]] = []
    public var paused: Bool
    /// Time used and the protocol's budget, when it has one.
    public var budget: TimeUsed?
    /// Running totals in a dialogue or a discussion, everyone of the step.
    public var totals: [Total] = []
    /// The step's own time used and allowed (a dialogue's total, a discussion's budget).
    public var stepTime: TimeUsed?
    /// A thinking partnership's part, and the partner giving attention.
    public var part: PartnershipPart?
    public var partner: String?
    /// A transforming meeting's agenda item: its number, and its time used against its budget.
    public var item: Item?
    /// Every name, by person (those who left too), and the names of those present, in order.
    public var names: [String] = []
    public var present: [String] = []
    /// The council's Presenter, when the session has one.
    public var presenter: String?
    /// The current step's turn, the same for everyone, and its own time in all.
    public var turnTime: Duration?
    public var stepLimit: Duration?
    /// The title of the step after this one.
    public var nextStepTitle: String?
    public var canUndo = false
    /// Everyone's turns, passes, time and share, once every step is done.
    public var equality: Equality?
    /// From the origin to the end of the last turn, once every step is done (nil: no turn).
    public var length: Duration?
}

extension Session {
    /// The room's view at `now` (call after `advance(to: now)` for deadlines to show).
    public func roomView(at now: Duration) -> RoomView {
        let definition = plan.definition
        let stepIndex = stage.step
        let step = stepIndex.map { definition.steps[$0] }
        let name = { (id: PersonID) in self.people[id] }
        var view = RoomView(
            protocolName: definition.name, phase: .ready, stepNumber: stepIndex?.number,
            stepCount: definition.steps.count, stepTitle: step?.title, stepKind: step?.kind,
            progress: nil, question: stepIndex.flatMap { question(forStep: $0)?.text },
            components: step?.components ?? [], thinker: nil, role: nil,
            recipient: step?.to == .presenter ? plan.presenter.map(name) : nil,
            clock: nil, allotted: nil, order: [], pairs: [], paused: isPaused, budget: nil)
        view.names = people
        view.present = circle.map(name)
        view.presenter = plan.presenter.map(name)
        view.turnTime = step.flatMap(turnTime(for:))
        view.stepLimit = step?.time
        view.nextStepTitle = stepIndex.flatMap {
            definition.steps.holds($0.next) ? definition.steps[$0.next].title : nil
        }
        view.canUndo = canUndo
        if stage == .complete || stage == .finished {
            view.length = turns.map(\.endedAt).max()
            view.equality = equality(until: view.length ?? .zero)
        }
        if let total = definition.budget {
            view.budget = RoomView.TimeUsed(used: activeTime(from: .zero, to: now), total: total)
        }
        if let item = step?.item {
            let used = itemStarts[item.number].map { activeTime(from: $0, to: now) } ?? .zero
            view.item = RoomView.Item(number: item.number, count: item.count, used: used, budget: item.budget)
        }
        switch stage {
        case .ready(let index):
            view.phase = .ready
            if [.round, .talk].contains(definition.steps[index].kind) {
                let people = audience(for: definition.steps[index])
                guard !people.isEmpty else { break }
                let (starter, direction) = starterAndDirection(for: definition.steps[index], audience: people)
                view.order = Self.order(people, from: starter, direction).enumerated().map {
                    RoomView.OrderEntry(name: name($1), status: $0 == 0 ? .next : .waiting)
                }
            }
            if definition.steps[index].kind == .pairs {
                // The pairs `begin` forms, so the room can move seats before the clock runs.
                view.groups = Self.groups(of: circle).map { $0.map(name) }
            }
        case .round(let progress):
            view.phase = .turn
            view.progress = roundProgress(progress, step: definition.steps[progress.step])
            fill(&view, turn: progress.turn, now: now)
            view.role = progress.turn.secondOffer ? .offeredAgain : .member
            view.order = orderStrip(progress).map { RoomView.OrderEntry(name: name($0.0), status: $0.1) }
        case .presenter(_, let turn):
            view.phase = .turn
            fill(&view, turn: turn, now: now)
            view.role = .presenter
        case .pairs(let progress):
            view.phase = .pairs
            view.progress = .pairsTurn(progress.half + 1, of: progress.halves)
            let elapsed = activeTime(from: progress.halfStartedAt, to: now)
            view.clock = .remaining(max(.zero, progress.allotted - elapsed))
            view.allotted = progress.allotted
            view.groups = progress.groups.map { $0.map(name) }
            view.pairs = progress.groups.indices.map { index in
                let thinker = progress.thinker(ofGroup: index)
                return RoomView.PairLine(
                    thinker: thinker.map(name),
                    partners: progress.groups[index].filter { $0 != thinker }.map(name))
            }
        case .question:
            view.phase = .question
            view.thinker = plan.presenter.map(name)
            view.role = .presenter
        case .dialogue(let progress):
            view.phase = .turn
            fill(&view, turn: progress.turn, now: now)
            view.role = .inDialogue
            view.totals = totals(step: progress.step, people: progress.people, live: progress.turn, now: now)
            view.stepTime = stepTime(progress.step, since: progress.stepStartedAt, now: now)
        case .discussion(let progress):
            view.phase = .discussion
            if let speaker = progress.speaker { fill(&view, turn: speaker, now: now) }
            view.totals = totals(step: progress.step, people: circle, live: progress.speaker, now: now)
            view.stepTime = stepTime(progress.step, since: progress.stepStartedAt, now: now)
        case .partnership(let progress):
            view.phase = .turn
            fill(&view, turn: progress.turn, now: now)
            view.role = .thinker
            view.partner = name(progress.partner)
            view.part = progress.part
        case .complete:
            view.phase = .complete
        case .finished:
            view.phase = .finished
        }
        return view
    }

    private func fill(_ view: inout RoomView, turn: LiveTurn, now: Duration) {
        view.thinker = people[turn.person]
        view.allotted = turn.allotted
        let elapsed = elapsed(of: turn, at: now)
        if let allotted = turn.allotted {
            view.clock = elapsed < allotted ? .remaining(allotted - elapsed) : .over(elapsed - allotted)
        } else {
            view.clock = .elapsed(elapsed)
        }
    }

    /// Each person's time and turns so far in a step, the live turn included.
    private func totals(step: StepIndex, people ids: [PersonID], live: LiveTurn?, now: Duration) -> [RoomView.Total] {
        ids.map { person in
            let done = turns.filter { $0.step == step && $0.person == person && !$0.passed }
            var time = done.reduce(Duration.zero) { $0 + $1.active }
            if let live, live.person == person { time += elapsed(of: live, at: now) }
            return RoomView.Total(
                name: people[person], time: time, turns: done.count + (live?.person == person ? 1 : 0),
                speaking: live?.person == person)
        }
    }

    private func stepTime(_ step: StepIndex, since start: Duration, now: Duration) -> RoomView.TimeUsed? {
        plan.definition.steps[step].time.map { RoomView.TimeUsed(used: activeTime(from: start, to: now), total: $0) }
    }

    private func roundProgress(_ progress: RoundProgress, step: StepDefinition) -> RoomView.Progress? {
        switch step.rounds {
        case .fixed(1): return progress.offeringAgain ? .offeredAgain : nil
        case .fixed(let count): return .round(progress.round, of: count)
        case .untilAllPass: return .round(progress.round, of: nil)
        }
    }

    /// Everyone of the round in order, with what they have done so far.
    func orderStrip(_ progress: RoundProgress) -> [(PersonID, RoomView.OrderStatus)] {
        let done = turns.filter { $0.step == progress.step && $0.round == progress.round }
        let next = progress.waiting.first
        // Someone who left stays in the strip only if they had a turn in this round.
        let shown = progress.order.filter { id in !gone.contains(id) || done.contains { $0.person == id } }
        return shown.map { person in
            if person == progress.turn.person { return (person, .thinking) }
            if person == next { return (person, .next) }
            if let last = done.last(where: { $0.person == person }) {
                return (person, last.passed ? .passed : .spoke)
            }
            return (person, .waiting)
        }
    }
}
