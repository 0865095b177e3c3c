import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// A bad protocol file and the first diagnostic it must produce.
struct BadProtocol: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var message: String
    var expected: String? = nil

    var testDescription: String { name }
}

/// A valid protocol's opening lines, to which one bad step is added (line 4 on).
let header = "name: Test\nsummary: For the tests.\nsteps:\n"

/// A protocol of one step: its kind on line 4, title on line 5, then `settings` from
/// line 6 (four spaces in), then its components.
func oneStep(_ kind: String, _ settings: String = "", components: String = "[Ease]") -> String {
    header + "  - kind: \(kind)\n    title: T\n" + settings + "    components: \(components)\n"
}

func load(_ yaml: String, file: String = "test.yaml") -> Result<
    ProtocolDefinition, ProtocolDiagnostics
> {
    ProtocolLoader.load(text: yaml, id: "test", file: file)
}

func diagnostics(_ yaml: String) -> [ProtocolDiagnostic] {
    guard case .failure(let failure) = load(yaml) else { return [] }
    return failure.diagnostics
}

let badProtocols: [BadProtocol] = [
    BadProtocol(
        name: "unknown key with a near miss", yaml: oneStep("round", "    tunr: 2m\n"),
        line: 6, column: 5, message: "unknown key 'tunr'", expected: "'turn'"),
    BadProtocol(
        name: "unknown top-level key far from any",
        yaml: header + "  - kind: round\n    title: R\n    components: [Ease]\nzebra: 1\n",
        line: 7, column: 1, message: "unknown key 'zebra'",
        expected: "one of name, summary, budget, steps"),
    BadProtocol(
        name: "bare number duration", yaml: oneStep("round", "    turn: 90\n"),
        line: 6, column: 11, message: "turn is a bare number, 90, without a unit",
        expected: "a duration like 90s, 2m or 1m30s"),
    BadProtocol(
        name: "negative duration", yaml: oneStep("round", "    turn: -2m\n"),
        line: 6, column: 11, message: "turn is negative: -2m"),
    BadProtocol(
        name: "zero duration", yaml: oneStep("round", "    turn: 0s\n"),
        line: 6, column: 11, message: "turn is zero"),
    BadProtocol(
        name: "unparsable duration",
        yaml:
            "name: T\nsummary: S\nbudget: forty minutes\nsteps:\n  - kind: round\n    title: R\n    components: [Ease]\n",
        line: 3, column: 9, message: "budget is 'forty minutes', not a duration"),
    BadProtocol(
        name: "empty step list", yaml: "name: T\nsummary: S\nsteps: []\n",
        line: 3, column: 8, message: "the list of steps is empty", expected: "at least one step"),
    BadProtocol(
        name: "missing summary",
        yaml: "name: T\nsteps:\n  - kind: round\n    title: R\n    components: [Ease]\n",
        line: 1, column: 1, message: "the protocol has no 'summary'", expected: "summary: ..."),
    BadProtocol(
        name: "missing kind", yaml: header + "  - title: R\n    components: [Ease]\n",
        line: 4, column: 5, message: "step 1 has no 'kind'"),
    BadProtocol(
        name: "pairs without a turn", yaml: oneStep("pairs", components: "[Attention]"),
        line: 4, column: 5, message: "a pairs step needs a turn", expected: "turn: 5m, for example"),
    BadProtocol(
        name: "attributed notes without notes", yaml: oneStep("round", "    attributed: true\n"),
        line: 6, column: 5, message: "'attributed' names who said each note, and this step keeps no notes",
        expected: "notes: true with attributed: true"),
    BadProtocol(
        name: "attributed outside a round", yaml: oneStep("talk", "    turn: 3m\n    attributed: true\n"),
        line: 7, column: 5, message: "'attributed' means nothing in a talk step"),
    BadProtocol(
        name: "pairs recording notes", yaml: oneStep("pairs", "    turn: 5m\n    notes: true\n"),
        line: 7, column: 12, message: "the content of pairs is never recorded"),
    BadProtocol(
        name: "unknown kind", yaml: oneStep("fishbowl"),
        line: 4, column: 11, message: "kind is 'fishbowl'",
        expected: StepKind.allCases.map(\.rawValue).joined(separator: " | ")),
    BadProtocol(
        name: "unknown component", yaml: oneStep("round", components: "[Attention, Silence]"),
        line: 6, column: 29, message: "unknown component 'Silence'"),
    BadProtocol(
        name: "empty components", yaml: oneStep("round", components: "[]"),
        line: 6, column: 17, message: "the list of components is empty"),
    BadProtocol(
        name: "unknown rotation", yaml: oneStep("round", "    rotate: sideways\n"),
        line: 6, column: 13, message: "rotate is 'sideways'",
        expected: "none | starter | direction | both"),
    BadProtocol(
        name: "rounds out of range", yaml: oneStep("round", "    rounds: 0\n"),
        line: 6, column: 13, message: "rounds is '0'",
        expected: "a number from 1 to 20, or until-all-pass"),
    BadProtocol(
        name: "pass is not a bool", yaml: oneStep("round", "    pass: maybe\n"),
        line: 6, column: 11, message: "pass is 'maybe'", expected: "true or false"),
    BadProtocol(
        name: "title is a list",
        yaml: header + "  - kind: round\n    title: [a, b]\n    components: [Ease]\n",
        line: 5, column: 12, message: "title is a list", expected: "text"),
    BadProtocol(
        name: "steps is text", yaml: "name: T\nsummary: S\nsteps: all of them\n",
        line: 3, column: 8, message: "steps is a single value"),
    BadProtocol(
        name: "rounds in a presenter step", yaml: oneStep("presenter", "    rounds: 2\n"),
        line: 6, column: 5, message: "'rounds' means nothing in a presenter step"),
    BadProtocol(
        name: "who in a pairs step", yaml: oneStep("pairs", "    turn: 5m\n    who: members\n"),
        line: 7, column: 5, message: "'who' means nothing in a pairs step"),
    BadProtocol(
        name: "appreciation to the Presenter from everyone",
        yaml: oneStep("round", "    to: presenter\n", components: "[Appreciation]"),
        line: 6, column: 5, message: "a round to the Presenter is spoken by the other members",
        expected: "who: members"),
    BadProtocol(
        name: "YAML syntax error", yaml: "name: T\nsummary: \"unclosed\nsteps: []\n",
        line: 4, column: 1, message: "YAML syntax error: found unexpected end of stream"),
    BadProtocol(
        name: "tab indentation", yaml: "name: T\nsteps:\n\t- kind: round\n",
        line: 3, column: 1, message: "YAML syntax error"),
    BadProtocol(
        name: "duplicate key", yaml: "name: T\nname: U\nsummary: S\nsteps: []\n",
        line: 1, column: 1, message: "the key 'name' appears more than once"),
    BadProtocol(
        name: "anchor", yaml: "name: &n Round\nsummary: *n\nsteps: []\n",
        line: 1, column: 7, message: "an anchor (&name) is not allowed in a protocol file"),
    BadProtocol(
        name: "two documents", yaml: "name: T\n---\nname: U\n",
        line: 2, column: 1, message: "a second YAML document: a protocol file holds one protocol"),
    BadProtocol(
        name: "top level is a list", yaml: "- kind: round\n- kind: pairs\n",
        line: 1, column: 1, message: "found a list", expected: ProtocolReader.topLevelShape),
    BadProtocol(
        name: "top level is text", yaml: "just some words\n",
        line: 1, column: 1, message: "found a single value", expected: ProtocolReader.topLevelShape),
    BadProtocol(
        name: "empty file", yaml: "# only a comment\n",
        line: 1, column: 1, message: "the file is empty"),
    BadProtocol(
        name: "a timed talk without a turn", yaml: oneStep("talk"),
        line: 4, column: 5, message: "a timed talk needs a turn"),
    BadProtocol(
        name: "a dialogue without a total time", yaml: oneStep("dialogue"),
        line: 4, column: 5, message: "a dialogue needs a time"),
    BadProtocol(
        name: "notes in a partnership", yaml: oneStep("partnership", "    notes: true\n"),
        line: 6, column: 12, message: "a thinking partnership records timings only", expected: "notes: false"),
    BadProtocol(
        name: "a turn length in a discussion", yaml: oneStep("discussion", "    turn: 2m\n"),
        line: 6, column: 5, message: "a discussion step has no fixed turn length"),
    BadProtocol(
        name: "passing in a timed talk", yaml: oneStep("talk", "    turn: 2m\n    pass: true\n"),
        line: 7, column: 5, message: "'pass' means nothing in a talk step"),
    BadProtocol(
        name: "a carriage return alone", yaml: "name: R\rx: 1\nsummary: s\n",
        line: 1, column: 8, message: "a carriage return without a line feed", expected: "LF or CRLF line endings"),
    BadProtocol(
        name: "NUL byte", yaml: "name: T\nsumm\u{0}ary: S\n",
        line: 2, column: 5, message: "NUL byte: this is not a text file"),
]

