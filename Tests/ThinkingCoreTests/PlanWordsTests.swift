import Testing
import ThinkingCore

/// Why a session cannot start, said in each language: the English is the command line's
/// sentence as it always was, and every shipped language fills each slot.
@Suite struct PlanWordsTests {
    static let errors: [(PlanError, String)] = [
        (.noPeople, "No people were given: name at least one person."),
        (.emptyName(position: 2), "Name 2 is empty."),
        (.duplicateName("Zoë"), "\"Zoë\" is named twice: names must be unique."),
        (.unknownPerson("Zoe", ["Ana", "Zoë"]), "\"Zoe\" is not among the people (Ana, Zoë)."),
        (
            .ambiguousPerson("zoe", ["Zoë", "Zoé"]),
            "\"zoe\" could be \"Zoë\" or \"Zoé\": write the name as it was given."
        ),
        (.presenterNeeded("Council"), "Council needs a Presenter: choose one with --presenter NAME."),
        (.presenterCannotStart, "The Presenter listens during the council rounds: choose a member to start."),
        (.tooFewPeople(needed: 3, for: "Council"), "Council needs at least 3 people."),
        (
            .pairsNeedTurnTime(step: StepIndex(0)),
            "Step 1 needs a turn time (pairs and timed talks are timed)."
        ),
        (.noSteps, "The protocol has no steps."),
        (.unknownStarter(4, of: 3), "The starter is person 4, but there are only 3."),
        (.exactlyTwo("Partnership"), "Partnership is for two people: name exactly two."),
        (
            .agendaNeeded("Meeting"),
            "Meeting needs an agenda: --agenda FILE (one question per line, or YAML items)."
        ),
    ]

    @Test func theEnglishIsTheCommandLinesSentence() {
        for (error, english) in Self.errors {
            #expect(error.description == english)
            #expect(Words.english.plan(error) == english)
        }
    }

    @Test(arguments: ["fr", "de", "es", "nl"])
    func everyLanguageSaysItWithItsSlotsFilled(code: String) throws {
        let words = try #require(Words.shipped(code))
        for (error, english) in Self.errors {
            let said = words.plan(error)
            #expect(said != english, "\(code): \(said)")
            #expect(!said.contains("{"), "\(code): \(said)")
        }
        #expect(words.plan(.ambiguousPerson("zoe", ["Zoë", "Zoé"])).contains(words[.planOr]))
    }
}
