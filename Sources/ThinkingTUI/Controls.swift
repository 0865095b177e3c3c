import ThinkingCore

/// The facilitator's side of the screen: overlays, input lines, a passing message.
/// Never recorded: only the actions it leads to are.
public struct Controls: Equatable, Sendable {
    public enum Overlay: Equatable, Sendable {
        case none
        /// All the keys (`?`).
        case help
        /// The ten components, full screen (`c`).
        case components
        /// "End the session? It can be resumed." (`q`, Ctrl-C).
        case confirmQuit
        /// Pairs: the thinkers finished early; swap the whole room now?
        case confirmSwap
        /// A discussion or a dialogue: end the step now?
        case confirmEndStep
        /// A note being typed.
        case note(String)
        /// The name of someone arriving late (`+`).
        case arriving(String)
        /// Who is leaving (`-`): their number in the order, or their name.
        case leaving(String)
        /// A partnership's incisive question, kept only if the thinker wants it (`n`).
        case incisive(String)
    }

    public var overlay: Overlay = .none
    /// The Presenter's question as it is being typed (the question step).
    public var questionDraft: String = ""
    /// Whether the key hint line is hidden (`h`).
    public var hintHidden = false
    /// A short message after a refused key ("This step does not allow passing."), cleared by
    /// the next key.
    public var message: String?
    /// A quiet confirmation ("Note saved.") and the session time it goes at (two seconds on).
    public var confirmation: Confirmation?

    public struct Confirmation: Equatable, Sendable {
        public var text: String
        public var until: Duration
    }
    /// Whether a private line being typed (a note, an incisive question) is shown on the one
    /// screen the room also reads (Ctrl-R toggles it; `--control` always shows it).
    public var revealed = false
    /// Whether the end screen shows everyone's figures (`t`), not only "Thank you".
    public var showsFigures = false
    /// The language of the messages (set by the model from the run's options).
    public var words: Words = .english

    public init() {}

    /// Whether the line being typed is the facilitator's alone: a note or an incisive question.
    public var typesPrivately: Bool {
        switch overlay {
        case .note, .incisive: true
        default: false
        }
    }
}

/// What a key press asks the runner to do.
public enum Command: Equatable, Sendable {
    /// Nothing beyond redrawing.
    case none
    /// Hand an action to the engine (and record it).
    case act(Action)
    /// Leave; the session can be resumed.
    case quit
    /// Finish the session for good (from the summary), then leave.
    case finish
}

/// Longest note or question accepted from the keyboard.
let maximumInputLength = 2000

extension Controls {
    /// Interprets a key in the light of what is on screen. Pure: the runner carries out
    /// the command.
    public mutating func interpret(_ key: Key, session: Session) -> Command {
        message = nil
        if typesPrivately, key == .control("r") {
            revealed.toggle()
            return .none
        }
        defer { if !typesPrivately { revealed = false } }
        switch overlay {
        case .help, .components:
            overlay = .none
            return .none
        case .confirmQuit:
            return confirmed(key, .quit)
        case .confirmSwap:
            return confirmed(key, .act(.swapEarly))
        case .confirmEndStep:
            return confirmed(key, .act(.endStep))
        case .note(let text):
            return typed(text, key, into: Overlay.note).map { .act(.addNote(text: $0)) } ?? .none
        case .incisive(let text):
            return typed(text, key, into: Overlay.incisive).map { .act(.keepIncisiveQuestion(text: $0)) } ?? .none
        case .arriving(let text):
            return typed(text, key, into: Overlay.arriving).map { .act(.join(name: $0)) } ?? .none
        case .leaving(let text):
            guard let who = typed(text, key, into: Overlay.leaving) else { return .none }
            // The message is the room's to see: it never repeats what was typed.
            switch Self.present(who, in: session) {
            case .one(let person): return .act(.leave(person: person))
            case .several(let people):
                let names = people.map { session.people[$0] }.joined(separator: ", ")
                message = words.fill(.messageFitsSeveral, ["names": names])
            case .none: message = words[.messageNobody]
            }
            return .none
        case .none:
            break
        }
        if key == .ctrlC { overlay = .confirmQuit; return .none }
        if case .question = session.stage { return interpretQuestion(key) }
        return interpretSession(key, session: session)
    }

    private mutating func interpretQuestion(_ key: Key) -> Command {
        switch edit(questionDraft, with: key) {
        case .editing(let text): questionDraft = text; return .none
        case .cancelled:
            // An empty Enter says what is wanted rather than doing nothing.
            if key == .enter { message = words[.messageQuestionFirst] }
            questionDraft = ""
            return .none
        case .done(let text):
            questionDraft = ""
            return .act(.frameQuestion(text: text))
        }
    }

