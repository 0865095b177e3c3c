import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// Writes a session log in memory the way the runner does: each accepted action at the
/// clock's time, then the facts it gave, each line with its seq, wall and monotonic time.
/// `transcript()` takes it through JSON Lines and back, as review reads a file.
struct ScriptedLog {
    var header: LogHeader
    var session: Session
    var entries: [LogEntry] = []
    var now: Duration = .zero
    /// Clock gaps so far: the wall clock runs this far ahead of origin + now.
    var gaps: Duration = .zero
    let origin: WallTime

    /// `zone`: where the session is run (UTC unless a test says otherwise, so that no test
    /// reads the machine's zone).
    init(
        _ plan: SessionPlan, name: String = "morning", startedAt: String = "2026-11-22T10:00:00.000Z",
        zone: String? = "UTC"
    ) {
        header = LogHeader(
            session: name, startedAt: WallTime(iso8601: startedAt), program: "thinkenv 0.1.0", plan: plan)
        header.zone = zone
        session = Session(plan: plan)
        origin = WallTime(iso8601: startedAt) ?? WallTime(milliseconds: 0)
    }

    private mutating func append(action: Action? = nil, fact: Fact? = nil, program: ProgramNote? = nil) {
        let wall = origin.adding(now + gaps)
        entries.append(
            LogEntry(seq: entries.count + 1, wall: wall, t: now, action: action, fact: fact, program: program))
    }

    mutating func act(_ action: Action) throws {
        let facts = try session.handle(action, at: now)
        append(action: action)
        for fact in facts { append(fact: fact) }
    }

    /// Time passes; a tick is logged when a deadline fell due.
    mutating func wait(_ duration: Duration) throws {
        now += duration
        var copy = session
        if try !copy.handle(.tick, at: now).isEmpty { try act(.tick) }
    }

    /// Waits, then acts.
    mutating func at(_ after: Duration, _ action: Action) throws {
        now += after
        try act(action)
    }

    /// The machine slept: the wall clock moved `gap` beyond the monotonic clock.
    mutating func clockGap(_ gap: Duration) {
        gaps += gap
        append(program: .clockGap(wall: gap))
    }

    /// An entry written by hand (a hand-edited or damaged log).
    mutating func raw(_ entry: LogEntry) { entries.append(entry) }

    /// The log's bytes, written as `SessionLog` writes them (sorted keys).
    func jsonLines() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(header) + Data("\n".utf8)
        for entry in entries { data += try encoder.encode(entry) + Data("\n".utf8) }
        return data
    }

    /// Encoded and decoded again, then built.
    func transcript(readProblems: [String] = []) throws -> Transcript {
        let lines = try jsonLines().split(separator: UInt8(ascii: "\n"))
        let decoder = JSONDecoder()
        let header = try decoder.decode(LogHeader.self, from: Data(lines[0]))
        let entries = try lines.dropFirst().map { try decoder.decode(LogEntry.self, from: Data($0)) }
        return Transcript(header: header, entries: entries, readProblems: readProblems)
    }
}

enum Plans {
    static let four = ["Ana", "Ben", "Chloé", "Dev"]

    static func round(
        _ people: [String] = four, turn: Duration? = .seconds(120), rounds: RoundCount = .fixed(1),
        notes: Bool = true, question: String? = "What is going well?"
    ) -> SessionPlan {
        let step = StepDefinition(
            kind: .round, title: "Opening round", turn: turn, rounds: rounds, notes: notes,
            components: [.attention, .equality])
        return SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "test", steps: [step]),
            people: people, question: question)
    }

    /// Pairs whose step says notes are allowed, as only a hand-edited log could.
    static func pairs(_ people: [String], turn: Duration = .seconds(180), notes: Bool = false) -> SessionPlan {
        let step = StepDefinition(kind: .pairs, title: "Thinking pairs", turn: turn, notes: notes)
        return SessionPlan(
            definition: ProtocolDefinition(
                id: "thinking-pairs", name: "Thinking pairs", summary: "test", steps: [step]),
            people: people, question: "What do you want to think about?")
    }

    /// Presenter, question, one council round, freshest thinking.
    static func council(_ people: [String] = ["Ana", "Ben", "Chloé", "Dev"], presenter: PersonID = 2) -> SessionPlan {
        let steps = [
            StepDefinition(kind: .presenter, title: "The Presenter thinks aloud", turn: .seconds(600)),
            StepDefinition(kind: .question, title: "The Presenter's question"),
            StepDefinition(kind: .round, title: "Council round", turn: .seconds(60), who: .members, notes: true),
            StepDefinition(kind: .presenter, title: "Freshest thinking", turn: .seconds(120)),
        ]
        return SessionPlan(
            definition: ProtocolDefinition(id: "council", name: "Council", summary: "test", steps: steps),
            people: people, presenter: presenter)
    }
}

/// Every character that could act on a terminal, except the line ends a format uses.
func controlCharacters(in text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [UInt32] {
    text.unicodeScalars.map(\.value).filter { value in
        if allowed.contains(value) { return false }
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Lines of text, for comparing renderings line by line.
/// Text with every run of spaces made one: table rows read as their cells in order.
func squeezed(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }.joined(separator: "\n")
}

func lines(_ text: String, separator: String = "\n") -> [String] {
    text.components(separatedBy: separator)
}
