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
