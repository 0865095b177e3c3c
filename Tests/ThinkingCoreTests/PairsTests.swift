import Testing

@testable import ThinkingCore

@Suite("Thinking pairs")
struct PairsTests {
    @Test(
        "paired in order, a trio when odd",
        arguments: [
            (2, [[0, 1]]),
            (3, [[0, 1, 2]]),
            (4, [[0, 1], [2, 3]]),
            (5, [[0, 1], [2, 3, 4]]),
            (7, [[0, 1], [2, 3], [4, 5, 6]]),
        ])
    func grouping(count: Int, expected: [[PersonID]]) {
        #expect(Session.groups(of: (0..<count).people) == expected)
    }

    @Test func theRoomSwapsAtTimeOnOneClock() throws {
        var d = try Driver(Fixture.pairs(turn: .seconds(300)), people: ["Ana", "Ben", "Chloé", "Dev"])
        try d.act(.begin)
        guard case .pairs(let first) = d.session.stage else { Issue.record("no pairs"); return }
        #expect(d.names(first.thinkers) == ["Ana", "Chloé"])
        d.wait(.seconds(299))
        #expect(d.session.turns.isEmpty)
        d.wait(.seconds(3))  // the tick comes late: the swap is still at exactly 300 s
        guard case .pairs(let second) = d.session.stage else { Issue.record("ended"); return }
        #expect(second.half == 1)
        #expect(second.halfStartedAt == .seconds(300))
        #expect(d.names(second.thinkers) == ["Ben", "Dev"])
        #expect(d.session.turns.map(\.endedAt) == [.seconds(300), .seconds(300)])
        d.wait(.seconds(300))
        #expect(d.session.stage == .complete)
        let active = d.session.turns.map(\.active)
        #expect(active == Array(repeating: .seconds(300), count: 4))
        #expect(d.session.turns.allSatisfy { $0.endedBy == .time && $0.role == .thinker })
    }

    @Test func finishingEarlyDoesNotEndTheThinkersTime() throws {
        var d = try Driver(Fixture.pairs(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(60))
        let before = d.session
        #expect(throws: Rejection.pairsTimeBelongsToThinker) { try d.act(.handOn) }
        #expect(throws: Rejection.passNotAllowed) { try d.act(.pass) }
        #expect(d.session == before)
    }

    @Test func anEarlySwapIsAFacilitatorOverride() throws {
        var d = try Driver(Fixture.pairs(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(100))
        try d.act(.swapEarly)
        let turn = try #require(d.session.turns.first)
        #expect(turn.endedBy == .facilitator)
        #expect(turn.active == .seconds(100))
        #expect(d.facts.contains(Fact(at: .seconds(100), .earlySwap(step: 0, half: 0))))
        guard case .pairs(let progress) = d.session.stage else { Issue.record("ended"); return }
        #expect(progress.halfStartedAt == .seconds(100))
        #expect(d.names(progress.thinkers) == ["Ben"])
    }

    @Test func aTrioHasThreeEqualTurnsWhileThePairsRest() throws {
        var d = try Driver(Fixture.pairs(turn: .seconds(180)), people: Fixture.five)
        try d.act(.begin)
        d.wait(.seconds(360))
        guard case .pairs(let third) = d.session.stage else { Issue.record("ended"); return }
        #expect(third.half == 2)
        #expect(d.names(third.thinkers) == ["Eun"])
        #expect(third.thinker(ofGroup: 0) == nil)
        d.wait(.seconds(180))
        #expect(d.session.stage == .complete)
        let trio = d.session.turns.filter { $0.group == 1 }
        #expect(d.names(trio.map(\.person)) == ["Chloé", "Dev", "Eun"])
        #expect(Set(trio.map(\.active)) == [.seconds(180)])
        #expect(d.session.turns.count == 2 + 3)
    }

    @Test func aPauseMovesTheSharedDeadline() throws {
        var d = try Driver(Fixture.pairs(turn: .seconds(300)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(100))
        try d.act(.pause)
        d.wait(.seconds(1000))
        #expect(d.session.turns.isEmpty)
        try d.act(.resume)
        d.wait(.seconds(199))
        #expect(d.session.turns.isEmpty)
        d.wait(.seconds(1))
        let turn = try #require(d.session.turns.first)
        #expect(turn.endedAt == .seconds(1300))
        #expect(turn.active == .seconds(300))
    }

    @Test func anHourOfPairsOnAManualClockRunsInAnInstant() throws {
        let definition = ProtocolDefinition(
            id: "long", name: "Long pairs", summary: "",
            steps: Array(repeating: StepDefinition(kind: .pairs, title: "Pairs", turn: .seconds(300)), count: 6))
        var d = try Driver(definition, people: Fixture.five)
        for _ in 0..<6 {
            try d.act(.begin)
            for _ in 0..<900 { d.wait(.seconds(1)) }  // a tick every second, like the screen
        }
        #expect(d.session.stage == .complete)
        #expect(d.clock.now == .seconds(5400))
        #expect(d.session.turns.count == 6 * (2 + 3))
        #expect(d.session.turns.allSatisfy { $0.active == .seconds(300) })
    }

    @Test func pairsNeedTwoPeople() {
        #expect(throws: PlanError.tooFewPeople(needed: 2, for: "Thinking pairs")) {
            try SessionPlan.make(definition: Fixture.pairs(), names: ["Ana"])
        }
    }
}
