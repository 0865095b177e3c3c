import ThinkingCore

@testable import ThinkingTUI

/// Sessions brought to a given moment, for rendering.
enum ScreenFixtures {
    static let round = ProtocolDefinition(
        id: "round", name: "Round", summary: "",
        steps: [
            StepDefinition(
                kind: .round, title: "Opening round", turn: .seconds(120), notes: true,
                components: [.attention, .equality, .ease])
        ])

    static let pairs = ProtocolDefinition(
        id: "thinking-pairs", name: "Thinking pairs", summary: "",
        steps: [
            StepDefinition(
                kind: .pairs, title: "Thinking pairs", turn: .seconds(300), components: [.attention, .equality])
        ])

    static let council: ProtocolDefinition = {
        var steps = [
            StepDefinition(
                kind: .presenter, title: "The Presenter thinks aloud", turn: .seconds(600), components: [.attention]),
            StepDefinition(kind: .question, title: "The Presenter's question", components: [.incisiveQuestions]),
            StepDefinition(
                kind: .round, title: "Council round 1 of 3", turn: .seconds(60), who: .members, notes: true,
                components: [.attention, .equality]),
        ]
        steps.append(
            StepDefinition(
                kind: .round, title: "Appreciation of the Presenter", who: .members, to: .presenter, notes: true,
                components: [.appreciation]))
        return ProtocolDefinition(id: "council", name: "Council", summary: "", budget: .seconds(2400), steps: steps)
    }()

    static func session(
        _ definition: ProtocolDefinition, _ people: [String], presenter: String? = nil,
        question: String? = nil, _ script: [(Action, Int64)]
    ) throws -> Session {
        var session = Session(
            plan: try SessionPlan.make(
                definition: definition, names: people, presenter: presenter, question: question))
        for (action, seconds) in script { _ = try session.handle(action, at: .seconds(seconds)) }
        return session
    }

    /// A name's block-letter rows at `size`, trimmed, as they appear on screen.
    static func banner(_ name: String, size: NameBanner.Size) -> [String] {
        var buffer = ScreenBuffer(width: 200, height: size.rawValue)
        NameBanner.draw(name, size: size, y: 0, in: buffer.area, buffer: &buffer, style: .name)
        return buffer.lines().map(\.trimmed)
    }

    static func render(
        _ session: Session, at seconds: Int64, width: Int = 80, height: Int = 24,
        controls: Controls = Controls(), warning: String? = nil
    ) -> [String] {
        var session = session
        _ = session.advance(to: .seconds(seconds))
        return SessionScreen(session: session, controls: controls, now: .seconds(seconds), warning: warning)
            .render(width: width, height: height).lines()
    }
}
