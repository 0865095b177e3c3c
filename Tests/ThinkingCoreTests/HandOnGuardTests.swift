import Foundation
import Testing

@testable import ThinkingCore

/// A quick double Space, or a key's auto-repeat, must not skip a person.
@Suite("Hand-on guard")
struct HandOnGuardTests {
    static func guarded(_ definition: ProtocolDefinition, _ people: [String]) throws -> Driver {
        var plan = try SessionPlan.make(definition: definition, names: people)
        plan.handOnGuard = SessionPlan.standardHandOnGuard
        return Driver(plan)
    }

    @Test func aHandOnWithinHalfASecondOfATurnsStartIsIgnoredAndRecorded() throws {
        var d = try Self.guarded(Fixture.round(), ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        d.wait(.seconds(20))
        try d.act(.handOn)  // Ana finishes: Ben begins
        d.wait(.milliseconds(3))
        let repeated = try d.act(.handOn)  // the key's repeat, 3 ms later
        #expect(repeated.map(\.what) == [.handOnIgnored(person: 1)])
        #expect(d.thinker == "Ben")
        d.wait(.milliseconds(500))
        try d.act(.handOn)  // half a second after the repeat: Ben has finished
        #expect(d.thinker == "Chloé")
        #expect(d.spoken == ["Ana", "Ben"])
    }

    @Test func aKeyHeldDownHandsOnOnceItIsLetGo() throws {
        var d = try Self.guarded(Fixture.round(), ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        d.wait(.seconds(20))
        try d.act(.handOn)  // Ana finishes: Ben begins, and the key stays down
        for _ in 0..<66 {  // two seconds of auto-repeat, every 30 ms
            d.wait(.milliseconds(30))
            #expect(try d.act(.handOn).map(\.what) == [.handOnIgnored(person: 1)])
        }
        #expect(d.thinker == "Ben")
        d.wait(.milliseconds(499))
        #expect(try d.act(.handOn).map(\.what) == [.handOnIgnored(person: 1)])
        d.wait(.milliseconds(500))
        try d.act(.handOn)  // let go, then pressed again half a second later
        #expect(d.thinker == "Chloé")
    }

    @Test func everyKindOfTurnIsGuarded() throws {
        // A partnership's parts: a double Space does not skip a part.
        var d = try Self.guarded(OpenStepTests.partnership, ["Zoë", "Fox"])
        try d.act(.begin)
        d.wait(.seconds(5))
        try d.act(.handOn)
        d.wait(.milliseconds(100))
        let thinker = try #require(d.session.stage.liveTurn?.person)
        #expect(try d.act(.handOn).map(\.what) == [.handOnIgnored(person: thinker)])
        #expect(d.session.roomView(at: d.clock.now).part?.number == 2)
    }

    @Test func aLogWrittenBeforeTheGuardReplaysAsItWasRun() throws {
        // No guard in the plan (an older log): hand-ons 3 ms apart still hand on.
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben", "Chloé"])
        #expect(d.session.plan.handOnGuard == nil)
        try d.act(.begin)
        try d.act(.handOn)
        d.wait(.milliseconds(3))
        try d.act(.handOn)
        #expect(d.thinker == "Chloé")
    }

    @Test func thePlanRecordsTheGuardAndOlderPlansDecodeWithout() throws {
        var plan = try SessionPlan.make(definition: Fixture.round(), names: ["Ana", "Ben"])
        plan.handOnGuard = .milliseconds(500)
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(SessionPlan.self, from: data).handOnGuard == .milliseconds(500))
        plan.handOnGuard = nil
        let older = try JSONEncoder().encode(plan)
        #expect(!String(decoding: older, as: UTF8.self).contains("handOnGuard"))
        #expect(try JSONDecoder().decode(SessionPlan.self, from: older).handOnGuard == nil)
    }
}
