import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Session log: failures and resume in every step kind", .serialized)
struct SessionLogDurabilityTests {
    static let council = ProtocolDefinition(
        id: "council", name: "Council", summary: "",
        steps: [
            StepDefinition(
                kind: .presenter, title: "The Presenter thinks aloud", turn: .seconds(600), components: [.attention]),
            StepDefinition(kind: .question, title: "The Presenter's question", components: [.incisiveQuestions]),
            StepDefinition(
                kind: .round, title: "Council round 1 of 3", turn: .seconds(60), who: .members, notes: true,
                components: [.equality]),
            StepDefinition(kind: .presenter, title: "Freshest thinking", turn: .seconds(120), components: [.attention]),
            StepDefinition(
                kind: .round, title: "Appreciation", who: .members, to: .presenter, components: [.appreciation]),
        ])
    static let pairs = ProtocolDefinition(
        id: "thinking-pairs", name: "Pairs", summary: "",
        steps: [StepDefinition(kind: .pairs, title: "Pairs", turn: .seconds(300), components: [.attention])])
    static let round = ProtocolDefinition(
        id: "round", name: "Round", summary: "",
        steps: [StepDefinition(kind: .round, title: "Round", turn: .seconds(60), notes: true, components: [.attention])]
    )

    static let people = ["Ana", "Ben", "Chloé", "Dev", "Eun"]

    /// Scripts that stop in each kind of step of the three core protocols.
    static let stops: [(String, ProtocolDefinition, [(Action, Int64)])] = [
        ("a round step ready", round, []),
        ("a round turn", round, [(.begin, 1), (.pass, 5), (.handOn, 30)]),
        (
            "a round's second offer", round,
            [(.begin, 1), (.pass, 2), (.handOn, 3), (.handOn, 4), (.handOn, 5), (.handOn, 6)]
        ),
        ("pairs, first half", pairs, [(.begin, 1)]),
        ("pairs, the trio's third turn", pairs, [(.begin, 1), (.tick, 700)]),
        ("the Presenter's turn", council, [(.begin, 1)]),
        ("the question step", council, [(.begin, 1), (.handOn, 400)]),
        (
            "a council round", council,
            [(.begin, 1), (.handOn, 400), (.frameQuestion(text: "How?"), 420), (.begin, 430), (.handOn, 460)]
        ),
        (
            "freshest thinking", council,
            [
                (.begin, 1), (.handOn, 400), (.frameQuestion(text: "How?"), 420), (.begin, 430), (.handOn, 460),
                (.handOn, 470), (.handOn, 480), (.handOn, 490), (.begin, 500),
            ]
        ),
    ]

    @Test("resume brings back the same stage", arguments: stops.indices)
    func resumeInEveryStepKind(index: Int) throws {
        let (_, definition, script) = Self.stops[index]
        let dir = try TemporaryDirectory()
        let plan = try SessionPlan.make(
            definition: definition, names: Self.people, presenter: definition.id == "council" ? "Chloé" : nil)
        let log = try SessionLog.start(plan: plan, paths: try dir.paths, program: "test")
        var session = Session(plan: plan)
        for (action, seconds) in script {
            let facts = try session.handle(action, at: .seconds(seconds))
            log.record(action, at: .seconds(seconds), facts: facts)
        }
        let last = script.last.map { Duration.seconds($0.1) } ?? .zero
        log.heartbeat(at: last + .seconds(7))
        _ = log.close(finished: false)

        let loaded = try SessionLoader.load(path: log.path)
        #expect(loaded.session == session)
        let (resumed, now, t) = try SessionLog.resume(loaded, paths: try dir.paths)
        _ = resumed.close(finished: false)
        _ = session.advance(to: last + .seconds(7))
        #expect(now.stage == session.stage)
        #expect(now.turns == session.turns)
        let downtime = try #require(now.pauses.last)
        #expect(downtime.from == last + .seconds(7) && downtime.to == t && downtime.reason == .programStopped)
        #expect(try SessionLoader.load(path: log.path).session == now)
    }

    @Test func aDiskThatFillsUpMidSessionLosesNothing() throws {
        let dir = try TemporaryDirectory()
        let plan = try SessionPlan.make(definition: Self.round, names: Self.people)
        let disk = FailingFileSystem()
        let log = try SessionLog.start(plan: plan, paths: try dir.paths, program: "test", fileSystem: disk)
        var session = Session(plan: plan)
        func act(_ action: Action, _ seconds: Int64) throws {
            let facts = try session.handle(action, at: .seconds(seconds))
            log.record(action, at: .seconds(seconds), facts: facts)
        }
        try act(.begin, 1)
        try act(.handOn, 10)
        disk.failAllWrites = (from: disk.writeCalls + 1, code: ENOSPC)
        try act(.pass, 20)
        try act(.addNote(text: "kept in memory"), 25)
        #expect(log.warning != nil)
        disk.failAllWrites = nil
        try act(.handOn, 40)
        #expect(log.warning == nil)
        try act(.handOn, 50)
        #expect(log.close(finished: false).message == nil)
        let loaded = try SessionLoader.load(path: log.path, checkFacts: true)
        #expect(loaded.session == session)
        #expect(loaded.problems.isEmpty)
    }

    @Test func aDiskThatNeverRecoversSendsEverythingToAFallbackFile() throws {
        let dir = try TemporaryDirectory()
        let plan = try SessionPlan.make(definition: Self.round, names: Self.people)
        let disk = FailingFileSystem()
        let log = try SessionLog.start(plan: plan, paths: try dir.paths, program: "test", fileSystem: disk)
        var session = Session(plan: plan)
        disk.failAllWrites = (from: disk.writeCalls + 1, code: EIO)
        for (action, seconds) in [(Action.begin, Int64(1)), (.handOn, 10), (.pass, 20)] {
            let facts = try session.handle(action, at: .seconds(seconds))
            log.record(action, at: .seconds(seconds), facts: facts)
        }
        let message = try #require(log.close(finished: false).message)
        #expect(message.contains(dir.path))
    }
}
