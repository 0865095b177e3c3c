import Testing
import ThinkingCore

@testable import ThinkingTUI

@Suite("Keys, clock text, setup form")
struct ControlsTests {
    func session(_ definition: ProtocolDefinition, _ script: [(Action, Int64)] = []) throws -> Session {
        try ScreenFixtures.session(
            definition, ["Ana", "Ben", "Chloé"], presenter: definition.needsPresenter ? "Ana" : nil, script)
    }

    @Test func spaceBeginsAStepThenHandsOn() throws {
        var controls = Controls()
        #expect(controls.interpret(.character(" "), session: try session(ScreenFixtures.round)) == .act(.begin))
        #expect(controls.interpret(.enter, session: try session(ScreenFixtures.round, [(.begin, 0)])) == .act(.handOn))
    }

    @Test func inPairsSpaceAsksBeforeSwappingEarly() throws {
        let pairs = try session(ScreenFixtures.pairs, [(.begin, 0)])
        var controls = Controls()
        #expect(controls.interpret(.character(" "), session: pairs) == .none)
        #expect(controls.overlay == .confirmSwap)
        #expect(controls.interpret(.character("n"), session: pairs) == .none)
        #expect(controls.overlay == .none)
        _ = controls.interpret(.character(" "), session: pairs)
        #expect(controls.interpret(.character("y"), session: pairs) == .act(.swapEarly))
    }

    @Test func quittingAsksFirst() throws {
        let round = try session(ScreenFixtures.round, [(.begin, 0)])
        var controls = Controls()
        #expect(controls.interpret(.character("q"), session: round) == .none)
        #expect(controls.interpret(.character("x"), session: round) == .none)
        #expect(controls.interpret(.ctrlC, session: round) == .none)
        #expect(controls.overlay == .confirmQuit)
        #expect(controls.interpret(.character("y"), session: round) == .quit)
    }

    @Test func atTheSummaryQFinishes() throws {
        let done = try session(ScreenFixtures.round, [(.begin, 0), (.handOn, 1), (.handOn, 2), (.handOn, 3)])
        var controls = Controls()
        #expect(controls.interpret(.character("q"), session: done) == .finish)
    }

    @Test func theOtherKeys() throws {
        let round = try session(ScreenFixtures.round, [(.begin, 0)])
        var controls = Controls()
        #expect(controls.interpret(.character("p"), session: round) == .act(.pass))
        #expect(controls.interpret(.character("u"), session: round) == .act(.undo))
        #expect(controls.interpret(.character("z"), session: round) == .act(.pause))
        var paused = round
        _ = try paused.handle(.pause, at: .seconds(1))
        #expect(controls.interpret(.character("z"), session: paused) == .act(.resume))
        #expect(controls.interpret(.character("i"), session: round) == .act(.noteInterruption))
        _ = controls.interpret(.character("h"), session: round)
        #expect(controls.hintHidden)
        _ = controls.interpret(.character("?"), session: round)
        #expect(controls.overlay == .help)
        _ = controls.interpret(.character("u"), session: round)  // any key returns, and does nothing else
        #expect(controls.overlay == .none)
    }

    @Test func aNoteIsTypedAndSaved() throws {
        let round = try session(ScreenFixtures.round, [(.begin, 0)])
        var controls = Controls()
        _ = controls.interpret(.character("n"), session: round)
        for character in "Zoë: ok\u{1B}" { _ = controls.interpret(.character(character), session: round) }
        #expect(controls.overlay == .note("Zoë: ok"))
        _ = controls.interpret(.backspace, session: round)
        #expect(controls.interpret(.enter, session: round) == .act(.addNote(text: "Zoë: o")))
        _ = controls.interpret(.character("n"), session: round)
        _ = controls.interpret(.character("x"), session: round)
        #expect(controls.interpret(.escape, session: round) == .none)
        #expect(controls.overlay == .none)
    }

    @Test func notesAreNotOfferedWhereTheyAreNotRecorded() throws {
        let pairs = try session(ScreenFixtures.pairs, [(.begin, 0)])
        var controls = Controls()
        #expect(controls.interpret(.character("n"), session: pairs) == .none)
        #expect(controls.overlay == .none)
        #expect(controls.message == "Notes are not recorded in this step.")
    }

    @Test func thePresentersQuestionIsTypedAtItsStep() throws {
        let council = try session(ScreenFixtures.council, [(.begin, 0), (.handOn, 10)])
        var controls = Controls()
        for character in "q? How" { _ = controls.interpret(.character(character), session: council) }
        #expect(controls.questionDraft == "q? How")
        #expect(controls.interpret(.enter, session: council) == .act(.frameQuestion(text: "q? How")))
        #expect(controls.questionDraft.isEmpty)
    }

    @Test func clockText() {
        #expect(ClockText.big(.remaining(.milliseconds(59_001))) == "1:00")
        #expect(ClockText.big(.remaining(.milliseconds(58_999))) == "0:59")
        #expect(ClockText.big(.elapsed(.milliseconds(61_999))) == "1:01")
        #expect(ClockText.big(.over(.seconds(9))) == "TIME")
        #expect(ClockText.big(.over(.seconds(42))) == "+0:42")
        #expect(ClockText.untilNextChange(.remaining(.milliseconds(59_300))) == .milliseconds(301))
        #expect(ClockText.untilNextChange(.elapsed(.milliseconds(12_250))) == .milliseconds(751))
    }

