import Testing
import ThinkingCore

@testable import ThinkingTUI

/// What the facilitator's line says, and what the room is spared: quiet confirmations,
/// masked typing, `z: resume`, roles only where they mean something.
@Suite("The facilitator's line", .serialized)
struct FacilitatorLineTests {
    let models = SessionModelTests()

    static func text(_ frame: ScreenBuffer) -> String { frame.lines().joined(separator: "\n") }

    @Test func aSavedNoteIsConfirmedQuietlyForTwoSeconds() throws {
        let (run, terminal, _) = try models.runner([
            .key(.character(" ")), .wait(.seconds(3)), .key(.character("n")),
            .key(.character("o")), .key(.character("k")), .key(.enter), .wait(.milliseconds(1900)),
            .wait(.milliseconds(200)), .key(.character("q")), .key(.character("y")),
        ])
        _ = run.run()
        let shown = terminal.frames.map(Self.text)
        let saved = try #require(shown.firstIndex { $0.contains("Note saved.") })
        // Masked while typed: the room read "note: 2 characters", never the note.
        #expect(shown.contains { $0.contains("note: 2 characters · Ctrl-R shows it") })
        #expect(!shown.contains { $0.contains("Note: ok") })
        // Gone two seconds later, without a key.
        let after = shown[(saved + 1)...].firstIndex { !$0.contains("Note saved.") }
        #expect(after != nil)
        #expect(run.session.notes.map(\.text) == ["ok"])
    }

    @Test func ctrlRShowsTheNoteBeingTypedAndHidesItAgain() throws {
        let session = try ScreenFixtures.session(ScreenFixtures.round, SessionModelTests.people, [(.begin, 0)])
        var controls = Controls()
        _ = controls.interpret(.character("n"), session: session)
        for character in "tired" { _ = controls.interpret(.character(character), session: session) }
        let masked = ScreenFixtures.render(session, at: 5, controls: controls).joined()
        #expect(masked.contains("note: 5 characters") && !masked.contains("tired"))
        _ = controls.interpret(.control("r"), session: session)
        #expect(ScreenFixtures.render(session, at: 5, controls: controls).joined().contains("Note: tired"))
        _ = controls.interpret(.control("r"), session: session)
        #expect(!ScreenFixtures.render(session, at: 5, controls: controls).joined().contains("tired"))
        // Saving ends the reveal: the next note starts masked.
        _ = controls.interpret(.control("r"), session: session)
        #expect(controls.interpret(.enter, session: session) == .act(.addNote(text: "tired")))
        #expect(!controls.revealed)
    }

    @Test func whilePausedTheKeyLineSaysResume() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.round, SessionModelTests.people, [(.begin, 0), (.pause, 5)])
        let lines = ScreenFixtures.render(session, at: 8)
        #expect(lines.last?.contains("z: resume") == true)
        #expect(!lines.last!.contains("z: pause"))
    }

    @Test func rolesAreShownOnlyWhereTheyMeanSomething() throws {
        let round = try ScreenFixtures.session(ScreenFixtures.round, SessionModelTests.people, [(.begin, 0)])
        #expect(!ScreenFixtures.render(round, at: 3).contains { $0.trimmingSpaces == "Member" })
        let council = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Ana",
            [(.begin, 0), (.handOn, 60), (.frameQuestion(text: "How?"), 70), (.begin, 71)])
        #expect(ScreenFixtures.render(council, at: 75).contains { $0.trimmingSpaces == "Member" })
        let presenter = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Ana", [(.begin, 0)])
        #expect(ScreenFixtures.render(presenter, at: 5).contains { $0.trimmingSpaces == "Presenter" })
    }
}

/// Pairs are announced before the clock: the room reads who pairs with whom, and moves.
@Suite("Pairs before the clock")
struct PairsAnnouncedTests {
    @Test(arguments: [(80, 24), (250, 70)])
    func thePairsAndTheTrioAreShownBeforeTheClockStarts(width: Int, height: Int) throws {
        let people = ["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay", "Gus"]
        let ready = try ScreenFixtures.session(ScreenFixtures.pairs, people, [])
        #expect(ready.roomView(at: .zero).groups == [["Ana", "Ben"], ["Chloé", "Dev"], ["Eun", "Fay", "Gus"]])
        let lines = ScreenFixtures.render(ready, at: 0, width: width, height: height)
        #expect(lines.contains { $0.contains("Space starts the clock") })
        #expect(!lines.joined().contains("█"))  // no clock yet
        // The same pairs as Space forms them, and the clock then runs.
        let begun = try ScreenFixtures.session(ScreenFixtures.pairs, people, [(.begin, 0)])
        guard case .pairs(let progress) = begun.stage else {
            Issue.record("no pairs")
            return
        }
        #expect(progress.groups.map { $0.map { people[$0] } } == ready.roomView(at: .zero).groups)
        let running = ScreenFixtures.render(begun, at: 3, width: width, height: height)
        #expect(running.contains { $0.contains("Eun thinks · Fay, Gus listen") })
    }

