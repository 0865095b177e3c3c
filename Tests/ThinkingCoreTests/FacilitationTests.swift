import Testing

@testable import ThinkingCore

@Suite("Undo, pause, recovery, notes")
struct FacilitationTests {
    @Test func undoingAHandOnRestoresTheSamePersonAndStart() throws {
        var d = try Driver(Fixture.round(turn: .seconds(60)), people: ["Ana", "Ben", "Chloé"])
        try d.act(.begin)
        d.wait(.seconds(40))
        try d.act(.handOn)
        let before = d.session
        d.wait(.seconds(5))
        try d.act(.handOn)  // Ben's hand-on was a mistake
        try d.act(.undo)
        #expect(d.session.stage == before.stage)
        #expect(d.session.turns == before.turns)
        #expect(d.thinker == "Ben")
        #expect(d.session.stage.liveTurn?.startedAt == .seconds(40))
        #expect(d.facts.last == Fact(at: .seconds(45), .undone(person: 1, startedAt: .seconds(40))))
    }

    @Test func undoingAPassForgetsIt() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        try d.act(.pass)
        try d.act(.undo)
        try d.act(.handOn); try d.act(.handOn)
        #expect(d.spoken == ["Ana", "Ben"])
        #expect(d.session.stage == .complete)
    }

    @Test func undoBringsBackTheLastTurnOfAFinishedStep() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        try d.act(.handOn)
        d.wait(.seconds(20))
        try d.act(.handOn)
        #expect(d.session.stage == .complete)
        try d.act(.undo)
        try d.act(.undo)
        #expect(d.thinker == "Ana")
        #expect(d.session.turns.isEmpty)
        #expect(throws: Rejection.nothingToUndo) { try d.act(.undo) }
    }

    @Test func undoDoesNotReachBackIntoAStepThatWasLeft() throws {
        var d = try Driver(Fixture.council(), people: Fixture.five, presenter: "Ana")
        try d.act(.begin); try d.act(.handOn)
        try d.act(.frameQuestion(text: "What now?"))
        try d.act(.begin)
        #expect(throws: Rejection.nothingToUndo) { try d.act(.undo) }
    }

    @Test func pausedTimeIsNotThinkingTime() throws {
        var d = try Driver(Fixture.round(turn: .seconds(60)), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(50))
        try d.act(.pause)
        d.wait(.seconds(600))
        #expect(!d.facts.contains { if case .timeReached = $0.what { true } else { false } })
        #expect(throws: Rejection.paused) { try d.act(.handOn) }
        #expect(throws: Rejection.paused) { try d.act(.pause) }
        try d.act(.resume)
        d.wait(.seconds(20))
        #expect(d.facts.contains(Fact(at: .seconds(660), .timeReached(person: 0))))
        try d.act(.handOn)
        #expect(d.session.turns[0].active == .seconds(70))
        #expect(d.session.pauses == [Pause(from: .seconds(50), to: .seconds(650), reason: .facilitator)])
        #expect(throws: Rejection.notPaused) { try d.act(.resume) }
    }

    @Test func recoveryKeepsTheTurnAndRecordsTheDowntime() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(30))
        try d.act(.handOn)  // Ben starts at 30 s
        d.clock.advance(by: .seconds(400))  // the program died at 100 s, came back at 430 s
        try d.act(.recover(since: .seconds(100)))
        #expect(d.thinker == "Ben")
        #expect(d.session.stage.liveTurn?.startedAt == .seconds(30))
        d.wait(.seconds(10))
        try d.act(.handOn)
        #expect(d.session.turns[1].active == .seconds(80))
        #expect(d.session.pauses.last == Pause(from: .seconds(100), to: .seconds(430), reason: .programStopped))
        #expect(d.facts.contains(Fact(at: .seconds(430), .downtime(from: .seconds(100)))))
    }

    @Test func recoveryDuringAPauseKeepsThePauseOpen() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(10))
        try d.act(.pause)
        d.clock.advance(by: .seconds(100))
        try d.act(.recover(since: .seconds(50)))
        #expect(d.session.isPaused)
        #expect(d.session.pauses.map(\.reason) == [.facilitator, .programStopped, .facilitator])
        try d.act(.resume)
        d.wait(.seconds(5))
        try d.act(.handOn)
        #expect(d.session.turns[0].active == .seconds(15))
    }

    @Test func recoveryCannotGoBackInTime() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        d.wait(.seconds(50))
        try d.act(.begin)
        d.wait(.seconds(50))
        #expect(throws: Rejection.badRecovery) { try d.act(.recover(since: .seconds(20))) }
    }

    @Test func notesAreRecordedOnlyWhereTheStepAllows() throws {
        var open = try Driver(Fixture.round(notes: true), people: ["Ana", "Ben"])
        try open.act(.begin)
        try open.act(.addNote(text: "  Ana: the timetable works  "))
        #expect(open.session.notes.map(\.text) == ["Ana: the timetable works"])
        #expect(open.session.notes.first?.person == 0)
        #expect(throws: Rejection.emptyText) { try open.act(.addNote(text: " ")) }

        var pairs = try Driver(Fixture.pairs(), people: ["Ana", "Ben"])
        try pairs.act(.begin)
        #expect(throws: Rejection.notesNotRecordedHere) { try pairs.act(.addNote(text: "private")) }
        #expect(pairs.session.notes.isEmpty)
    }

    @Test func anInterruptionIsCountedAndTheClockGoesOn() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        #expect(throws: Rejection.noTurnInProgress) { try d.act(.noteInterruption) }
        try d.act(.begin)
        d.wait(.seconds(12))
        try d.act(.noteInterruption)
        d.wait(.seconds(8))
        try d.act(.handOn)
        #expect(d.session.interruptions == [Interruption(at: .seconds(12), step: 0, person: 0)])
        #expect(d.session.turns[0].active == .seconds(20))
    }

    @Test func finishingRecordsTheTurnUnderWayAndEndsEverything() throws {
        var d = try Driver(Fixture.round(), people: ["Ana", "Ben"])
        try d.act(.begin)
        d.wait(.seconds(25))
        try d.act(.finish)
        #expect(d.session.stage == .finished)
        #expect(d.session.turns.first?.endedBy == .facilitator)
        #expect(d.session.turns.first?.active == .seconds(25))
        #expect(throws: Rejection.finished) { try d.act(.handOn) }
        #expect(throws: Rejection.finished) { try d.act(.tick) }
    }
}