    private mutating func interpretSession(_ key: Key, session: Session) -> Command {
        if case .discussion = session.stage, let person = Self.person(for: key, in: session) {
            return .act(.speak(person: person))
        }
        switch key {
        case .character("r"):
            return session.allows(.roundFromHere) ? .act(.roundFromHere) : .none
        case .character("e"):
            if let refusal = session.refusal(of: .endStep) {
                message = words.refusal(refusal)
            } else {
                overlay = .confirmEndStep
            }
            return .none
        case .character(" "), .enter:
            if session.allows(.swapEarly) { overlay = .confirmSwap; return .none }
            switch session.stage {
            case .ready: return .act(.begin)
            case .complete, .finished: return .none
            default: return .act(.handOn)
            }
        case .character("p"): return .act(.pass)
        case .character("u"): return .act(.undo)
        case .character("z"): return .act(session.isPaused ? .resume : .pause)
        case .character("i"): return .act(.noteInterruption)
        case .character("n"):
            if session.allows(.incisiveQuestion) {
                overlay = .incisive("")
            } else if let refusal = session.refusal(of: .note) {
                message = words.refusal(refusal)
            } else {
                overlay = .note("")
            }
            return .none
        case .character("c"): overlay = .components; return .none
        case .character("+"): overlay = .arriving(""); return .none
        case .character("-"): overlay = .leaving(""); return .none
        case .character("?"): overlay = .help; return .none
        case .character("h"): hintHidden.toggle(); return .none
        case .character("t") where session.stage == .complete || session.stage == .finished:
            showsFigures.toggle()
            return .none
        case .character("q"), .character("Q"):
            if session.stage == .complete { return .finish }
            overlay = .confirmQuit
            return .none
        default:
            return .none
        }
    }

    /// In a discussion, a digit picks the person with that number in the strip, a capital
    /// letter the first person whose name starts with it.
    static func person(for key: Key, in session: Session) -> PersonID? {
        guard case .character(let character) = key else { return nil }
        let circle = session.circle
        if let digit = character.wholeNumberValue, character.isASCII, (1...9).contains(digit), digit <= circle.count {
            return circle[digit - 1]
        }
        guard character.isUppercase else { return nil }
        let initial = NameMatch.folded(String(character))
        return circle.first { NameMatch.folded(session.people[$0]).hasPrefix(initial) }
    }

    /// Who a typed name or number means among the people present: their number in the order
    /// (1-based), or their name or the start of it, case and accents ignored (`NameMatch`).
    static func present(_ typed: String, in session: Session) -> PresentMatch {
        let circle = session.circle
        if let number = Int(typed.trimmed), circle.indices.contains(number - 1) { return .one(circle[number - 1]) }
        switch NameMatch.find(typed, among: circle.map { session.people[$0] }, startsEnough: true) {
        case .one(let index): return .one(circle[index])
        case .several(let indices): return .several(indices.map { circle[$0] })
        case .none: return .none
        }
    }

    /// Who a typed name means: one person, several equally, or nobody.
    enum PresentMatch: Equatable { case one(PersonID), several([PersonID]), none }

    enum Edit { case editing(String), cancelled, done(String) }

    /// A dialog's answer: `y` carries out `command`, any other key goes back.
    private mutating func confirmed(_ key: Key, _ command: Command) -> Command {
        overlay = .none
        return key == .character("y") || key == .character("Y") ? command : .none
    }

    /// One key applied to a line being typed in `overlay`: the finished text once Enter is
    /// pressed, nil while typing or after Esc.
    private mutating func typed(_ text: String, _ key: Key, into overlay: (String) -> Overlay) -> String? {
        switch edit(text, with: key) {
        case .editing(let text):
            self.overlay = overlay(text)
            return nil
        case .cancelled:
            self.overlay = .none
            return nil
        case .done(let text):
            self.overlay = .none
            return text
        }
    }

    /// One key applied to a line being typed: Enter saves, Esc cancels.
    func edit(_ text: String, with key: Key) -> Edit {
        switch key {
        case .enter:
            let trimmed = text.trimmed
            return trimmed.isEmpty ? .cancelled : .done(trimmed)
        case .escape: return .cancelled
        case .backspace, .delete:
            return .editing(String(text.dropLast()))
        case .character(let character):
            guard text.count < maximumInputLength,
                !character.unicodeScalars.contains(where: TerminalText.isUnsafe)
            else { return .editing(text) }
            return .editing(text + String(character))
        default:
            return .editing(text)
        }
    }
}

extension Controls {
    /// The text being typed, for the heartbeat: what a `resume` after a crash opens again.
    public var draft: Draft? {
        switch overlay {
        case .note(let text) where !text.isEmpty: return Draft(.note, text)
        case .incisive(let text) where !text.isEmpty: return Draft(.incisiveQuestion, text)
        default: return questionDraft.isEmpty ? nil : Draft(.question, questionDraft)
        }
    }

    /// Opens again the field a draft was typed in, if the session is still where it was typed.
    public mutating func restore(_ draft: Draft, in session: Session) {
        switch draft.kind {
        case .question:
            if case .question = session.stage { questionDraft = draft.text }
        case .incisiveQuestion:
            if session.allows(.incisiveQuestion) { overlay = .incisive(draft.text) }
        case .note:
            if session.allows(.note) { overlay = .note(draft.text) }
        }
    }
}
