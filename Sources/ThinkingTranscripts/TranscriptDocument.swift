import ThinkingCore

/// A transcript laid out for people: its sections in order, every word, time and figure
/// decided. The writers (`Format`: terminal text, Markdown, HTML) add only their medium's
/// syntax and escaping, so they cannot disagree about what a session was.
///
/// Text in a document is already made safe for a terminal (`safe(_:)`): control characters
/// shown, bidirectional overrides spelled out. Names are cut to 80 characters.
public struct TranscriptDocument: Equatable, Sendable {
    /// `Round · What is going well for you? · Wed 2 Dec 2026, 16:25`.
    public var title: String
    public var sections: [Section]

    public struct Section: Equatable, Sendable {
        /// A stable key (`summary`, `step-3`, `equality`…), for tests and anchors.
        public var id: String
        /// Nil for the summary under the title.
        public var heading: String?
        public var blocks: [Block]
    }

    public enum Block: Equatable, Sendable {
        /// Label and value pairs.
        case fields([Field])
        case subheading(String)
        case quote(String)
        case paragraph(String)
        /// Said quietly (a step not reached).
        case aside(String)
        case list([String])
        case table(Table)
        /// A chart drawn from the transcript's figures; only a medium that can draw shows it.
        case chart(Chart)
    }

    public struct Field: Equatable, Sendable {
        public var label: String
        public var value: String
    }

    public struct Table: Equatable, Sendable {
        public var columns: [Column]
        public var rows: [[String]]
        /// A closing row (the total), shown apart.
        public var footer: [String]?
    }

    public struct Column: Equatable, Sendable {
        public var title: String
        /// Figures: aligned right.
        public var numeric: Bool
    }

    public enum Chart: String, Equatable, Sendable {
        case timeline, speaking
    }

    // MARK: - Isolated text

    /// A name or typed text inside a running sentence, between the Unicode isolates FSI and
    /// PDI as marks (`safe` never lets them through from what was typed, so they are the
    /// document's own): HTML isolates it in `<bdi>`, so that a right-to-left name does not
    /// carry the figures after it to its left ("محمد 1/0" read "1/0 محمد"); the other writers
    /// drop the marks (`plain`).
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// Text without the marks of `isolated`: as it reads.
    public static func plain(_ text: String) -> String {
        guard hasIsolates(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "\u{2068}" && scalar != "\u{2069}" { out.append(scalar) }
        return String(out)
    }

    /// Whether `text` holds a mark of `isolated` (E2 81 A8 or E2 81 A9 in UTF-8): a byte scan,
    /// as most text has none.
    static func hasIsolates(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE2, 0x81), byte == 0xA8 || byte == 0xA9 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Every piece of text in the document, in order, as it reads: what a writer must show.
    public var texts: [String] {
        var out = [title]
        for section in sections {
            if let heading = section.heading { out.append(heading) }
            for block in section.blocks {
                switch block {
                case .fields(let fields): out += fields.flatMap { [$0.label, $0.value] }
                case .subheading(let text), .quote(let text), .paragraph(let text), .aside(let text): out.append(text)
                case .list(let items): out += items
                case .table(let table):
                    out += table.columns.map(\.title) + table.rows.flatMap { $0 } + (table.footer ?? [])
                case .chart: break
                }
            }
        }
        return out.filter { !$0.isEmpty }.map(Self.plain)
    }
}

extension Transcript {
    /// The transcript as a document, with times read in `local` (the session's own zone by
    /// default).
    public func document(local: LocalTime? = nil, words: Words = .english) -> TranscriptDocument {
        DocumentBuilder(
            self, local: local ?? .of(self), zoneProblem: local == nil ? LocalTime.unknownZone(of: self) : nil,
            words: words
        )
        .document()
    }

    /// `Round · What is going well for you? · Wed 2 Dec 2026, 16:25`: the protocol, the
    /// question (the session's, else the Presenter's, else the first step's own), the start.
    func title(clock: LocalClock, words: Words = .english) -> String {
        let question = sessionQuestion ?? framedQuestion ?? steps.lazy.compactMap(\.question).first?.text
        let parts = [
            safe(protocolName), question.map { TranscriptDocument.isolated(safe($0).truncated(toWidth: 60)) },
            clock.readable(started, words: words),
        ]
        return parts.compactMap { $0 }.joined(separator: " · ")
    }
}

/// Lays a transcript out as sections: all the decisions of every writer, made once.
struct DocumentBuilder {
    typealias Block = TranscriptDocument.Block
    typealias Section = TranscriptDocument.Section

    let transcript: Transcript
    let clock: LocalClock
    let names: [String]
    /// The zone the log names is not known here, when the times are read in this computer's.
    let zoneProblem: String?
    /// The language of the headings (the sentences of the transcript stay English for now).
    let words: Words

