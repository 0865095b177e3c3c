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

    static func plan(_ rng: inout SplitMix64) throws -> SessionPlan {
        let count = 3 + Int(rng.next() % 6)
        let people = (0..<count).map { "Person \($0) ✿" }
        let definitions = [
            Fixture.round(turn: .seconds(60)),
            Fixture.round(rounds: .untilAllPass, time: .seconds(900), rotate: .both),
            Fixture.round(pass: false, rounds: .fixed(2), rotate: .starter),
            Fixture.pairs(turn: .seconds(120)),
            Fixture.council(),
        ]
        let definition = definitions[Int(rng.next() % UInt64(definitions.count))]
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
            let before = d.session
            do {
                let facts = try d.session.handle(action, at: d.clock.now)
                d.facts += facts
                d.accepted.append((action, d.clock.now))
                lines.append(try encoder.encode(Line(t: d.clock.now.milliseconds, action: action)))
            } catch {
                // Refused: the state is as a tick would leave it.
                var ticked = before
                _ = try? ticked.handle(.tick, at: d.clock.now)
                #expect(d.session == ticked, "seed \(seed): \(action) refused but changed state")
                if let facts = try? before.replayTick(at: d.clock.now), !facts.isEmpty {
                    d.facts += facts
                    d.accepted.append((.tick, d.clock.now))
                    lines.append(try encoder.encode(Line(t: d.clock.now.milliseconds, action: .tick)))
                }
            }
            try checkInvariants(d.session, seed: seed)
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

    /// The rules that must hold after every event.
    static func checkInvariants(_ session: Session, seed: UInt64) throws {
        // In each round, nobody speaks twice before everyone has had or passed a turn:
        // a first offer per person, and a second offer only after passing the first.
        let rounds = Dictionary(grouping: session.turns.filter { $0.kind == .round }) {
            "\($0.step).\($0.round)"
        }
        for (key, turns) in rounds {
            let first = turns.filter { !$0.secondOffer }.map(\.person)
            #expect(Set(first).count == first.count, "seed \(seed) round \(key): someone twice")
            for again in turns.filter(\.secondOffer) {
                let passedFirst = turns.contains { !$0.secondOffer && $0.passed && $0.person == again.person }
                #expect(passedFirst, "seed \(seed) round \(key): second offer without a pass")
                #expect(first.count == Set(first).count)
            }
            let firstOffers = turns.filter { !$0.secondOffer }
            let lastFirst = firstOffers.last.map(\.endedAt) ?? .zero
            #expect(turns.filter(\.secondOffer).allSatisfy { $0.startedAt >= lastFirst })
        }
        // In pairs, every thinker of a half has the same time.
        let halves = Dictionary(grouping: session.turns.filter { $0.kind == .pairs }) {
            "\($0.step).\($0.turn).\($0.startedAt)"
        }
        for (key, turns) in halves {
            #expect(Set(turns.map(\.active)).count == 1, "seed \(seed) half \(key): unequal")
        }
        // Time accounted equals time elapsed less pauses; turns follow each other.
        for turn in session.turns {
            #expect(turn.active == session.activeTime(from: turn.startedAt, to: turn.endedAt))
            #expect(turn.active >= .zero && turn.endedAt >= turn.startedAt)
        }
        let sequential = session.turns.filter { $0.kind != .pairs }
        for (a, b) in zip(sequential, sequential.dropFirst()) {
            #expect(b.startedAt >= a.endedAt, "seed \(seed): turns overlap")
        }
        // The pauses never overlap and at most the last is open.
        for (a, b) in zip(session.pauses, session.pauses.dropFirst()) {
            #expect(a.to != nil && a.to! <= b.from, "seed \(seed): pauses overlap")
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
