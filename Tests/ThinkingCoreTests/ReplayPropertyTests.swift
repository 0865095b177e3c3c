import Foundation
import Testing

@testable import ThinkingCore

/// Random sessions: whatever the facilitator does, replaying the recorded actions (through
/// JSON, as the log keeps them) gives back the same state and the same facts, and the rules
/// hold after every event.
@Suite("Replay and invariants")
struct ReplayPropertyTests {
    static let actions: [Action] = [
        .tick, .begin, .handOn, .handOn, .handOn, .pass, .undo, .pause, .resume, .swapEarly,
        .frameQuestion(text: "What would you like to think about?"), .addNote(text: "a note"),
        .noteInterruption, .begin, .begin,
    ]

    /// The protocols the sessions run: rounds of every shape, pairs, a council, a dialogue
    /// and a meeting that mixes rounds and pairs.
    static let definitions: [ProtocolDefinition] = [
        Fixture.round(turn: .seconds(60)),
        Fixture.round(rounds: .untilAllPass, time: .seconds(900), rotate: .both),
        Fixture.round(pass: false, rounds: .fixed(2), rotate: .starter),
        Fixture.round(turn: .seconds(30), rounds: .fixed(3), rotate: .direction, notes: false),
        Fixture.pairs(turn: .seconds(120)),
        Fixture.council(),
        ProtocolDefinition(
            id: "dialogue", name: "Dialogue", summary: "test",
            steps: [StepDefinition(kind: .round, title: "Dialogue", rounds: .untilAllPass, time: .seconds(600))]),
        ProtocolDefinition(
            id: "meeting", name: "Transforming meeting", summary: "test",
            steps: [
                StepDefinition(kind: .round, title: "Opening round", turn: .seconds(60)),
                StepDefinition(kind: .pairs, title: "Pairs", turn: .seconds(90)),
                StepDefinition(kind: .round, title: "Item", rounds: .fixed(2), rotate: .both, notes: true),
                StepDefinition(kind: .round, title: "Closing round", pass: false),
            ]),
    ]

    static func plan(_ rng: inout SplitMix64) throws -> SessionPlan {
        let definition = definitions[Int(rng.next() % UInt64(definitions.count))]
        let smallest = definition.needsPresenter ? 3 : 2
        let count = definition.id == "dialogue" ? 2 : smallest + Int(rng.next() % UInt64(17 - smallest))
        let people = (0..<count).map { "Person \($0) ✿" }
        return try SessionPlan.make(
            definition: definition, names: people,
            presenter: definition.needsPresenter ? people[1] : nil,
            direction: rng.next() % 2 == 0 ? .clockwise : .anticlockwise,
            seed: rng.next() % 3 == 0 ? rng.next() : nil)
    }

    /// Runs a random session; returns the driver and the accepted actions as log lines.
    static func randomSession(seed: UInt64, steps: Int = 300) throws -> (Driver, [Data]) {
        var rng = SplitMix64(seed: seed)
        var d = Driver(try plan(&rng))
        var lines: [Data] = []
        let encoder = JSONEncoder()
        struct Line: Codable { var t: Int64; var action: Action }
        for _ in 0..<steps {
            d.clock.advance(by: .milliseconds(Int64(rng.next() % 150_000)))
            var action = actions[Int(rng.next() % UInt64(actions.count))]
            if rng.next() % 40 == 0 { action = .finish }
            if rng.next() % 50 == 0 {
                action = .recover(since: d.clock.now - .milliseconds(Int64(rng.next() % 60_000)))
            }
            let before = d.session
            do {
                let facts = try d.session.handle(action, at: d.clock.now)
                d.facts += facts
                d.accepted.append((action, d.clock.now))
                lines.append(try encoder.encode(Line(t: d.clock.now.milliseconds, action: action)))
            } catch {
                // Refused: the state is as a tick would leave it; a refused recovery (its
                // deadlines are processed up to `since`, not `now`) leaves it untouched.
                var ticked = before
                let recovery: Bool
                if case .recover = action { recovery = true } else { recovery = false }
                if !recovery { _ = try? ticked.handle(.tick, at: d.clock.now) }
                if d.session != ticked { Issue.record("seed \(seed): \(action) refused but changed state") }
                if !recovery, let facts = try? before.replayTick(at: d.clock.now), !facts.isEmpty {
                    d.facts += facts
                    d.accepted.append((.tick, d.clock.now))
                    lines.append(try encoder.encode(Line(t: d.clock.now.milliseconds, action: .tick)))
                }
            }
            checkInvariants(d.session, at: d.clock.now, seed: seed)
            if d.session.stage == .finished { break }
        }
        return (d, lines)
    }

    @Test func replayingTheRecordedActionsGivesTheSameStateAndFacts() throws {
        struct Line: Codable { var t: Int64; var action: Action }
        let decoder = JSONDecoder()
        for seed in UInt64(1)...300 {
            let (live, lines) = try Self.randomSession(seed: seed)
            var replayed = Session(plan: live.session.plan)
            var facts: [Fact] = []
            for data in lines {
                let line = try decoder.decode(Line.self, from: data)
                facts += try replayed.handle(line.action, at: Duration.milliseconds(line.t))
            }
            #expect(replayed == live.session, "seed \(seed)")
            #expect(facts == live.facts, "seed \(seed)")
            if replayed != live.session { return }
        }
    }