    init(_ transcript: Transcript, local: LocalTime, zoneProblem: String? = nil, words: Words = .english) {
        self.words = words
        self.transcript = transcript
        self.zoneProblem = zoneProblem
        clock = LocalClock(local)
        names = transcript.people.map { TranscriptWords.shown($0, limit: 80) }
    }

    func name(_ person: PersonID) -> String {
        names.holds(person) ? names[person] : safe(transcript.name(person))
    }

    /// A name inside a sentence (isolated: see `TranscriptDocument.isolated`).
    func inName(_ person: PersonID) -> String { TranscriptDocument.isolated(name(person)) }

    /// Typed text inside a sentence, made safe and isolated.
    func inText(_ text: String) -> String { TranscriptDocument.isolated(safe(text)) }

    func time(_ wall: WallTime) -> String { clock.time(wall) }

    func document() -> TranscriptDocument {
        var sections = [summary()]
        sections += transcript.steps.map(step)
        sections += [pauses(), arrivals(), clockGaps(), equality(), components(), problems()].compactMap { $0 }
        return TranscriptDocument(title: transcript.title(clock: clock, words: words), sections: sections)
    }

    // MARK: - Summary

    func summary() -> Section {
        let t = transcript
        var fields: [TranscriptDocument.Field] = []
        func field(_ label: String, _ value: String) { fields.append(.init(label: label, value: value)) }
        field(words[.fieldProtocol], "\(safe(t.protocolName)) (\(safe(t.protocolID)))")
        field(
            words[.fieldStarted],
            "\(clock.readable(t.started, words: words)) \(clock.zoneName(t.started)) (\(clock.date(t.started)) \(time(t.started)))"
        )
        field(words[.fieldLasted], TranscriptWords.clock(t.duration))
        field(words[.fieldStatus], TranscriptWords.status(t, words: words))
        field(words[.fieldPeople], TranscriptWords.roster(t, limit: 80, words: words))
        if let question = t.sessionQuestion { field(words[.fieldSessionQuestion], safe(question)) }
        if let question = t.framedQuestion { field(words[.presentersQuestion], safe(question)) }
        if let question = t.incisiveQuestion { field(words[.fieldIncisive], safe(question)) }
        if let seed = t.seed { field(words[.fieldOrder], words.fill(.tShuffled, ["seed": "\(seed)"])) }
        field(words[.fieldSessionFile], safe(t.session))
        return Section(id: "summary", heading: nil, blocks: [.fields(fields), .chart(.timeline)])
    }

    // MARK: - Steps

    func step(_ step: Transcript.Step) -> Section {
        let id = "step-\(step.number)"
        let heading = words.fill(
            .headingStep,
            ["n": "\(step.number)", "title": inText(step.title), "kind": TranscriptWords.kind(step.kind, words: words)])
        guard step.reached else { return Section(id: id, heading: heading, blocks: [.aside(words[.notReached])]) }
        var blocks: [Block] = []
        if let question = step.question {
            blocks.append(
                .quote("\(TranscriptWords.questionLabel(question.source, words: words)): \(inText(question.text))"))
        }
        if step.kind == .question, let framed = transcript.framedQuestion {
            blocks.append(.paragraph(words.fill(.tFramed, ["text": inText(framed)])))
        }
        if step.to == .presenter, let presenter = transcript.presenter {
            blocks.append(.paragraph(words.fill(.tDirected, ["name": inName(presenter)])))
        }
        for round in step.rounds {
            if step.kind == .round {
                let starter =
                    round.starter.map { words.fill(.tStartsWith, ["name": inName($0)]) } ?? words[.tStarterUnknown]
                let direction: String =
                    switch round.direction {
                    case .clockwise: words[.tClockwise]
                    case .anticlockwise: words[.tAnticlockwise]
                    case nil: words[.tDirectionUnknown]
                    }
                blocks.append(
                    .subheading(
                        words.fill(.tRound, ["n": "\(round.number)", "starter": starter, "direction": direction])))
            }
            blocks.append(.table(turnTable(round.turns, kind: step.kind)))
        }
        if let count = step.interruptions {
            blocks.append(
                .paragraph(
                    count == 1
                        ? words[.tPairsOneInterruption] : words.fill(.tPairsInterruptions, ["count": "\(count)"])))
        }
        let swaps = (transcript.earlySwaps ?? []).filter { $0.step == step.number }
        if !swaps.isEmpty {
            blocks.append(.subheading(words[.earlySwaps]))
            blocks.append(
                .list(
                    swaps.map { "\(time($0.at)): half \($0.half) ended early by the facilitator, for the whole room" }))
        }
        let notes = transcript.notes.filter { $0.step == step.number && step.kind != .pairs }
        if !notes.isEmpty {
            blocks.append(.subheading(words[.headingNotes]))
            blocks.append(
                .list(
                    notes.map { note in
                        let whose = note.person.map { " " + words.fill(.tWhileThinking, ["name": inName($0)]) } ?? ""
                        return "\(time(note.at))\(whose): \(inText(note.text))"
                    }))
        }
        return Section(id: id, heading: heading, blocks: blocks)
    }

