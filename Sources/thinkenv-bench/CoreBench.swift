import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// A 10,000-turn session (ten people, a thousand rounds of 2:00 turns, a pass now and
/// then, every seventh turn over time, a note and an interruption now and then), folded
/// through the engine, replayed, and written through `SessionLog` with fsync per line.
struct BigSession {
    let plan: SessionPlan
    /// The accepted actions with their times and facts, in order.
    var script: [(action: Action, t: Duration, facts: [Fact])] = []

    init(rounds: Int) {
        let people = (1...10).map { "Person \($0) ✿" }
        let step = StepDefinition(
            kind: .round, title: "Opening round", turn: .seconds(120), rounds: .fixed(rounds), notes: true,
            components: [.attention, .equality])
        plan = SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "bench", steps: [step]),
            people: people, question: "What is going well?")
    }

    /// The actions of the session, in the order a facilitator would press them.
    static func nextAction(_ session: Session, _ n: Int) -> (Duration, Action) {
        if n % 97 == 0 { return (.zero, .addNote(text: "note \(n)")) }
        if n % 89 == 0 { return (.zero, .noteInterruption) }
        if n % 10 == 3, session.stage.liveTurn?.secondOffer == false { return (.seconds(2), .pass) }
        return (.milliseconds(n % 7 == 0 ? 131_250 : 61_337), .handOn)
    }

    /// Folds the whole session through the engine; returns the number of actions handled.
    mutating func fold() -> Int {
        var session = Session(plan: plan)
        var now = Duration.zero
        script.removeAll(keepingCapacity: true)
        script.append((.begin, now, (try? session.handle(.begin, at: now)) ?? []))
        var n = 0
        while session.stage.liveTurn != nil {
            n += 1
            let (wait, action) = Self.nextAction(session, n)
            now += wait
            guard let facts = try? session.handle(action, at: now) else { continue }
            script.append((action, now, facts))
        }
        return script.count
    }

    var turnCount: Int {
        script.filter {
            if case .handOn = $0.action { return true }
            if case .pass = $0.action { return true }
            return false
        }.count
    }

    /// The log entries (actions only) that replay needs.
    func entries() -> [LogEntry] {
        script.enumerated().map { LogEntry(seq: $0.offset + 1, wall: nil, t: $0.element.t, action: $0.element.action) }
    }
}

/// Engine figures: events per second folding the session, and its replay from entries.
struct EngineFigures {
    var actions = 0
    var turns = 0
    var foldMs = 0.0
    var replayMs = 0.0

    static func measure(runs: Int) -> (EngineFigures, BigSession) {
        var big = BigSession(rounds: 1000)
        var figures = EngineFigures()
        figures.foldMs = Measure.median(runs: runs) { figures.actions = big.fold() }
        figures.turns = big.turnCount
        let entries = big.entries()
        let header = LogHeader(
            session: "bench", startedAt: WallTime(iso8601: "2026-11-22T10:00:00.000Z"), program: "bench", plan: big.plan
        )
        var replayed: Replay?
        figures.replayMs = Measure.median(runs: runs) { replayed = Replay.replay(header: header, entries: entries) }
        if replayed?.session.turns.count != figures.turns {
            print("warning: the replay has \(replayed?.session.turns.count ?? -1) turns, the fold \(figures.turns)")
        }
        return (figures, big)
    }
}
