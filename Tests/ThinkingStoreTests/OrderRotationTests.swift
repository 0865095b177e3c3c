import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Fair order across sessions, and each step's own settings", .serialized)
struct OrderRotationTests {
    func session(_ names: [String], starter: String?, in dir: TemporaryDirectory) throws {
        let definition = try ProtocolCatalog(environment: dir.environment).resolve("round").get()
        let plan = try SessionPlan.make(definition: definition, names: names, starter: starter)
        let log = try SessionLog.start(plan: plan, paths: try dir.paths, program: "test")
        var session = Session(plan: plan)
        log.record(.begin, at: .seconds(1), facts: try session.handle(.begin, at: .seconds(1)))
        _ = log.close(finished: false)
        Thread.sleep(forTimeInterval: 1.05)  // file names carry the second they started
    }

    @Test func theNextSessionWithTheSamePeopleStartsAfterLastTimesStarter() throws {
        let dir = try TemporaryDirectory()
        let sessions = try dir.paths.sessionsDirectory
        #expect(OrderRotation.nextStarter(for: ["Ana", "Ben", "Chloé"], in: sessions) == nil)
        try session(["Ana", "Ben", "Chloé"], starter: "Ben", in: dir)
        try session(["Ana", "Zed"], starter: "Zed", in: dir)
        let next = try #require(OrderRotation.nextStarter(for: ["chloé", "Ana", "Ben"], in: sessions))
        // Ben started last time; after him in today's order (chloé, Ana, Ben) comes chloé.
        #expect(next.name == "chloé")
        #expect(OrderRotation.nextStarter(for: ["Ana", "Zed"], in: sessions)?.name == "Ana")
    }

    @Test func eachStepCanHaveItsOwnQuestionAndTurn() throws {
        let dir = try TemporaryDirectory()
        var request = PlanRequest(protocolName: "council", people: "Ana, Ben, Chloé", presenter: "Ana")
        request.stepQuestions = [3: "What do you notice?"]
        request.stepTurns = [3: "90s"]
        request.total = "20m"
        let plan = try request.plan(catalog: ProtocolCatalog(environment: dir.environment))
        #expect(plan.definition.steps[2].question == "What do you notice?")
        #expect(plan.definition.steps[2].turn == .seconds(90))
        #expect(plan.total == .seconds(1200))
        request.stepTurns = [12: "1m"]
        #expect(throws: SetupError.noSuchStep(12, 9)) {
            try request.plan(catalog: ProtocolCatalog(environment: dir.environment))
        }
    }
}