    @Test func atEightyColumnsTheGroupsAreBoldTextWithTheTrioLast() throws {
        let people = ["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay", "Gus"]
        let ready = try ScreenFixtures.session(ScreenFixtures.pairs, people, [])
        let lines = ScreenFixtures.render(ready, at: 0).map(\.trimmingSpaces)
        let ana = try #require(lines.firstIndex(of: "Ana & Ben"))
        #expect(lines[ana + 1] == "Chloé & Dev" && lines[ana + 2] == "Eun, Fay & Gus")
    }
}

/// A long line being typed can be checked whole at 80 columns.
@Suite("Fields that scroll")
struct ScrollingFieldsTests {
    static let question = "What would you be doing differently if you knew that you are good enough already?"

    @Test func anIncisiveQuestionBeingTypedWrapsOverThreeRowsAt80Columns() throws {
        let partnership = ProtocolDefinition(
            id: "p", name: "Partnership", summary: "",
            steps: [StepDefinition(kind: .partnership, title: "Thinking partnership", components: [.attention])])
        var session = try ScreenFixtures.session(partnership, ["Zoë", "Fox"], [(.begin, 0)])
        for second in 1...3 { _ = try session.handle(.handOn, at: .seconds(Int64(second * 10))) }
        var controls = Controls()
        controls.overlay = .incisive(Self.question)
        controls.revealed = true
        let lines = ScreenFixtures.render(session, at: 35, controls: controls)
        // All of it is on screen, cut by width over the rows under the prompt, not only its
        // last characters.
        let prompt = try #require(
            lines.firstIndex { $0.contains("Their incisive question, only if they want it kept:") })
        let typed = lines[(prompt + 1)...].prefix { $0.hasPrefix(" ") && !$0.trimmingSpaces.isEmpty }
        #expect(typed.map { String($0.dropFirst()) }.joined().hasPrefix(Self.question + "▏"))

        // A long word keeps its end: 150 CJK characters with no space, the last three rows of it.
        controls.overlay = .incisive(String(repeating: "好", count: 149) + "末")
        let wide = ScreenFixtures.render(session, at: 35, controls: controls).joined()
        #expect(wide.contains("末▏") && wide.contains("…"))
    }

    @Test func theSetupFormsQuestionWrapsOntoItsSecondRow() {
        var form = SetupForm(choices: [.init(id: "round", name: "Round", summary: "", needsPresenter: false)])
        _ = form.handle(.tab)
        for character in Self.question { _ = form.handle(.character(character)) }
        #expect(form.focus == .question && form.question == Self.question)
        let text = form.render(width: 80, height: 24).lines().joined(separator: "\n")
        for word in Self.question.split(separator: " ") { #expect(text.contains(word), "\(word)") }
    }
}

/// Small slips seen when the program was tried (TRIAL-NOTES): each key says what it means.
@Suite("Keys that say what they mean")
struct KeyMessagesTests {
    @Test func eOnTheEndScreenSaysEveryStepIsDone() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.round, ["Ana", "Ben"], [(.begin, 0), (.handOn, 10), (.handOn, 20)])
        #expect(session.stage == .complete)
        var controls = Controls()
        #expect(controls.interpret(.character("e"), session: session) == .none)
        #expect(controls.message == "Every step is done: q ends the session.")
    }

    @Test func anEmptyEnterOnThePresentersQuestionSaysWhatIsWanted() throws {
        let council = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Ana", [(.begin, 0), (.handOn, 60)])
        guard case .question = council.stage else {
            Issue.record("not at the question step")
            return
        }
        var controls = Controls()
        #expect(controls.interpret(.enter, session: council) == .none)
        #expect(controls.message == "Type the Presenter's question first; Enter saves it.")
    }
}
