import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// One session in the review's list: what it shows and what a search looks in.
public struct ReviewEntry: Equatable, Sendable {
    public var name: String
    public var path: String
    public var started: WallTime
    /// `2026-12-02 16:25`: the start, where the session took place.
    public var startedLocally: String
    public var protocolName: String
    public var people: [String]
    /// The session's question, each step's and the Presenter's framed question.
    public var questions: [String]
    public var duration: Duration
    public var finished: Bool
    public var turns: Int
    /// Fallback files holding lines the log lacks, read with it.
    public var fallbacks: [String]

    public init(path: String, fallbacks: [String] = [], transcript: Transcript) {
        name = transcript.session
        self.path = path
        self.fallbacks = fallbacks
        started = transcript.started
        let local = LocalTime.of(transcript)
        startedLocally = "\(local.date(transcript.started)) \(local.time(transcript.started).prefix(5))"
        protocolName = transcript.protocolName
        people = transcript.people
        var questions = [transcript.sessionQuestion, transcript.framedQuestion].compactMap { $0 }
        for step in transcript.steps {
            if let text = step.question?.text, !questions.contains(text) { questions.append(text) }
        }
        self.questions = questions
        duration = transcript.duration
        finished = transcript.status != .unfinished
        turns = transcript.turns.count
    }

    /// Whether a search for `query` finds this session: a person, the protocol or a question,
    /// case and accents ignored ("zoe" finds Zoë).
    public func matches(_ query: String) -> Bool {
        let words = NameMatch.folded(query).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return true }
        let haystack = NameMatch.folded(([protocolName] + people + questions).joined(separator: "\n"))
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// The review's state: the list, the search, the session being read. Pure: keys come in,
/// a command for the runner (open a session, export, leave) comes out.
public struct ReviewState: Sendable {
    public enum Command: Equatable, Sendable {
        case none
        /// Load this entry's transcript into `transcript`.
        case open(ReviewEntry)
        case export(Transcript.Format)
        case quit
    }

    public var entries: [ReviewEntry]
    public var query = ""
    public var searching = false
    /// The selected row of the filtered list.
    public var selected = 0
    /// The session being read (nil: the list).
    public var transcript: Transcript? {
        didSet {
            evidence = transcript.map { $0.components.sections(name: $0.name, text: { $0 }) } ?? []
            local = transcript.map(LocalTime.of) ?? .utc
        }
    }
    /// Where `transcript` took place, looked up once when it opens (not at every frame).
    public private(set) var local: LocalTime = .utc
    /// What the log shows of each component in `transcript`, worked out once when it opens.
    public private(set) var evidence: [ComponentEvidence.Section] = []
    /// The step selected in the session (0-based).
    public var step = 0
    public var askingFormat = false
    public var message: String?
    /// The review's own words (names, questions and notes are the sessions' text).
    public var words: Words

    public init(entries: [ReviewEntry], words: Words = .english) {
        self.entries = entries
        self.words = words
    }

    /// The entries the search leaves, newest first.
    public var visible: [ReviewEntry] { entries.filter { $0.matches(query) } }

    public var current: ReviewEntry? {
        let shown = visible
        return shown.indices.contains(selected) ? shown[selected] : nil
    }

    public mutating func handle(_ key: Key) -> Command {
        message = nil
        if askingFormat { return chooseFormat(key) }
        if searching { return search(key) }
        return transcript == nil ? browse(key) : read(key)
    }

    private mutating func browse(_ key: Key) -> Command {
        let count = visible.count
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(max(0, count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - 10)
        case .pageDown: selected = min(max(0, count - 1), selected + 10)
        case .home: selected = 0
        case .end: selected = max(0, count - 1)
        case .character("/"): searching = true
        case .enter, .right: return current.map { .open($0) } ?? .none
        case .character("q"), .character("Q"), .ctrlC: return .quit
        case .escape where !query.isEmpty: query = ""; selected = 0
        default: break
        }
        return .none
    }

    private mutating func search(_ key: Key) -> Command {
        switch key {
        case .enter: searching = false
        case .escape: searching = false; query = ""
        case .backspace: query = String(query.dropLast())
        case .character(let c): query.append(c)
        case .ctrlC: return .quit
        default: break
        }
        selected = min(selected, max(0, visible.count - 1))
        return .none
    }

    private mutating func read(_ key: Key) -> Command {
        let steps = transcript?.steps.count ?? 0
        switch key {
        case .left, .character("["): return move(by: -1)
        case .right, .character("]"): return move(by: 1)
        case .up, .character("k"): step = max(0, step - 1)
        case .down, .character("j"), .tab: step = min(max(0, steps - 1), step + 1)
        case .character("e"): askingFormat = true
        case .character("q"), .character("Q"), .escape, .backspace:
            transcript = nil
            step = 0
        case .ctrlC: return .quit
        default: break
        }
        return .none
    }

    /// The previous (older: -1 is newer) or next session of the list, opened in its turn.
    private mutating func move(by offset: Int) -> Command {
        let target = selected + offset
        guard visible.indices.contains(target) else {
            message = words[offset < 0 ? .reviewNewest : .reviewOldest]
            return .none
        }
        selected = target
        step = 0
        return current.map { .open($0) } ?? .none
    }

    private mutating func chooseFormat(_ key: Key) -> Command {
        askingFormat = false
        switch key {
        case .character("m"), .character("1"): return .export(.markdown)
        case .character("c"), .character("2"): return .export(.csv)
        case .character("j"), .character("3"): return .export(.json)
        case .character("h"), .character("4"): return .export(.html)
        default: return .none
        }
    }
}