    @Test func theSetupForm() {
        var form = SetupForm(choices: [
            .init(id: "round", name: "Round", summary: "", needsPresenter: false),
            .init(id: "council", name: "Council", summary: "", needsPresenter: true),
        ])
        #expect(form.focus == .names)
        for character in "Ana" { _ = form.handle(.character(character)) }
        _ = form.handle(.enter)
        for character in "李" { _ = form.handle(.character(character)) }
        #expect(form.names == "Ana\n李")
        #expect(!form.fields.contains(.presenter))
        _ = form.handle(.up)
        _ = form.handle(.right)
        #expect(form.choice?.id == "council")
        #expect(form.fields.contains(.presenter))
        #expect(form.handle(.control("s")) == .submit)
        #expect(form.handle(.escape) == .cancel)
        let lines = form.render(width: 80, height: 24).lines().joined(separator: "\n")
        #expect(lines.contains("‹ Council ›"))
        #expect(lines.contains("李"))
    }
}

@Suite("Someone arrives, someone leaves")
struct PresenceKeysTests {
    @Test func plusAddsAPersonAndMinusMarksOneGone() throws {
        let session = try ScreenFixtures.session(ScreenFixtures.round, ["Ana", "Ben", "Chloé"], [(.begin, 0)])
        var controls = Controls()
        _ = controls.interpret(.character("+"), session: session)
        for character in "Zoë" { _ = controls.interpret(.character(character), session: session) }
        let lines = ScreenFixtures.render(session, at: 1, controls: controls)
        #expect(lines.contains { $0.contains("Arriving: Zoë▏  Enter adds them") })
        #expect(controls.interpret(.enter, session: session) == .act(.join(name: "Zoë")))
        _ = controls.interpret(.character("-"), session: session)
        _ = controls.interpret(.character("2"), session: session)
        #expect(controls.interpret(.enter, session: session) == .act(.leave(person: 1)))
        _ = controls.interpret(.character("-"), session: session)
        for character in "chl" { _ = controls.interpret(.character(character), session: session) }
        #expect(controls.interpret(.enter, session: session) == .act(.leave(person: 2)))
        _ = controls.interpret(.character("-"), session: session)
        _ = controls.interpret(.character("x"), session: session)
        #expect(controls.interpret(.enter, session: session) == .none)
        #expect(controls.message == "That is nobody present: type a name or a number from the order.")
    }

    /// Typed as the facilitator's keyboard has it: "zoe" is Zoë; a name that fits two people
    /// chooses neither, and what was typed is never shown to the room.
    @Test func minusFindsANameWithoutItsAccents() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.round, ["Ana", "Zoë", "Chloé", "Zoe", "Dvořák"], [(.begin, 0)])
        func leave(_ typed: String) -> (Command, String?) {
            var controls = Controls()
            _ = controls.interpret(.character("-"), session: session)
            for character in typed { _ = controls.interpret(.character(character), session: session) }
            return (controls.interpret(.enter, session: session), controls.message)
        }
        #expect(leave("dvorak").0 == .act(.leave(person: 4)))
        #expect(leave("chloe").0 == .act(.leave(person: 2)))
        #expect(leave("Zoë").0 == .act(.leave(person: 1)))
        let (tie, said) = leave("zoe")
        #expect(tie == .none)
        #expect(said == "That fits Zoë, Zoe: type more of the name, or a number.")
        let (nobody, message) = leave("qwerty")
        #expect(nobody == .none)
        #expect(message?.contains("qwerty") == false)
    }
}

extension ControlsTests {
    /// What is being typed goes to the heartbeat, and a resume opens the same field with it;
    /// pairs never have such text.
    @Test func textBeingTypedIsADraftThatAResumeOpensAgain() throws {
        let round = try session(ScreenFixtures.round, [(.begin, 0)])
        var controls = Controls()
        #expect(controls.draft == nil)
        _ = controls.interpret(.character("n"), session: round)
        for character in "Zoë: 李" { _ = controls.interpret(.character(character), session: round) }
        #expect(controls.draft == Draft(.note, "Zoë: 李"))
        var resumed = Controls()
        resumed.restore(try #require(controls.draft), in: round)
        #expect(resumed.overlay == .note("Zoë: 李"))
        #expect(resumed.interpret(.enter, session: round) == .act(.addNote(text: "Zoë: 李")))

        let asking = try session(ScreenFixtures.council, [(.begin, 0), (.handOn, 30)])
        var presenter = Controls()
        for character in "What if?" { _ = presenter.interpret(.character(character), session: asking) }
        #expect(presenter.draft == Draft(.question, "What if?"))
        var again = Controls()
        again.restore(Draft(.question, "What if?"), in: asking)
        #expect(again.questionDraft == "What if?")

        // A draft whose field is gone (the session moved on, or pairs) opens nothing.
        let pairs = try session(ScreenFixtures.pairs, [(.begin, 0)])
        var none = Controls()
        none.restore(Draft(.note, "private"), in: pairs)
        none.restore(Draft(.question, "What if?"), in: round)
        #expect(none.overlay == .none && none.questionDraft.isEmpty && none.draft == nil)
    }
}
