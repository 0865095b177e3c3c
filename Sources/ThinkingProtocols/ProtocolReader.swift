import ThinkingCore
import Yams

/// Walks a composed YAML tree and builds a `ProtocolDefinition`, collecting every
/// problem it meets (with the line and column of the key or value at fault) instead of
/// stopping at the first.
struct ProtocolReader {
    var diagnostics: DiagnosticList

    static let topLevelShape = "a mapping with name, summary and steps"
    static let protocolKeys = ["name", "summary", "budget", "steps"]
    static let stepKeys = [
        "kind", "title", "question", "turn", "pass", "rounds", "time", "rotate", "who", "to",
        "notes", "attributed", "components",
    ]
    /// Keys that mean something only in a round step.
    static let roundOnlyKeys: Set<String> = ["pass", "rounds", "time", "rotate", "who", "to", "attributed"]

    // MARK: - The protocol

    mutating func readProtocol(_ root: Node, id: String) -> ProtocolDefinition? {
        guard let fields = fields(of: root, known: Self.protocolKeys, shape: Self.topLevelShape)
        else { return nil }
        let name = requiredText(fields, "name", in: root)
        let summary = requiredText(fields, "summary", in: root)
        let budget = fields["budget"].flatMap { duration($0.value, key: "budget") }
        var steps: [StepDefinition] = []
        if let list = required(fields, "steps", in: root) {
            steps = readSteps(list.value)
        }
        guard let name, let summary, !steps.isEmpty else { return nil }
        return ProtocolDefinition(
            id: id, name: name, summary: summary, budget: budget, steps: steps)
    }

    private mutating func readSteps(_ node: Node) -> [StepDefinition] {
        guard case .sequence(let sequence) = node else {
            problem(
                at: node, "steps is \(kindName(node))",
                expected: "a list of steps, each starting with -")
            return []
        }
        guard !sequence.isEmpty else {
            problem(at: node, "the list of steps is empty", expected: "at least one step")
            return []
        }
        var steps: [StepDefinition] = []
        for (index, item) in sequence.enumerated() {
            if let step = readStep(item, number: index + 1) { steps.append(step) }
        }
        return steps.count == sequence.count ? steps : []
    }

    // MARK: - One step

    private mutating func readStep(_ node: Node, number: Int) -> StepDefinition? {
        let shape = "a mapping with kind, title and components"
        guard
            let fields = fields(of: node, known: Self.stepKeys, shape: "step \(number) as \(shape)")
        else { return nil }
        let before = diagnostics.items.count
        let kind = fields["kind"].flatMap { choice($0.value, key: "kind", as: StepKind.self) }
        if fields["kind"] == nil { missing("kind", in: node, step: number) }
        let title = requiredText(fields, "title", in: node, step: number)
        var step = StepDefinition(kind: kind ?? .round, title: title ?? "")
        step.question = fields["question"].flatMap { optionalText($0.value, key: "question") }
        step.turn = fields["turn"].flatMap { duration($0.value, key: "turn") }
        step.pass = fields["pass"].flatMap { bool($0.value, key: "pass") } ?? true
        step.rounds = fields["rounds"].flatMap { rounds($0.value) } ?? .fixed(1)
        step.time = fields["time"].flatMap { duration($0.value, key: "time") }
        step.rotate =
            fields["rotate"].flatMap { choice($0.value, key: "rotate", as: Rotation.self) } ?? .none
        step.who =
            fields["who"].flatMap { choice($0.value, key: "who", as: Audience.self) } ?? .everyone
        step.to = fields["to"].flatMap { choice($0.value, key: "to", as: Recipient.self) }
        step.notes = fields["notes"].flatMap { bool($0.value, key: "notes") } ?? false
        step.attributed = fields["attributed"].flatMap { bool($0.value, key: "attributed") }
        if let list = required(fields, "components", in: node, step: number) {
            step.components = components(list.value)
        }
        if let kind { checkFits(kind, fields, step) }
        return diagnostics.items.count == before && kind != nil ? step : nil
    }

    /// The settings that make no sense for this kind of step, or together.
    private mutating func checkFits(_ kind: StepKind, _ fields: Fields, _ step: StepDefinition) {
        let allowed: Set<String> =
            switch kind {
            case .round: Self.roundOnlyKeys
            case .dialogue, .discussion: ["time"]
            default: []
            }
        for key in Self.stepKeys where Self.roundOnlyKeys.contains(key) && !allowed.contains(key) {
            guard let field = fields[key] else { continue }
            problem(
                at: field.key, "'\(key)' means nothing in a \(kind.rawValue) step",
                expected: allowed.isEmpty
                    ? "\(key) only in a round step" : "only \(allowed.sorted().joined(separator: ", ")) here")
        }
        if kind == .talk, fields["turn"] == nil {
            problem(
                at: fields.node, "a timed talk needs a turn: the same time for everyone",
                expected: "turn: 3m, for example")
        }
        if kind == .dialogue, fields["time"] == nil {
            problem(
                at: fields.node, "a dialogue needs a time: the total, shared back and forth",
                expected: "time: 20m, for example")
        }
        if step.attributed == true, !step.notes, let attributed = fields["attributed"] {
            problem(
                at: attributed.key, "'attributed' names who said each note, and this step keeps no notes",
                expected: "notes: true with attributed: true")
        }
        if kind == .partnership, step.notes, let notes = fields["notes"] {
            problem(
                at: notes.value, "a thinking partnership records timings only (its incisive question is the thinker's)",
                expected: "notes: false")
        }
        if kind == .agenda {
            for key in ["question", "turn"] {
                guard let field = fields[key] else { continue }
                problem(
                    at: field.key, "'\(key)' comes from each agenda item, not the agenda step",
                    expected: "kind, title, notes and components only")
            }
        }
        if kind == .partnership || kind == .dialogue || kind == .discussion, let turn = fields["turn"] {
            problem(
                at: turn.key, "a \(kind.rawValue) step has no fixed turn length",
                expected: kind == .partnership ? "no turn" : "time: for the whole step")
        }
        if kind == .pairs, fields["turn"] == nil {
            problem(
                at: fields.node, "a pairs step needs a turn: the fixed time each way",
                expected: "turn: 5m, for example")
        }
        if kind == .pairs, step.notes, let notes = fields["notes"] {
            problem(
                at: notes.value, "the content of pairs is never recorded", expected: "notes: false")
        }
        if kind == .question, let turn = fields["turn"] {
            problem(
                at: turn.key, "a question step has no turn: the Presenter frames their question",
                expected: "no turn in a question step")
        }
        if kind == .round, step.to == .presenter, step.who != .members, let to = fields["to"] {
            problem(
                at: to.key, "a round to the Presenter is spoken by the other members",
                expected: "who: members")
        }
    }
}
