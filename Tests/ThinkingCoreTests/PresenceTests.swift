import Testing

@testable import ThinkingCore

@Suite("Late arrivals, departures, a shared time budget")
struct PresenceTests {
    /// Every member of a council has left, only the Presenter is there: the members' round
    /// waits with nobody in its order and cannot begin (a message, not a crash), until
    /// someone arrives.
    @Test func aMembersRoundWithNoMemberLeftWaitsForSomeone() throws {
        var d = try Driver(Fixture.council(), people: ["Ana", "Ben", "Chloé"], presenter: "Chloé")
        try d.act(.begin)
        try d.act(.leave(person: 0))
        try d.act(.leave(person: 1))
        try d.act(.handOn)
        try d.act(.frameQuestion(text: "How might I?"))
        #expect(d.session.stage == .ready(step: 2))
        #expect(d.session.roomView(at: d.clock.now).order.isEmpty)
        #expect(throws: Rejection.nobodyHere) { try d.act(.begin) }
        try d.act(.join(name: "Dev"))
        try d.act(.begin)
        #expect(d.thinker == "Dev")
    }

    /// The last members leave during a round of a step that goes round again: the step ends
    /// there instead of starting a round with nobody in it.
    @Test func whenTheLastMembersLeaveMidStepTheStepEnds() throws {
        var definition = Fixture.council()
        definition.steps[2].rounds = .fixed(2)
        var d = try Driver(definition, people: ["Ana", "Ben", "Chloé"], presenter: "Chloé")
        try d.act(.begin)
        try d.act(.handOn)
        try d.act(.frameQuestion(text: "How might I?"))
        try d.act(.begin)
        #expect(d.thinker == "Ana")
        try d.act(.leave(person: 1))
        try d.act(.leave(person: 0))
        #expect(d.session.stage == .ready(step: 3))
        #expect(d.session.turns.last?.endedBy == .facilitator)
    }

    @Test func someoneArrivingJoinsTheOrderAtTheEndOfTheRound() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        try d.act(.pass)  // Ana
        try d.act(.join(name: " Dev "))
        try d.act(.handOn); try d.act(.handOn)  // Ben, Chloé
        #expect(d.thinker == "Dev")
        #expect(d.session.stage.liveTurn?.secondOffer == false)
        try d.act(.handOn)
        #expect(d.thinker == "Ana")  // the pass is offered again after the newcomer
        #expect(d.session.stage.liveTurn?.secondOffer == true)
        try d.act(.handOn)
        #expect(d.spoken == ["-Ana", "Ben", "Chloé", "Dev", "Ana"])
        #expect(d.facts.contains(Fact(at: .zero, .personJoined(person: 3, name: "Dev"))))
    }

    @Test func someoneArrivingWhilePassesAreOfferedAgainGetsAFirstOffer() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        try d.act(.pass); try d.act(.handOn)
        #expect(d.session.stage.liveTurn?.secondOffer == true)
        try d.act(.join(name: "Chloé"))
        try d.act(.pass)  // Ana's second pass is final
        #expect(d.thinker == "Chloé")
        #expect(d.session.stage.liveTurn?.secondOffer == false)
        try d.act(.pass)
        #expect(d.thinker == "Chloé")  // her first pass is offered again
    }

    @Test func namesStayUniqueAndSomeoneWhoLeftComesBackAsThemselves() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(2)), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        #expect(throws: Rejection.alreadyHere) { try d.act(.join(name: "ben")) }
        try d.act(.leave(person: 1))
        try d.act(.join(name: "Ben"))
        #expect(d.session.people == ["Ana", "Ben", "Chloé"])
        #expect(d.session.circle == [0, 1, 2])
    }

    @Test func someoneLeavingIsSkippedFromThenOnAndTheirTurnsAreKept() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(2)), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        d.wait(.seconds(10))
        try d.act(.handOn)  // Ana
        d.wait(.seconds(20))
        try d.act(.leave(person: 1))  // Ben leaves while thinking
        #expect(d.thinker == "Chloé")
        try d.act(.handOn)
        #expect(d.session.turns.map(\.endedBy) == [.thinker, .facilitator, .thinker])
        #expect(d.session.turns[1].active == .seconds(20))
        try d.act(.handOn); try d.act(.handOn)  // round 2: Ana, Chloé only
        #expect(d.spoken == ["Ana", "Ben", "Chloé", "Ana", "Chloé"])
        #expect(d.session.stage == .complete)
        #expect(d.session.equality(until: d.clock.now).people.map(\.turns) == [2, 1, 2])
    }

    @Test func nobodyLeavesWhoCannot() throws {
        var council = try Driver(Fixture.council(), people: Fixture.five, presenter: "Chloé")
        #expect(throws: Rejection.presenterCannotLeave) { try council.act(.leave(person: 2)) }
        var two = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try two.act(.leave(person: 0))
        #expect(throws: Rejection.lastPersonCannotLeave) { try two.act(.leave(person: 1)) }
        #expect(throws: Rejection.unknownPerson) { try two.act(.leave(person: 0)) }
    }

    @Test func aTotalIsSharedEquallyAndRecomputedWhenSomeoneArrives() throws {
        var plan = try SessionPlan.make(definition: Fixture.round(), names: (1...9).map { "P\($0)" })
        plan.total = .seconds(1800)
        var d = Driver(plan)
        try d.act(.begin)
        #expect(d.session.stage.liveTurn?.allotted == .seconds(200))  // 30m / 9 = 3m20s each
        try d.act(.join(name: "P10"))
        try d.act(.handOn)
        #expect(d.session.stage.liveTurn?.allotted == .seconds(180))  // 30m / 10
        #expect(d.session.turns.first?.allotted == .seconds(200))
    }
}
