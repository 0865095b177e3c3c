import ThinkingCore

/// The setup form shown when a session is started without names: choose a protocol, type
/// the names (one per line), the question, the turn time, the Presenter; then start.
public struct SetupForm: Equatable, Sendable {
    /// A protocol the form offers.
    public struct Choice: Equatable, Sendable {
        public var id: String
        public var name: String
        public var summary: String
        public var needsPresenter: Bool

        public init(id: String, name: String, summary: String, needsPresenter: Bool) {
            self.id = id
            self.name = name
            self.summary = summary
            self.needsPresenter = needsPresenter
        }
    }

    public enum Field: CaseIterable, Equatable, Sendable {
        case protocolChoice, names, question, turn, presenter, start
    }

    /// What a key press leads to.
    public enum Outcome: Equatable, Sendable {
        case editing
        /// The facilitator asks to start: check the answers (`error` is shown if they fail).
        case submit
        case cancel
    }

    public var choices: [Choice]
    public var selected: Int
    public var names: String
    public var question: String
    public var turn: String
    public var presenter: String
    public var focus: Field = .names
    /// What is wrong with the answers, after a failed start.
    public var error: String?
    /// The form's own words (the protocols' names and summaries are their files' text).
    public var words: Words

    public init(
        choices: [Choice], selected: Int = 0, names: String = "", question: String = "", turn: String = "",
        presenter: String = "", words: Words = .english
    ) {
        self.words = words
        self.choices = choices
        self.selected = min(max(0, selected), max(0, choices.count - 1))
        self.names = names
        self.question = question
        self.turn = turn
        self.presenter = presenter
    }

    public var choice: Choice? { choices.indices.contains(selected) ? choices[selected] : nil }

    /// The fields in use: the Presenter only for protocols that need one.
    var fields: [Field] {
        Field.allCases.filter { $0 != .presenter || choice?.needsPresenter == true }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .ctrlC: return .cancel
        case .tab, .down: move(1); return .editing
        case .backTab, .up: move(-1); return .editing
        case .function(10), .control("s"): return .submit
        default: break
        }
        switch focus {
        case .protocolChoice:
            if key == .left || key == .character("-") {
                selected = (selected + choices.count - 1) % max(1, choices.count)
            }
            if key == .right || key == .character(" ") || key == .character("+") {
                selected = (selected + 1) % max(1, choices.count)
            }
            if key == .enter { move(1) }
        case .names:
            if key == .enter { names += "\n" } else { names = edited(names, key) }
        case .question: question = edited(question, key, next: key == .enter)
        case .turn: turn = edited(turn, key, next: key == .enter)
        case .presenter: presenter = edited(presenter, key, next: key == .enter)
        case .start:
            if key == .enter || key == .character(" ") { return .submit }
        }
        return .editing
    }

    private mutating func move(_ step: Int) {
        let fields = self.fields
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + step + fields.count) % fields.count]
    }

    private mutating func edited(_ text: String, _ key: Key, next: Bool = false) -> String {
        if next { move(1); return text }
        switch key {
        case .backspace, .delete: return String(text.dropLast())
        case .character(let character) where !character.unicodeScalars.contains(where: TerminalText.isUnsafe):
            return text.count < maximumInputLength ? text + String(character) : text
        default: return text
        }
    }
}