    var turnColumns: [TranscriptDocument.Column] {
        [
            .init(title: words[.columnStart], numeric: false), .init(title: words[.columnPerson], numeric: false),
            .init(title: words[.columnRole], numeric: false), .init(title: words[.figureTime], numeric: true),
            .init(title: words[.columnAllotted], numeric: true), .init(title: words[.columnOver], numeric: true),
            .init(title: words[.columnHow], numeric: false),
        ]
    }

    func turnTable(_ turns: [Transcript.Turn], kind: StepKind) -> TranscriptDocument.Table {
        let rows = turns.map { turn -> [String] in
            let remarks = TranscriptWords.remarks(turn, words: words)
            return [
                time(turn.started), name(turn.person), TranscriptWords.role(turn, words: words),
                turn.passed ? "—" : TranscriptWords.clock(turn.active), turn.allotted.map(TranscriptWords.clock) ?? "",
                TranscriptWords.over(turn) ?? "", remarks.joined(separator: ", "),
            ]
        }
        return TranscriptDocument.Table(columns: turnColumns, rows: rows, footer: nil)
    }

    // MARK: - After the steps

    func pauses() -> Section? {
        guard !transcript.pauses.isEmpty else { return nil }
        let items = transcript.pauses.map { "\(time($0.from)): \(TranscriptWords.pause($0, words: words))" }
        return Section(id: "pauses", heading: words[.headingPauses], blocks: [.list(items)])
    }

    func arrivals() -> Section? {
        guard let arrivals = transcript.arrivals, !arrivals.isEmpty else { return nil }
        let items = arrivals.map {
            "\(time($0.at)): " + words.fill($0.arrived ? .tArrived : .tLeft, ["name": inName($0.person)])
        }
        return Section(id: "arrivals", heading: words[.headingArrivals], blocks: [.list(items)])
    }

    func clockGaps() -> Section? {
        guard !transcript.clockGaps.isEmpty else { return nil }
        let items = transcript.clockGaps.map { "\(time($0.at)): \(TranscriptWords.gap($0, words: words))" }
        return Section(id: "clock-gaps", heading: words[.headingClockGaps], blocks: [.list(items)])
    }

    func equality() -> Section {
        let figures = transcript.equality
        let columns = [
            TranscriptDocument.Column(title: words[.columnPerson], numeric: false),
            .init(title: words[.figureTime], numeric: true), .init(title: words[.figureShare], numeric: true),
            .init(title: words[.figureFairShare], numeric: true), .init(title: words[.figureTurns], numeric: true),
            .init(title: words[.figurePasses], numeric: true), .init(title: words[.columnInterruptions], numeric: true),
        ]
        let rows = figures.people.map { row in
            [
                name(row.person) + (row.presenter ? " " + words[.presenterMark] : ""),
                TranscriptWords.clock(row.speaking),
                Equality.percent(row.share, words: words), row.fairShare.map(TranscriptWords.clock) ?? "—",
                "\(row.turns)",
                "\(row.passes)", "\(row.interruptions)",
            ]
        }
        let total = words[figures.presenterApart ? .membersTotal : .total]
        let footer = [
            total, TranscriptWords.clock(figures.total), figures.sharesTotal(words), "", "", "", "",
        ]
        var blocks: [Block] = [
            .paragraph(words[.tEqualityExplained]),
            .table(TranscriptDocument.Table(columns: columns, rows: rows, footer: footer)),
            .paragraph(figures.spreadLine(words) + "."),
        ]
        if let presenter = figures.presenter {
            blocks.append(
                .paragraph(
                    words.fill(
                        .tPresenterSpoke,
                        ["name": inName(presenter.person), "time": TranscriptWords.clock(presenter.speaking)])))
        }
        blocks.append(.chart(.speaking))
        return Section(id: "equality", heading: words[.headingEquality], blocks: blocks)
    }

    func components() -> Section? {
        let sections = transcript.components.sections(name: inName, text: inText)
        guard !sections.isEmpty else { return nil }
        var blocks: [Block] = []
        for section in sections {
            blocks.append(.subheading(words.name(of: section.component)))
            blocks.append(.list(section.lines))
        }
        return Section(id: "components", heading: words[.headingComponents], blocks: blocks)
    }

    func problems() -> Section? {
        let problems = transcript.problems.map(safe) + [zoneProblem].compactMap { $0 }
        guard !problems.isEmpty else { return nil }
        return Section(id: "problems", heading: words[.headingProblems], blocks: [.list(problems)])
    }
}