@Suite struct ProtocolDiagnosticTests {
    @Test(arguments: badProtocols)
    func badInputIsReportedWhereItIs(_ bad: BadProtocol) throws {
        let found = diagnostics(bad.yaml)
        let first = try #require(found.first, "\(bad.name) was accepted")
        #expect(first.file == "test.yaml")
        #expect(first.message.hasPrefix(bad.message), "got: \(first)")
        #expect((first.line, first.column) == (bad.line, bad.column), "got: \(first)")
        if let expected = bad.expected { #expect(first.expected == expected, "got: \(first)") }
    }

    @Test func descriptionIsFileLineColumnMessageExpected() {
        let diagnostic = ProtocolDiagnostic(
            file: "my.yaml", line: 6, column: 11, message: "turn is zero", expected: "a duration")
        #expect(diagnostic.description == "my.yaml:6:11: turn is zero (expected a duration)")
        let bare = ProtocolDiagnostic(file: "my.yaml", line: 0, column: 0, message: "too large")
        #expect(bare.description == "my.yaml:1:1: too large")
    }

    @Test func everyProblemInAFileIsReportedNotOnlyTheFirst() {
        let yaml = """
            name: T
            steps:
              - kind: round
                title: R
                turn: 90
                rounds: many
                components: [Ease, Calm]
              - kind: pairs
                title: P
                components: [Attention]
            """
        let found = diagnostics(yaml)
        let places = found.map { "\($0.line):\($0.column)" }
        #expect(places == ["1:1", "5:11", "6:13", "7:24", "8:5"], "got: \(found)")
    }

    @Test func componentNamesAreCaseInsensitiveAndIncisiveQuestionsHasTwoSpellings() throws {
        let yaml =
            header + "  - kind: question\n    title: Q\n"
            + "    components: [attention, EASE, Incisive Questions, incisive-questions]\n"
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message == "Incisive Questions is listed twice")
        let fine = oneStep("question", components: "[incisive-questions]")
        #expect(try load(fine).get().steps[0].components == [.incisiveQuestions])
    }

    @Test func untilAllPassRoundsWithAStepTimeAndRotationLoad() throws {
        let yaml =
            header + "  - kind: round\n    title: R\n    rounds: until-all-pass\n"
            + "    time: 10m\n    rotate: both\n    pass: false\n    components: [Difference]\n"
        let step = try load(yaml).get().steps[0]
        #expect(step.rounds == .untilAllPass)
        #expect(step.time == .seconds(600))
        #expect(step.rotate == .both)
        #expect(step.pass == false)
    }
}
