import Testing

@testable import ThinkingCore

@Suite("Timed talk, dialogue, open discussion, thinking partnership")
struct OpenStepTests {
    static func one(_ step: StepDefinition, name: String = "Test") -> ProtocolDefinition {
        ProtocolDefinition(id: "test", name: name, summary: "", steps: [step])
    }

    static let talk = one(
        StepDefinition(kind: .talk, title: "Timed talk", turn: .seconds(120), pass: false, components: [.equality]))
    static let dialogue = one(
        StepDefinition(kind: .dialogue, title: "Dialogue", time: .seconds(600), components: [.attention]),
        name: "Dialogue")
    static let discussion = one(
        StepDefinition(
            kind: .discussion, title: "Open discussion", time: .seconds(900), notes: true, components: [.difference]))
    static let partnership = one(
        StepDefinition(kind: .partnership, title: "Thinking partnership", components: [.incisiveQuestions]),
        name: "Partnership")

    @Test func aTimedTalkGivesEveryoneTheSameTimeWithoutPassing() throws {
        var d = try Driver(Self.talk, people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        #expect(throws: Rejection.passNotAllowed) { try d.act(.pass) }
        d.wait(.seconds(150))
        #expect(d.facts.contains(Fact(at: .seconds(120), .timeReached(person: 0))))
        try d.act(.handOn)
        d.wait(.seconds(100)); try d.act(.handOn)
        d.wait(.seconds(120)); try d.act(.handOn)
        #expect(d.session.stage == .complete)
        #expect(d.session.turns.map(\.kind) == [.talk, .talk, .talk])
        #expect(d.session.turns.allSatisfy { $0.allotted == .seconds(120) })
        #expect(d.session.turns[0].overrun == .seconds(30))
    }

    @Test func aTimedTalkNeedsATurnTime() {
        let untimed = Self.one(StepDefinition(kind: .talk, title: "Talk", components: [.equality]))
        #expect(throws: PlanError.pairsNeedTurnTime(step: StepIndex(0))) {
            try SessionPlan.make(definition: untimed, names: ["Ana", "Ben"])
        }
    }

    @Test func aDialogueGoesBackAndForthAndKeepsRunningTotals() throws {
        var d = try Driver(Self.dialogue, people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(40)); try d.act(.handOn)
        #expect(d.thinker == "Ben")
        d.wait(.seconds(25)); try d.act(.handOn)
        #expect(d.thinker == "Ana")
        d.wait(.seconds(10))
        let totals = d.session.roomView(at: d.clock.now).totals
        #expect(totals.map(\.name) == ["Ana", "Ben"])
        #expect(totals.map(\.time) == [.seconds(50), .seconds(25)])
        #expect(totals.map(\.speaking) == [true, false])
        #expect(d.session.roomView(at: d.clock.now).stepTime?.used == .seconds(75))
    }

    @Test func whenTheDialoguesTimeIsUpNobodyIsCutOff() throws {
        var d = try Driver(Self.dialogue, people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(590)); try d.act(.handOn)
        d.wait(.seconds(30))
        #expect(d.facts.contains(Fact(at: .seconds(600), .stepTimeReached(step: 0))))
        #expect(d.thinker == "Ben")
        try d.act(.handOn)
        #expect(d.session.stage == .complete)
        #expect(d.session.turns.map(\.person) == [0, 1])
    }

