import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The repository's root, found from this file's path (Tests/ThinkingStoreTests/...).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func shippedProtocol(_ id: String) throws -> ProtocolDefinition {
    let path = repositoryRoot.appendingPathComponent("Protocols/\(id).yaml").path
    return try ProtocolLoader.load(path: path).get()
}

@Suite struct ShippedProtocolTests {
    @Test func roundIsOneOpenRoundWithNotes() throws {
        let round = try shippedProtocol("round")
        #expect(round.id == "round")
        #expect(round.name == "Round")
        #expect(round.budget == nil)
        let step = try #require(round.steps.first)
        #expect(round.steps.count == 1)
        #expect(step.kind == .round)
        #expect(step.question == nil)
        #expect(step.turn == nil)
        #expect(step.pass)
        #expect(step.notes)
        #expect(step.rotate == .none)
        #expect(step.rounds == .fixed(1))
        #expect(!round.needsPresenter)
    }

    @Test func thinkingPairsHaveFiveMinutesEachWayAndNoNotes() throws {
        let pairs = try shippedProtocol("thinking-pairs")
        #expect(pairs.steps.map(\.kind) == [.pairs])
        #expect(pairs.steps[0].turn == .seconds(300))
        #expect(pairs.steps[0].notes == false)
    }

    @Test func councilHasThreeRoundsEachFollowedByThePresenter() throws {
        let council = try shippedProtocol("council")
        #expect(council.budget == .seconds(40 * 60))
        #expect(council.needsPresenter)
        let kinds = council.steps.map(\.kind)
        #expect(
            kinds == [
                .presenter, .question, .round, .presenter, .round, .presenter, .round, .presenter,
                .round,
            ])
        #expect(council.steps[0].turn == .seconds(600))
        #expect(council.steps[0].question == "What would you like to think about?")
        for n in 1...3 {
            let round = council.steps[2 * n]
            #expect(round.title == "Council round \(n) of 3")
            #expect(round.who == .members && round.to == nil)
            #expect(round.turn == .seconds(60) && round.pass && round.notes)
            let freshest = council.steps[2 * n + 1]
            #expect(freshest.title == "The Presenter's freshest thinking")
            #expect(freshest.turn == .seconds(120))
        }
        let appreciation = try #require(council.steps.last)
        #expect(appreciation.title == "Appreciation of the Presenter")
        #expect(appreciation.who == .members && appreciation.to == .presenter)
        #expect(appreciation.notes)
        #expect(appreciation.components.contains(.appreciation))
        #expect(council.steps[1].components.contains(.incisiveQuestions))
    }

    @Test func everyShippedFileIsEmbeddedByteForByte() throws {
        let folder = repositoryRoot.appendingPathComponent("Protocols")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.map { String($0.dropLast(5)) } == EmbeddedProtocols.files.map(\.id).sorted())
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let id = String(name.dropLast(5))
            let embedded = try #require(EmbeddedProtocols.files.first { $0.id == id })
            #expect(
                Array(embedded.text.utf8) == [UInt8](bytes),
                "\(name) differs: run scripts/embed-protocols")
        }
    }

    @Test func describeNamesEveryStepWithItsSettings() throws {
        let council = try shippedProtocol("council")
        let text = describe(council)
        for step in council.steps { #expect(text.contains(step.title)) }
        #expect(text.contains("Time to Think Council (council)"))
        #expect(text.contains("Time budget: 40m"))
        #expect(text.contains("1. The Presenter thinks aloud [the Presenter's turn]"))
        #expect(
            text.contains(
                "9. Appreciation of the Presenter [round of the members, to the Presenter]"))
        #expect(text.contains("turns of 1m each; passing allowed; 1 round; notes recorded"))
        #expect(text.contains("to the Presenter"))
        #expect(text.contains("Components: Attention, Incisive Questions"))
        let pairs = describe(try shippedProtocol("thinking-pairs"))
        #expect(pairs.contains("5m each way; notes not recorded"))
    }
}
