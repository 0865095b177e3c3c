import Foundation
import Testing

@testable import ThinkingCore

/// A monotonic clock the test moves by hand.
struct ManualClock {
    var now: Duration = .zero
    mutating func advance(by duration: Duration) { now += duration }
}

/// Drives a session the way the runner does: each action at the clock's time, keeping
/// the accepted actions (as the log would) and every fact.
struct Driver {
    var session: Session
    var clock = ManualClock()
    var accepted: [(Action, Duration)] = []
    var facts: [Fact] = []

    init(_ plan: SessionPlan) { session = Session(plan: plan) }

    init(
        _ definition: ProtocolDefinition, people: [String], presenter: String? = nil,
        starter: String? = nil, direction: Direction = .clockwise, seed: UInt64? = nil
    ) throws {
        session = Session(
            plan: try SessionPlan.make(
                definition: definition, names: people, presenter: presenter, starter: starter,
                direction: direction, seed: seed))
    }

    @discardableResult
    mutating func act(_ action: Action) throws -> [Fact] {
        let new = try session.handle(action, at: clock.now)
        accepted.append((action, clock.now))
        facts += new
        return new
    }

    mutating func wait(_ duration: Duration) {
        clock.advance(by: duration)
        if let new = try? session.handle(.tick, at: clock.now), !new.isEmpty {
            accepted.append((.tick, clock.now))
            facts += new
        }
    }

    /// Who is thinking now (rounds and presenter turns).
    var thinker: String? { session.stage.liveTurn.map { session.people[$0.person] } }

    func names(_ ids: [PersonID]) -> [String] { ids.map { session.people[$0] } }

    /// Names of the finished turns, a pass written as "-name".
    var spoken: [String] {
        session.turns.map { ($0.passed ? "-" : "") + session.people[$0.person] }
    }
}

enum Fixture {
    static func round(
        turn: Duration? = nil, pass: Bool = true, rounds: RoundCount = .fixed(1),
        time: Duration? = nil, rotate: Rotation = .none, notes: Bool = true
    ) -> ProtocolDefinition {
        ProtocolDefinition(
            id: "round", name: "Round", summary: "test",
            steps: [
                StepDefinition(
                    kind: .round, title: "Round", turn: turn, pass: pass, rounds: rounds, time: time,
                    rotate: rotate, notes: notes, components: [.attention, .equality])
            ])
    }

    static func pairs(turn: Duration = .seconds(300)) -> ProtocolDefinition {
        ProtocolDefinition(
            id: "thinking-pairs", name: "Thinking pairs", summary: "test",
            steps: [StepDefinition(kind: .pairs, title: "Pairs", turn: turn, components: [.attention])])
    }

    static func council() -> ProtocolDefinition {
        var steps = [
            StepDefinition(kind: .presenter, title: "The Presenter thinks aloud", turn: .seconds(600)),
            StepDefinition(kind: .question, title: "The Presenter's question"),
        ]
        for n in 1...3 {
            steps.append(
                StepDefinition(
                    kind: .round, title: "Council round \(n) of 3", turn: .seconds(60), who: .members,
                    notes: true))
            steps.append(StepDefinition(kind: .presenter, title: "Freshest thinking", turn: .seconds(120)))
        }
        steps.append(
            StepDefinition(
                kind: .round, title: "Appreciation of the Presenter", who: .members, to: .presenter,
                notes: true))
        return ProtocolDefinition(
            id: "council", name: "Council", summary: "test", budget: .seconds(2400), steps: steps)
    }

    static let five = ["Ana", "Ben", "Chloé", "Dev", "Eun"]
}

/// How many cases a fuzz test runs: all of them in CI (`THINKENV_FUZZ=full`, as `.ci/run`
/// sets), a tenth in a plain `swift test`, so that the suite runs at a speed people run.
enum Fuzz {
    static func cases(full: Int) -> Int {
        ProcessInfo.processInfo.environment["THINKENV_FUZZ"] == "full" ? full : max(1, full / 10)
    }
}