    @Test func dialoguesAndPartnershipsAreForTwo() {
        #expect(throws: PlanError.exactlyTwo("Dialogue")) {
            try SessionPlan.make(definition: Self.dialogue, names: ["Ana", "Ben", "Chloé"])
        }
        #expect(throws: PlanError.exactlyTwo("Partnership")) {
            try SessionPlan.make(definition: Self.partnership, names: ["Ana"])
        }
    }

    @Test func inADiscussionTheFacilitatorMarksWhoSpeaks() throws {
        var d = try Driver(Self.discussion, people: ["Ana", "Ben", "Chloé", "Dev"])
        try d.act(.begin)
        #expect(d.thinker == nil)
        #expect(throws: Rejection.noTurnInProgress) { try d.act(.handOn) }
        try d.act(.speak(person: 2))
        d.wait(.seconds(30))
        try d.act(.speak(person: 0))  // Chloé's turn ends as Ana begins: never cut off by the switch
        #expect(throws: Rejection.alreadySpeaking) { try d.act(.speak(person: 0)) }
        d.wait(.seconds(20))
        try d.act(.handOn)  // a silence
        d.wait(.seconds(5))
        try d.act(.speak(person: 2))
        d.wait(.seconds(10))
        #expect(d.session.turns.map(\.person) == [2, 0])
        #expect(d.session.turns.map(\.active) == [.seconds(30), .seconds(20)])
        let tallies = d.session.roomView(at: d.clock.now).totals
        #expect(tallies.first { $0.name == "Chloé" }?.time == .seconds(40))
        #expect(tallies.first { $0.name == "Chloé" }?.turns == 2)
        try d.act(.undo)
        #expect(d.thinker == nil)
    }

    @Test func aDiscussionBecomesARoundFromTheNextPerson() throws {
        var d = try Driver(Self.discussion, people: ["Ana", "Ben", "Chloé", "Dev"])
        try d.act(.begin)
        try d.act(.speak(person: 1))
        d.wait(.seconds(12))
        try d.act(.roundFromHere)
        #expect(d.thinker == "Chloé")
        for _ in 0..<4 { try d.act(.handOn) }
        #expect(d.session.stage == .complete)
        #expect(d.spoken == ["Ben", "Chloé", "Dev", "Ana", "Ben"])
        #expect(d.session.turns.map(\.kind) == [.discussion, .round, .round, .round, .round])
    }

    @Test func aDiscussionEndsWhenTheFacilitatorMovesOn() throws {
        var d = try Driver(Self.discussion, people: ["Ana", "Ben"])
        try d.act(.begin)
        try d.act(.speak(person: 1))
        d.wait(.seconds(1000))
        #expect(d.facts.contains(Fact(at: .seconds(900), .stepTimeReached(step: 0))))
        #expect(d.thinker == "Ben")
        try d.act(.endStep)
        #expect(d.session.stage == .complete)
        #expect(d.session.turns.first?.endedBy == .facilitator)
        #expect(throws: Rejection.notOpenEnded) {
            var round = try Driver(Fixture.round(), people: ["Ana", "Ben"])
            try round.act(.begin)
            try round.act(.endStep)
        }
    }

    @Test func aPartnershipMovesThroughItsSixPartsAtTheThinkersPace() throws {
        var d = try Driver(Self.partnership, people: ["Ana", "Ben"], starter: "Ben")
        try d.act(.begin)
        #expect(d.thinker == "Ben")
        #expect(d.session.roomView(at: d.clock.now).partner == "Ana")
        for part in 1...6 {
            #expect(d.session.roomView(at: d.clock.now).part?.number == part)
            d.wait(.seconds(Int64(60 * part)))
            try d.act(.handOn)
        }
        #expect(d.session.stage == .complete)
        #expect(d.session.turns.map(\.turn) == [1, 2, 3, 4, 5, 6])
        #expect(d.session.turns.allSatisfy { $0.allotted == nil && $0.person == 1 && $0.kind == .partnership })
        #expect(d.facts.filter { if case .partStarted = $0.what { true } else { false } }.count == 6)
    }

    @Test func theIncisiveQuestionIsKeptOnlyIfTheThinkerChooses() throws {
        var d = try Driver(Self.partnership, people: ["Ana", "Ben"])
        try d.act(.begin)
        #expect(throws: Rejection.notTheIncisiveQuestion) { try d.act(.keepIncisiveQuestion(text: "too soon")) }
        for _ in 0..<3 { try d.act(.handOn) }
        #expect(d.session.incisiveQuestion == nil)
        try d.act(.keepIncisiveQuestion(text: "  If you knew you were ready, how would you begin?  "))
        #expect(d.session.incisiveQuestion == "If you knew you were ready, how would you begin?")
        #expect(d.session.roomView(at: d.clock.now).question == nil)  // never projected
    }
}
