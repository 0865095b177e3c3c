import Testing

@testable import ThinkingCore

@Suite("Council")
struct CouncilTests {
    func council() throws -> Driver {
        try Driver(Fixture.council(), people: Fixture.five, presenter: "Chloé")
    }

    @Test func theWholeCouncilInOrder() throws {
        var d = try council()
        try d.act(.begin)
        #expect(d.session.stage.liveTurn?.role == .presenter)
        #expect(d.thinker == "Chloé")
        d.wait(.seconds(540))
        try d.act(.handOn)
        #expect(d.session.stage == .question(step: 1))
        try d.act(.frameQuestion(text: "  How might I lead this change with ease?  "))
        #expect(d.session.framedQuestion == "How might I lead this change with ease?")
        #expect(
            d.session.question(forStep: 2) == .init(text: "How might I lead this change with ease?", source: .presenter)
        )
        // Before the question was asked it was not in force, and the asking step has its own.
        #expect(d.session.question(forStep: 0)?.source != .presenter)
        #expect(d.session.question(forStep: 1)?.source != .presenter)
        for round in 1...3 {
            #expect(d.session.stage == .ready(step: StepIndex(2 * round)))
            try d.act(.begin)
            for _ in 0..<4 { try d.act(.handOn) }
            #expect(d.session.stage == .ready(step: StepIndex(2 * round + 1)))
            try d.act(.begin)
            #expect(d.session.stage.liveTurn?.role == .presenter)
            try d.act(.handOn)
        }
        try d.act(.begin)
        for _ in 0..<4 { try d.act(.handOn) }
        #expect(d.session.stage == .complete)
        let roles = d.session.turns.map(\.role)
        #expect(roles.filter { $0 == .presenter }.count == 4)
        #expect(d.session.turns.count == 4 + 4 * 4)
    }

    @Test func thePresenterNeverGetsAMemberTurn() throws {
        var d = try council()
        try d.act(.begin); try d.act(.handOn)
        try d.act(.frameQuestion(text: "What if?"))
        while d.session.stage != .complete {
            if case .ready = d.session.stage { try d.act(.begin) }
            if d.session.stage.liveTurn?.role == .member {
                #expect(d.thinker != "Chloé")
                try d.act(.pass)
            } else if d.session.stage.liveTurn != nil {
                try d.act(.handOn)
            }
        }
        let members = d.session.turns.filter { $0.role == .member }
        #expect(!members.contains { $0.person == 2 })
        // each of the three rounds and the appreciation: four members, passing twice each
        #expect(members.count == 4 * 4 * 2)
    }

    @Test func theAppreciationRoundIsForThePresenter() throws {
        let definition = Fixture.council()
        let last = try #require(definition.steps.last)
        #expect(last.to == .presenter && last.who == .members)
        #expect(definition.needsPresenter)
    }

    @Test func anEmptyQuestionIsRefused() throws {
        var d = try council()
        try d.act(.begin); try d.act(.handOn)
        #expect(throws: Rejection.emptyText) { try d.act(.frameQuestion(text: "   ")) }
        #expect(throws: Rejection.noQuestionAsked) {
            var other = try council()
            try other.act(.frameQuestion(text: "too early"))
        }
    }

    @Test func aCouncilNeedsAPresenterWhoDoesNotStart() {
        #expect(throws: PlanError.presenterNeeded("Council")) {
            try SessionPlan.make(definition: Fixture.council(), names: Fixture.five)
        }
        #expect(throws: PlanError.presenterCannotStart) {
            try SessionPlan.make(definition: Fixture.council(), names: Fixture.five, presenter: "Ana", starter: "ana")
        }
        #expect(throws: PlanError.tooFewPeople(needed: 3, for: "Council")) {
            try SessionPlan.make(definition: Fixture.council(), names: ["Ana", "Ben"], presenter: "Ana")
        }
    }

    /// A plan read back from a file with a starter who is not among its people says so.
    @Test func aStarterOutsideThePeopleIsNamedAsSuch() throws {
        var plan = try SessionPlan.make(definition: Fixture.round(), names: ["Ana", "Ben", "Chloé"])
        plan.starter = 7
        #expect(throws: PlanError.unknownStarter(8, of: 3)) { try plan.check() }
        #expect(PlanError.unknownStarter(8, of: 3).description == "The starter is person 8, but there are only 3.")
    }

    @Test func thePresentersTurnReachesTimeWithoutBeingCutOff() throws {
        var d = try council()
        try d.act(.begin)
        d.wait(.seconds(660))
        #expect(d.facts.contains(Fact(at: .seconds(600), .timeReached(person: 2))))
        #expect(d.thinker == "Chloé")
        try d.act(.handOn)
        #expect(d.session.turns.first?.overrun == .seconds(60))
    }
}
