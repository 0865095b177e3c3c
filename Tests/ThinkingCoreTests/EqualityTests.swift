import Testing

@testable import ThinkingCore

@Suite("Equality: the one rule")
struct EqualityTests {
    /// Ana speaks 60 s with Ben and Chloé there; Dev arrives; Ben leaves; Chloé 30 s, Dev 30 s.
    /// Each turn is shared among those present when it began.
    @Test func aFairShareAllowsForArrivalsAndDepartures() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(1)), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        d.wait(.seconds(60))
        try d.act(.handOn)  // Ana 60 s, three present
        try d.act(.join(name: "Dev"))
        try d.act(.leave(person: 1))  // Ben, thinking, leaves at once: 0 s
        d.wait(.seconds(30))
        try d.act(.handOn)  // Chloé 30 s, Ana, Chloé, Dev present
        d.wait(.seconds(30))
        try d.act(.handOn)  // Dev 30 s
        let equality = d.session.equality(until: d.clock.now)
        #expect(equality.people.map(\.speaking) == [.seconds(60), .zero, .seconds(30), .seconds(30)])
        #expect(equality.people.map(\.fairShare) == [.seconds(40), .seconds(20), .seconds(40), .seconds(20)])
        #expect(equality.people.compactMap(\.fairShare).reduce(.zero, +) == equality.total)
        #expect(equality.people.map(\.present) == [.seconds(120), .seconds(60), .seconds(120), .seconds(60)])
        #expect(equality.people.map(\.share) == [500, 0, 250, 250])
        // Ben was there and never spoke: he counts as 0:00.
        #expect(equality.spread?.shortest == .zero && equality.spread?.ratio == nil)
    }

    @Test("shares add up to 100.0 % whatever the times", arguments: 0..<200)
    func sharesAddUpToAHundred(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let count = Int(random.next() % 9) + 1
        var d = try Driver(Fixture.round(rounds: .fixed(1)), people: (0..<count).map { "P\($0)" })
        try d.act(.begin)
        for _ in 0..<count {
            d.wait(.milliseconds(Int64(random.next() % 400_000)))
            try d.act(.handOn)
        }
        let equality = d.session.equality(until: d.clock.now)
        let shares = equality.people.compactMap(\.share)
        #expect(shares.count == count)
        if equality.people.contains(where: { $0.speaking >= .seconds(1) }) {
            #expect(shares.reduce(0, +) == 1000)
        }
        for row in equality.people where row.speaking < .seconds(1) { #expect(row.share == 0) }
    }

    @Test func thePresenterIsReportedApart() throws {
        var d = try Driver(Fixture.council(), people: ["Ana", "Ben", "Chloé"], presenter: "Chloé")
        try d.act(.begin)
        d.wait(.seconds(300))
        try d.act(.handOn)
        try d.act(.frameQuestion(text: "How might I?"))
        try d.act(.begin)
        d.wait(.seconds(40))
        try d.act(.handOn)
        d.wait(.seconds(20))
        try d.act(.handOn)
        let equality = d.session.equality(until: d.clock.now)
        #expect(equality.presenterApart && equality.presenter?.person == 2)
        #expect(equality.total == .seconds(60))
        #expect(equality.people.map(\.share) == [667, 333, nil])
        #expect(
            equality.spread == .init(longest: .seconds(40), shortest: .seconds(20), difference: .seconds(20), ratio: 2))
        #expect(equality.spreadLine.hasPrefix("Spread among members (the Presenter is apart): longest 0:40"))
    }

    /// 3.4 s and 0.6 s read 0:03 and 0:00: the spread says 0:03 and no ratio (it said a
    /// difference of 0:02 and a ratio of 5.67 beside those clocks).
    @Test func theSpreadIsOfTheSecondsShown() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(1)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.milliseconds(3400))
        try d.act(.handOn)
        d.wait(.milliseconds(600))
        try d.act(.handOn)
        let spread = try #require(d.session.equality(until: d.clock.now).spread)
        #expect(spread == .init(longest: .seconds(3), shortest: .zero, difference: .seconds(3), ratio: nil))
    }

    /// The total is of the same whole seconds as the rows: 0:03 and 0:00 make 0:03 (the
    /// milliseconds summed made 0:04).
    @Test func theTotalIsOfTheSecondsShown() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(1)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.milliseconds(3400))
        try d.act(.handOn)
        d.wait(.milliseconds(600))
        try d.act(.handOn)
        #expect(d.session.equality(until: d.clock.now).total == .seconds(3))
    }

    /// Everyone spoke under a second: every clock reads 0:00, so nobody has spoken yet as far
    /// as the figures go (the spread said "longest 0:00, shortest 0:00").
    @Test func everyoneUnderASecondReadsAsNobody() throws {
        var d = try Driver(Fixture.round(rounds: .fixed(1)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.milliseconds(400))
        try d.act(.handOn)
        d.wait(.milliseconds(700))
        try d.act(.handOn)
        let equality = d.session.equality(until: d.clock.now)
        #expect(equality.total == .zero && equality.spread == nil)
        #expect(equality.people.map(\.share) == [0, 0])
        #expect(equality.spreadLine == "Spread: nobody has spoken")
    }

    /// A presence change for someone outside the roster (a hand-edited log, or a caller's
    /// mistake) is ignored, whichever side of it they are: a negative id trapped.
    @Test(arguments: [-1, -40, 2, 99])
    func aPresenceChangeOutsideTheRosterIsIgnored(id: Int) {
        let turn = TurnRecord(
            step: 0, kind: .round, round: 1, turn: 1, person: 0, role: .member, startedAt: .seconds(10),
            endedAt: .seconds(40), active: .seconds(30), allotted: nil, passed: false, endedBy: .thinker,
            secondOffer: false, group: nil)
        let equality = Equality(
            count: 2, initial: 2, presenter: nil, turns: [turn], interruptions: [],
            presence: [PresenceChange(at: .seconds(5), person: PersonID(id), arrived: false)], until: .seconds(60))
        #expect(equality.people.map(\.fairShare) == [.seconds(15), .seconds(15)])
        #expect(equality.people.map(\.present) == [.seconds(60), .seconds(60)])
    }

    @Test func nobodySpokeYet() throws {
        let d = try Driver(Fixture.round(rounds: .fixed(1)), people: ["Ana", "Ben"])
        let equality = d.session.equality(until: .zero)
        #expect(equality.spread == nil && equality.total == .zero)
        #expect(equality.people.map(\.share) == [0, 0])
        #expect(equality.spreadLine == "Spread: nobody has spoken")
    }

    @Test func percentsAndRatios() {
        #expect(Equality.percent(125) == "12.5%" && Equality.percent(1000) == "100.0%" && Equality.percent(nil) == "—")
        #expect(
            Equality.ratioText(4.4) == "4.40" && Equality.ratioText(1.755) == "1.76" && Equality.ratioText(3) == "3.00")
    }
}

@Suite("Undo keeps the last hundred points")
struct UndoDepthTests {
    /// 250 hand-ons, then undo as far as it goes: exactly the last 100 come back, and the
    /// history compares equal to one that never forgot anything beyond them.
    @Test func undoGoesBackAHundredHandOnsAndNoFurther() throws {
        let people = (1...10).map { "P\($0)" }
        var d = try Driver(Fixture.round(rounds: .fixed(30)), people: people)
        try d.act(.begin)
        for _ in 0..<250 {
            d.wait(.seconds(5))
            try d.act(.handOn)
        }
        var undone = 0
        while d.session.canUndo {
            try d.act(.undo)
            undone += 1
        }
        #expect(undone == Session.undoDepth)
        #expect(d.session.turns.count == 150)
        #expect(throws: Rejection.nothingToUndo) { try d.act(.undo) }
    }
}
