import ThinkingCore
import Yams

/// Reads a transforming meeting's agenda (`--agenda FILE`): one question per line, or a
/// YAML list of items:
///
/// ```yaml
/// - How do we make Tuesday's meeting shorter?       # a round, by default
/// - question: What would make the new timetable work for everyone?
///   steps: [pairs, round]                          # round | pairs | discussion
///   time: 15m                                      # the item's budget, shown against time used
///   turn: 2m                                       # the turn time of its rounds (pairs: each way)
/// ```
///
/// Mistakes get the same `FILE:LINE:COLUMN` messages as protocol files; an item that is not
/// written as a question gets a gentle warning, never a refusal.
public enum AgendaLoader {
    public struct Loaded: Equatable, Sendable {
        public var agenda: Agenda
        public var warnings: [String]
    }

    static let itemKeys = ["question", "steps", "time", "turn"]

    public static func load(path: String) -> Result<Loaded, ProtocolDiagnostics> {
        switch ProtocolLoader.readFile(path, what: "an agenda") {
        case .success(let bytes): return load(bytes: bytes, file: path)
        case .failure(let problem): return .failure(ProtocolDiagnostics([problem]))
        }
    }

    public static func load(bytes: [UInt8], file: String) -> Result<Loaded, ProtocolDiagnostics> {
        let text: String
        switch ProtocolBytes.text(from: bytes, file: file, what: "an agenda") {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(ProtocolDiagnostics([problem]))
        }
        let agenda: Agenda
        if isYAMLList(text) {
            switch readYAML(text, file: file) {
            case .success(let read): agenda = read
            case .failure(let problems): return .failure(problems)
            }
        } else {
            agenda = Agenda.lines(text)
        }
        guard !agenda.items.isEmpty else {
            return .failure(
                ProtocolDiagnostics([
                    ProtocolDiagnostic(
                        file: file, line: 1, column: 1, message: "the agenda has no items",
                        expected: "one question per line")
                ]))
        }
        let warnings = agenda.items.enumerated().compactMap { index, item in
            item.isQuestion
                ? nil
                : "Item \(index + 1), \"\(item.question)\", is not written as a question."
        }
        return .success(Loaded(agenda: agenda, warnings: warnings))
    }

    /// Whether the first line that is not blank or a comment starts a YAML list item.
    private static func isYAMLList(_ text: String) -> Bool {
        let first = text.split(whereSeparator: \.isNewline).map { $0.trimmingLeadingSpaces }.first {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
        return first.map { $0 == "-" || $0.hasPrefix("- ") } ?? false
    }

    private static func readYAML(_ text: String, file: String) -> Result<Agenda, ProtocolDiagnostics> {
        var diagnostics = DiagnosticList(file: file)
        for finding in ProtocolTextScan.scan(text) {
            diagnostics.add(finding.at, finding.message, expected: finding.expected)
        }
        guard diagnostics.isEmpty else { return .failure(ProtocolDiagnostics(diagnostics.reported)) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (at, message, expected) = ProtocolLoader.describe(error, in: text)
            diagnostics.add(at, message, expected: expected)
            return .failure(ProtocolDiagnostics(diagnostics.reported))
        }
        var reader = ProtocolReader(diagnostics: diagnostics)
        guard let root, case .sequence(let sequence) = root else {
            return .failure(ProtocolDiagnostics(diagnostics.reported))
        }
        let items = sequence.compactMap { reader.readAgendaItem($0) }
        guard reader.diagnostics.isEmpty else { return .failure(ProtocolDiagnostics(reader.diagnostics.reported)) }
        return .success(Agenda(items: items))
    }
}

extension ProtocolReader {
    mutating func readAgendaItem(_ node: Node) -> Agenda.Item? {
        if case .scalar(let scalar) = node {
            let question = scalar.string.trimmed
            guard !question.isEmpty else {
                problem(at: node, "an empty agenda item", expected: "a question")
                return nil
            }
            return Agenda.Item(question: question)
        }
        let shape = "a question, or a mapping with question, steps, time, turn"
        guard let fields = fields(of: node, known: AgendaLoader.itemKeys, shape: shape) else { return nil }
        guard let question = requiredText(fields, "question", in: node) else { return nil }
        var item = Agenda.Item(question: question)
        if let steps = fields["steps"] { item.steps = agendaSteps(steps.value) }
        item.budget = fields["time"].flatMap { duration($0.value, key: "time") }
        item.turn = fields["turn"].flatMap { duration($0.value, key: "turn") }
        return item
    }

    private mutating func agendaSteps(_ node: Node) -> [StepKind] {
        let names = Agenda.itemKinds.map(\.rawValue).joined(separator: " | ")
        let nodes: [Node]
        switch node {
        case .sequence(let sequence): nodes = Array(sequence)
        default: nodes = [node]
        }
        let kinds = nodes.compactMap { element -> StepKind? in
            guard let kind = choice(element, key: "steps", as: StepKind.self) else { return nil }
            guard Agenda.itemKinds.contains(kind) else {
                problem(at: element, "an agenda item's steps are \(names), not \(kind.rawValue)", expected: names)
                return nil
            }
            return kind
        }
        if kinds.isEmpty && nodes.isEmpty { problem(at: node, "no steps", expected: names) }
        return kinds.isEmpty ? [.round] : kinds
    }
}

extension Substring {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