    /// 10,000 sessions (1,000 unless `THINKENV_FUZZ=full`) of every protocol and 2 to 16
    /// people, short and long: the rules hold after every event (checked inside
    /// `randomSession`), and replay gives the same state.
    @Test func tenThousandRandomSessionsKeepTheRules() throws {
        for seed in UInt64(10_001)...UInt64(10_000 + Fuzz.cases(full: 10_000)) {
            let (live, _) = try Self.randomSession(seed: seed, steps: 10 + Int(seed % 7) * 15)
            var replayed = Session(plan: live.session.plan)
            for (action, at) in live.accepted { _ = try replayed.handle(action, at: at) }
            if replayed != live.session {
                Issue.record("seed \(seed): replay differs")
                return
            }
        }
    }

    @Test func factsSurviveJSON() throws {
        let (live, _) = try Self.randomSession(seed: 99)
        let data = try JSONEncoder().encode(live.facts)
        #expect(try JSONDecoder().decode([Fact].self, from: data) == live.facts)
        #expect(!live.facts.isEmpty)
    }

    @Test func advancingTimeIsTheSameInOneStepOrMany() throws {
        for seed in UInt64(1)...50 {
            let (live, _) = try Self.randomSession(seed: seed, steps: 60)
            guard live.session.stage != .finished else { continue }
            var once = live.session, often = live.session
            let start = live.clock.now
            let onceFacts = once.advance(to: start + .seconds(1000))
            var oftenFacts: [Fact] = []
            for s in stride(from: 7, through: 1000, by: 7) {
                oftenFacts += often.advance(to: start + .seconds(Int64(s)))
            }
            oftenFacts += often.advance(to: start + .seconds(1000))
            oftenFacts += often.advance(to: start + .seconds(1000))
            #expect(once == often, "seed \(seed)")
            #expect(onceFacts == oftenFacts, "seed \(seed)")
        }
    }

    /// The rules that must hold after every event. (Plain checks, each recording an issue
    /// when it fails: `#expect` in a loop this hot would dominate a debug run.)
    static func checkInvariants(_ session: Session, at now: Duration, seed: UInt64) {
        func require(_ condition: Bool, _ what: @autoclosure () -> String) {
            if !condition { Issue.record(Comment(rawValue: "seed \(seed): \(what())")) }
        }
        // One thinker at a time: in the order strip, and in pairs one thinker per pair, nobody twice.
        let view = session.roomView(at: now)
        require(view.order.filter { $0.status == .thinking }.count <= 1, "two thinkers in the order")
        let inPairs = view.pairs.flatMap { ($0.thinker.map { [$0] } ?? []) + $0.partners }
        require(Set(inPairs).count == inPairs.count, "someone in two pairs")
        // In each round, nobody speaks twice before everyone has had or passed a turn:
        // a first offer per person, and a second offer only after passing the first, once
        // every first offer is done.
        var rounds: [String: [TurnRecord]] = [:]
        for turn in session.turns where turn.kind == .round {
            rounds["\(turn.step).\(turn.round)", default: []].append(turn)
        }
        for (key, turns) in rounds {
            let first = turns.filter { !$0.secondOffer }
            require(Set(first.map(\.person)).count == first.count, "round \(key): someone twice")
            let lastFirst = first.last.map(\.endedAt) ?? .zero
            for again in turns where again.secondOffer {
                let passedFirst = first.contains { $0.passed && $0.person == again.person }
                require(passedFirst, "round \(key): second offer without a pass")
                require(again.startedAt >= lastFirst, "round \(key): second offer before the round's end")
            }
            let seconds = turns.filter(\.secondOffer).map(\.person)
            require(Set(seconds).count == seconds.count, "round \(key): offered again twice")
        }
        // In pairs, every thinker of a half has the same time.
        var halves: [String: Set<Duration>] = [:]
        for turn in session.turns where turn.kind == .pairs {
            halves["\(turn.step).\(turn.turn).\(turn.startedAt)", default: []].insert(turn.active)
        }
        for (key, actives) in halves { require(actives.count == 1, "half \(key): unequal \(actives)") }
        // Time accounted equals time elapsed less pauses, counted here independently of the engine.
        func paused(_ from: Duration, _ to: Duration) -> Duration {
            session.pauses.reduce(.zero) { sum, pause in
                let overlap = min(to, pause.to ?? now) - max(from, pause.from)
                return overlap > .zero ? sum + overlap : sum
            }
        }
        for turn in session.turns {
            require(turn.endedAt >= turn.startedAt && turn.endedAt <= now, "a turn out of time")
            require(
                turn.active == (turn.endedAt - turn.startedAt) - paused(turn.startedAt, turn.endedAt),
                "turn \(turn.person) accounted \(turn.active)")
        }
        if let live = session.stage.liveTurn {
            require(live.startedAt <= now, "a turn starting in the future")
        }
        let sequential = session.turns.filter { $0.kind != .pairs }
        for (a, b) in zip(sequential, sequential.dropFirst()) {
            require(b.startedAt >= a.endedAt, "turns overlap")
        }
        // The pauses never overlap and at most the last is open.
        for (a, b) in zip(session.pauses, session.pauses.dropFirst()) {
            require(a.to != nil && a.to! <= b.from, "pauses overlap")
        }
    }
}

extension Session {
    /// The facts a tick would give at `now` (for recording a refused action's time passing).
    func replayTick(at now: Duration) throws -> [Fact] {
        var copy = self
        return try copy.handle(.tick, at: now)
    }
}
