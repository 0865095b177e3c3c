/// A transforming meeting's agenda: items written as questions, each worked on by the
/// steps it names (a round by default), each with an optional time budget.
public struct Agenda: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var question: String
        /// round, pairs, discussion (in that order if several).
        public var steps: [StepKind]
        public var budget: Duration?
        public var turn: Duration?

        public init(question: String, steps: [StepKind] = [.round], budget: Duration? = nil, turn: Duration? = nil) {
            self.question = question
            self.steps = steps
            self.budget = budget
            self.turn = turn
        }

        /// An item should be a question: a gentle warning, never a refusal.
        public var isQuestion: Bool { question.trimmed.hasSuffix("?") || question.trimmed.hasSuffix("？") }
    }

    /// The step kinds an agenda item may name.
    public static let itemKinds: [StepKind] = [.round, .pairs, .discussion]

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// An agenda from plain text: one question per line; blank lines and `#` comments skipped.
    public static func lines(_ text: String) -> Agenda {
        Agenda(items: Roster.names(fromLines: text).map { Item(question: $0) })
    }

    /// The protocol with its `agenda` step replaced by the steps of every item.
    public func expand(_ definition: ProtocolDefinition) -> ProtocolDefinition {
        var expanded = definition
        expanded.steps = definition.steps.flatMap { step -> [StepDefinition] in
            guard step.kind == .agenda else { return [step] }
            return items.enumerated().flatMap { index, item in steps(for: item, number: index + 1, template: step) }
        }
        return expanded
    }

    private func steps(for item: Item, number: Int, template: StepDefinition) -> [StepDefinition] {
        let reference = AgendaItemRef(number: number, count: items.count, budget: item.budget, turn: item.turn)
        return item.steps.map { kind in
            var step = StepDefinition(
                kind: kind, title: "Item \(number) of \(items.count): \(Self.name(of: kind))",
                question: item.question, turn: kind == .pairs ? (item.turn ?? .seconds(180)) : item.turn,
                notes: kind != .pairs && template.notes,
                components: kind == .pairs ? [.attention, .equality, .ease] : template.components)
            step.item = reference
            return step
        }
    }

    static func name(of kind: StepKind) -> String {
        switch kind {
        case .pairs: "thinking pairs"
        case .discussion: "open discussion"
        default: "round"
        }
    }
}
