import Testing

@testable import ThinkingCore

@Suite("Rounds")
struct RoundTests {
    @Test(
        "order from the starter in each direction",
        arguments: [
            (Direction.clockwise, "Chloé", ["Chloé", "Dev", "Eun", "Ana", "Ben"]),
            (.anticlockwise, "Chloé", ["Chloé", "Ben", "Ana", "Eun", "Dev"]),
            (.clockwise, "Ana", ["Ana", "Ben", "Chloé", "Dev", "Eun"]),
            (.anticlockwise, "Ana", ["Ana", "Eun", "Dev", "Chloé", "Ben"]),
        ])
    func order(direction: Direction, starter: String, expected: [String]) throws {
        var d = try Driver(Fixture.round(), people: Fixture.five, starter: starter, direction: direction)
        try d.act(.begin)
        guard case .round(let progress) = d.session.stage else { Issue.record("no round"); return }
        #expect(d.names(progress.order) == expected)
        #expect(d.thinker == starter)
    }

    @Test func everyoneOnceThenTheStepCompletes() throws {
        var d = try Driver(Fixture.round(), people: Fixture.five)
        try d.act(.begin)
        for _ in 0..<5 {
            d.wait(.seconds(30))
            try d.act(.handOn)
        }
        #expect(d.spoken == Fixture.five)
        #expect(d.session.stage == .complete)
        #expect(d.facts.last?.what == .protocolCompleted)
    }

    @Test func aPassIsOfferedAgainAtTheEndOnce() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben", "Chloé", "Dev"])
        try d.act(.begin)
        try d.act(.pass)  // Ana
        try d.act(.handOn)  // Ben
        try d.act(.pass)  // Chloé
        try d.act(.handOn)  // Dev
        #expect(d.thinker == "Ana")
        #expect(d.session.stage.liveTurn?.secondOffer == true)
        try d.act(.handOn)  // Ana speaks now
        #expect(d.thinker == "Chloé")
        try d.act(.pass)  // Chloé passes again: final
        #expect(d.spoken == ["-Ana", "Ben", "-Chloé", "Dev", "Ana", "-Chloé"])
        #expect(d.session.stage == .complete)
    }

    @Test func passingIsRefusedWhereTheStepForbidsIt() throws {
        var d = try Driver(Fixture.round(pass: false), people: ["Ana", "Ben"])
        try d.act(.begin)
        let before = d.session
        #expect(throws: Rejection.passNotAllowed) { try d.act(.pass) }
        #expect(d.session == before)
    }

    @Test func reachingTheTimeDoesNotEndTheTurn() throws {
        var d = try Driver(Fixture.round(turn: .seconds(60)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(59))
        #expect(!d.facts.contains { if case .timeReached = $0.what { true } else { false } })
        d.wait(.seconds(30))
        #expect(d.facts.last == Fact(at: .seconds(60), .timeReached(person: 0)))
        #expect(d.thinker == "Ana")
        d.wait(.seconds(12))
        try d.act(.handOn)
        let turn = try #require(d.session.turns.first)
        #expect(turn.active == .seconds(101))
        #expect(turn.overrun == .seconds(41))
        #expect(turn.endedBy == .thinker)
    }

    @Test func everyTurnInAStepGetsTheSameTime() throws {
        var d = try Driver(Fixture.round(turn: .seconds(90)), people: Fixture.five)
        try d.act(.begin)
        for seconds in [10, 200, 0, 90, 45] {
            d.wait(.seconds(seconds))
            try d.act(seconds == 0 ? .pass : .handOn)
        }
        d.wait(.seconds(5))
        try d.act(.handOn)  // the second offer
        #expect(Set(d.session.turns.map(\.allotted)) == [.seconds(90)])
    }

    @Test func withoutALimitTheTimeIsNeverReached() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(3600))
        #expect(d.facts.allSatisfy { if case .timeReached = $0.what { false } else { true } })
        #expect(d.session.stage.liveTurn?.allotted == nil)
    }

    @Test func keepGoingRoundUntilEverybodyPasses() throws {
        var d = try Driver(Fixture.round(rounds: .untilAllPass), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        try d.act(.handOn); try d.act(.pass); try d.act(.pass)  // round 1
        try d.act(.pass); try d.act(.handOn)  // second offers: Ben passes, Chloé speaks
        guard case .round(let second) = d.session.stage else { Issue.record("stopped"); return }
        #expect(second.round == 2)
        for _ in 0..<3 { try d.act(.pass) }  // round 2: all pass
        for _ in 0..<3 { try d.act(.pass) }  // and pass again when offered
        #expect(d.session.stage == .complete)
        #expect(d.session.turns.filter { $0.round == 2 }.allSatisfy { $0.passed })
    }

    @Test func keepGoingRoundStopsWhenTheStepTimeIsUsed() throws {
        var d = try Driver(
            Fixture.round(rounds: .untilAllPass, time: .seconds(120)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(70)); try d.act(.handOn)
        d.wait(.seconds(60)); try d.act(.handOn)
        #expect(d.session.stage == .complete)
    }

    @Test func aFixedNumberOfRounds() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(3)), people: ["Ana", "Ben"])
        try d.act(.begin)
        for _ in 0..<6 { try d.act(.handOn) }
        #expect(d.session.turns.map(\.round) == [1, 1, 2, 2, 3, 3])
        #expect(d.session.stage == .complete)
    }

    @Test(
        "rotation between rounds",
        arguments: [
            (Rotation.none, ["Ana", "Ben", "Chloé", "Ana", "Ben", "Chloé"]),
            (.starter, ["Ana", "Ben", "Chloé", "Ben", "Chloé", "Ana"]),
            (.direction, ["Ana", "Ben", "Chloé", "Ana", "Chloé", "Ben"]),
            (.both, ["Ana", "Ben", "Chloé", "Ben", "Ana", "Chloé"]),
        ])
    func rotation(rotate: Rotation, expected: [String]) throws {
        var d = try Driver(Fixture.round(rounds: .fixed(2), rotate: rotate), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        for _ in 0..<6 { try d.act(.handOn) }
        #expect(d.spoken == expected)
        let starts = d.facts.compactMap { fact -> Direction? in
            if case .roundStarted(_, _, _, let direction, _) = fact.what { direction } else { nil }
        }
        #expect(starts.count == 2)
    }

    @Test func aSeededRandomOrderIsReproducible() throws {
        let people = (1...12).map { "P\($0)" }
        func order(_ seed: UInt64) throws -> [String] {
            var d = try Driver(Fixture.round(), people: people, seed: seed)
            try d.act(.begin)
            guard case .round(let progress) = d.session.stage else { return [] }
            return d.names(progress.order)
        }
        #expect(try order(7) == order(7))
        #expect(try order(7) != order(8))
        #expect(try Set(order(7)) == Set(people))
        #expect(try order(7) != people)
        // The shuffle is our own: a recorded seed must give the same order in any release.
        var generator = SplitMix64(seed: 42)
        #expect(generator.shuffled(Array(0..<6)) == [4, 3, 0, 2, 5, 1])  // computed independently in Python
    }

    @Test func beforeTheStepBeginsNobodyIsThinking() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        #expect(throws: Rejection.noTurnInProgress) { try d.act(.handOn) }
        #expect(throws: Rejection.noTurnInProgress) { try d.act(.pass) }
        try d.act(.begin)
        #expect(throws: Rejection.nothingToBegin) { try d.act(.begin) }
    }
}
