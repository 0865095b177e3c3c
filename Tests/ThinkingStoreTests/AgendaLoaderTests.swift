import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Agenda files")
struct AgendaLoaderTests {
    func load(_ text: String) -> Result<AgendaLoader.Loaded, ProtocolDiagnostics> {
        AgendaLoader.load(bytes: Array(text.utf8), file: "agenda.yaml")
    }

    @Test func yamlItemsWithStepsBudgetsAndTurns() throws {
        let loaded = try load(
            """
            # Tuesday
            - How do we shorten Tuesdays?
            - question: What would make the timetable work?
              steps: [pairs, discussion]
              time: 15m
              turn: 2m
            - The budget
            """
        ).get()
        #expect(loaded.agenda.items.count == 3)
        #expect(loaded.agenda.items[1].steps == [.pairs, .discussion])
        #expect(loaded.agenda.items[1].budget == .seconds(900) && loaded.agenda.items[1].turn == .seconds(120))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings == ["Item 3, \"The budget\", is not written as a question."])
    }

    @Test func oneQuestionPerLine() throws {
        let loaded = try load("Why do we meet on Tuesdays?\nWhat would we lose?\n").get()
        #expect(loaded.agenda.items.map(\.steps) == [[.round], [.round]])
        #expect(loaded.warnings.isEmpty)
    }

    @Test(
        "mistakes are said where they are",
        arguments: [
            ("- question: Why?\n  steps: [pairs, council]\n", 2, 18, "steps is 'council'"),
            (
                "- question: Why?\n  steps: [presenter]\n", 2, 11,
                "an agenda item's steps are round | pairs | discussion"
            ),
            ("- question: Why?\n  time: soon\n", 2, 9, "time is 'soon'"),
            ("- qestion: Why?\n", 1, 3, "unknown key 'qestion'"),
            ("- steps: [round]\n", 1, 3, "the protocol has no 'question'"),
            ("", 1, 1, "the agenda has no items"),
        ])
    func mistakes(text: String, line: Int, column: Int, message: String) throws {
        guard case .failure(let problems) = load(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        let first = try #require(problems.diagnostics.first)
        #expect((first.line, first.column) == (line, column), "\(first)")
        #expect(first.message.hasPrefix(message), "\(first)")
        #expect(first.file == "agenda.yaml")
    }

    @Test func theMeetingIsPlannedFromItsAgendaFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.sub("agenda.txt")
        writeFile(path, "How do we shorten Tuesdays?\nThe budget\n")
        let request = PlanRequest(protocolName: "transforming-meeting", people: "Ana, Ben, Chloé", agendaPath: path)
        let (plan, warnings) = try request.planWithWarnings(catalog: ProtocolCatalog(environment: dir.environment))
        #expect(
            plan.definition.steps.map(\.title) == [
                "Opening round", "Item 1 of 2: round", "Item 2 of 2: round", "Closing round",
            ])
        #expect(warnings.count == 1)
        #expect(throws: SetupError.plan(.agendaNeeded("Transforming Meeting"))) {
            try PlanRequest(protocolName: "transforming-meeting", people: "Ana, Ben").plan(
                catalog: ProtocolCatalog(environment: dir.environment))
        }
        #expect(throws: SetupError.agendaNotWanted("Round")) {
            try PlanRequest(protocolName: "round", people: "Ana, Ben", agendaPath: path).plan(
                catalog: ProtocolCatalog(environment: dir.environment))
        }
    }
}
