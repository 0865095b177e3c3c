import Foundation
import Testing

@testable import ThinkingCore

@Suite("Durations in JSON")
struct DurationCodingTests {
    @Test func durationsAreWrittenAsSeconds() throws {
        let fact = Fact(
            at: .milliseconds(12_345),
            .turnStarted(step: 0, round: 1, turn: 2, person: 1, role: .member, allotted: .seconds(90)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(fact), as: UTF8.self)
        #expect(text.contains("\"at\":12.345"))
        #expect(text.contains("\"allotted\":90"))
        #expect(try JSONDecoder().decode(Fact.self, from: Data(text.utf8)) == fact)
    }

    @Test func anAbsentOptionalDurationStaysAbsent() throws {
        let step = StepDefinition(kind: .round, title: "Round")
        let text = String(decoding: try JSONEncoder().encode(step), as: UTF8.self)
        #expect(!text.contains("turn"))
        #expect(try JSONDecoder().decode(StepDefinition.self, from: Data(text.utf8)) == step)
    }
}
