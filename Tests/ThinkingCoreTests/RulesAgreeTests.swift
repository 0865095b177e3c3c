import Testing

@testable import ThinkingCore

/// The engine is the only rule book: what `Session.allows` says of a request is what
/// `handle` does with its action, in every state random sessions reach.
@Suite("One rule book: allows agrees with handle")
struct RulesAgreeTests {
    static func action(for request: Request) -> Action {
        switch request {
        case .note: .addNote(text: "a note")
        case .incisiveQuestion: .keepIncisiveQuestion(text: "If you knew you were enough?")
        case .endStep: .endStep
        case .swapEarly: .swapEarly
        case .roundFromHere: .roundFromHere
        }
    }

    static let requests: [Request] = [.note, .incisiveQuestion, .endStep, .swapEarly, .roundFromHere]

    @Test func allowsSaysWhatHandleDoes() throws {
        var checked: [String: (allowed: Int, refused: Int)] = [:]
        for seed in 0..<UInt64(Fuzz.cases(full: 2_000)) {
            var rng = SplitMix64(seed: seed)
            let (definition, sizes) = StrictReplayPropertyTests.definitions[
                Int(rng.next() % UInt64(StrictReplayPropertyTests.definitions.count))]
            let names = Array(["Zoë", "李", "محمد", "Ben", "Chloé", "Dev", "Eun"].prefix(sizes.lowerBound + 1))
                .prefix(sizes.upperBound)
            var session = Session(
                plan: try SessionPlan.make(
                    definition: definition, names: Array(names), presenter: definition.needsPresenter ? names[0] : nil))
            var now = Duration.zero
            for _ in 0..<80 {
                now += .milliseconds(Int64(rng.next() % 30_000))
                let action = StrictReplayPropertyTests.action(&rng, people: session.people.count)
                if let (next, _) = try? session.copyHandling(action, at: now) { session = next }
                _ = session.advance(to: now)
                for request in Self.requests where !session.isPaused {
                    let taken = (try? session.copyHandling(Self.action(for: request), at: now)) != nil
                    #expect(
                        session.allows(request) == taken,
                        "\(request) in \(session.stage), seed \(seed): allows \(session.allows(request)), handle \(taken)"
                    )
                    let key = "\(request)"
                    var count = checked[key] ?? (0, 0)
                    if taken { count.allowed += 1 } else { count.refused += 1 }
                    checked[key] = count
                }
                if session.stage == .finished { break }
            }
        }
        // Each request was seen both taken and refused.
        for request in Self.requests {
            let count = checked["\(request)"] ?? (0, 0)
            #expect(count.allowed > 0 && count.refused > 0, "\(request): \(count)")
        }
    }
}
