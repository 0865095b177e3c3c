import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The same sessions through every writer: each shows every section and every figure of the
/// one document, with the same values (the writers only add syntax).
@Suite("Transcripts: every writer, the same document")
struct TranscriptWritersTests {
    static let catalog = ProtocolCatalog(environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent"])

    static func definition(_ id: String) throws -> ProtocolDefinition {
        try #require(catalog.entry(id: id)?.definition, "the built-in \(id)")
    }

    /// Drives a session to its end the way a facilitator might: begin each step, hand on
    /// after a while, frame the Presenter's question, let a few people speak in a discussion,
    /// wait out pairs; `extra` acts first at each turn number (a note, a pass, an arrival…).
    static func run(
        _ plan: SessionPlan, zone: String = "UTC", extra: (inout ScriptedLog, Int) throws -> Void = { _, _ in }
    ) throws -> Transcript {
        var log = ScriptedLog(plan, zone: zone)
        var spoken = 0
        for n in 1...500 {
            try extra(&log, n)
            switch log.session.stage {
            case .ready: try log.act(.begin)
            case .question: try log.act(.frameQuestion(text: "How might I lead this change with ease?"))
            case .discussion(let progress):
                if progress.speaker != nil {
                    try log.at(.seconds(25), .handOn)
                } else if spoken < 4 {
                    try log.act(.speak(person: PersonID(spoken % log.session.people.count)))
                    spoken += 1
                } else {
                    try log.act(.endStep)
                }
            case .pairs: try log.wait(.seconds(60))
            case .complete, .finished: return try log.transcript()
            default: try log.at(.seconds(Int64(20 + n % 17)), .handOn)
            }
        }
        return try log.transcript()
    }

    /// Every protocol that runs without an agenda file, with arrivals, departures, an early
    /// swap, notes, pauses, passes and interruptions.
    static func sessions() throws -> [(String, Transcript)] {
        let five = ["Ana", "Zoë", "李", "محمد", "Dev"]
        var out: [(String, Transcript)] = []
        let round = try SessionPlan.make(
            definition: definition("round"), names: five, question: "What is going well for you?")
        out.append(
            (
                "round",
                try run(round) { log, n in
                    switch n {
                    case 2: try log.act(.pass)
                    case 3: try log.act(.addNote(text: "a note with | pipes * and <tags>"))
                    case 4:
                        try log.at(.seconds(5), .pause)
                        try log.at(.seconds(40), .resume)
                    case 5: try log.act(.join(name: "Fox"))
                    case 6: try log.act(.leave(person: 1))
                    case 7: try log.act(.noteInterruption)
                    default: break
                    }
                }
            ))
        let pairs = try SessionPlan.make(definition: definition("thinking-pairs"), names: five)
        out.append(
            (
                "pairs",
                try run(pairs) { log, n in
                    if n == 4, case .pairs = log.session.stage { try log.act(.swapEarly) }
                }
            ))
        let council = try SessionPlan.make(
            definition: definition("council"), names: ["Ana", "Ben", "Chloé", "Dev", "Eun", "李"], presenter: "Chloé")
        out.append(
            (
                "council",
                try run(council) { log, n in
                    if n % 3 == 0, log.session.currentStep?.notes == true, log.session.stage.liveTurn != nil {
                        try log.act(.addNote(text: "idea \(n)"))
                    }
                }
            ))
        for id in ["dialogue", "open-discussion", "thinking-partnership", "timed-talk"] {
            let plan = try SessionPlan.make(
                definition: definition(id),
                names: id == "dialogue" || id == "thinking-partnership" ? ["Zoë", "Fox"] : five)
            out.append((id, try run(plan)))
        }
        out.append(
            (
                "transforming-meeting",
                try run(transformingMeeting(five)) { log, n in
                    if n == 6 { try log.act(.addNote(text: "an item's note")) }
                }
            ))
        return out
    }

    /// A transforming meeting over a YAML agenda whose items take a round, pairs and a
    /// discussion.
    static func transformingMeeting(_ names: [String]) throws -> SessionPlan {
        let dir = try TemporaryDirectory()
        let path = dir.sub("agenda.yaml")
        writeFile(
            path,
            """
            - How do we make Tuesday's meeting shorter?
            - question: What would make the new timetable work for everyone?
              steps: [pairs, round]
              time: 15m
              turn: 2m
            - question: What do we want to keep?
              steps: [discussion]
            """)
        let request = PlanRequest(
            protocolName: "transforming-meeting", people: names.joined(separator: ", "), agendaPath: path)
        return try request.plan(catalog: ProtocolCatalog(environment: dir.environment))
    }

    @Test func everyWriterShowsEveryPieceOfTheDocument() throws {
        for (id, transcript) in try Self.sessions() {
            let document = transcript.document()
            let texts = document.texts
            #expect(texts.count > 10, "\(id)")
            // The page's text with its isolates (`<bdi>`) left out: the words, as they read.
            let text = transcript.showText(), markdown = transcript.markdown()
            let html = transcript.html().replacingOccurrences(of: "<bdi>", with: "")
                .replacingOccurrences(of: "</bdi>", with: "")
            for piece in texts {
                #expect(text.contains(piece), "\(id): show lacks \(piece)")
                #expect(markdown.contains(Transcript.markdownEscaped(piece)), "\(id): Markdown lacks \(piece)")
                #expect(html.contains(Transcript.htmlEscaped(piece)), "\(id): HTML lacks \(piece)")
            }
            // Every section, in the same order, under the same heading.
            let headings = document.sections.compactMap(\.heading).map(TranscriptDocument.plain)
            for (writer, output, mark) in [("show", text, ""), ("markdown", markdown, "## "), ("html", html, "<h2>")] {
                var from = output.startIndex
                for heading in headings {
                    let escaped =
                        writer == "markdown"
                        ? Transcript.markdownEscaped(heading)
                        : writer == "html" ? Transcript.htmlEscaped(heading) : heading
                    let found = output.range(of: mark + escaped, range: from..<output.endIndex)
                    #expect(found != nil, "\(id): \(writer) lacks section \(heading), or out of order")
                    if let found { from = found.upperBound }
                }
            }
            // The data formats carry the same figures.
            let decoded = try Transcript.fromJSON(Data(try transcript.json().utf8))
            #expect(decoded == transcript, "\(id)")
            #expect(decoded.equality == transcript.equality)
            let rows = lines(transcript.csv(), separator: "\r\n").dropFirst().filter { !$0.isEmpty }
            #expect(rows.count == transcript.turns.count, "\(id)")
            for (row, turn) in zip(rows, transcript.turns) {
                #expect(row.contains(",\(TranscriptWords.tenths(turn.active)),"), "\(id): \(row)")
            }
        }
    }

    /// The JSON written by hand reads exactly as `JSONEncoder` writes the same transcript
    /// (with DEL, C1 and bidi controls escaped), for every session and for hostile text.
    @Test func theJSONIsTheEncodersOwn() throws {
        var sessions = try Self.sessions()
        var hostile = try #require(sessions.first?.1)
        hostile.people[0] = "Zo\u{0}ë \"q\" \\ / \u{7F}\u{9B}31m\u{202E}\u{2066}\u{8}\u{C}\t\r\n\u{1F}🦊"
        hostile.problems = ["line 3: \u{1B}[2J", ""]
        hostile.framedQuestion = "Ä\u{85}?"
        hostile.seed = UInt64.max
        hostile.presenter = 2
        sessions.append(("hostile", hostile))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (id, transcript) in sessions {
            let reference = Self.escapingTerminalControls(
                String(decoding: try encoder.encode(transcript), as: UTF8.self))
            let written = try transcript.json()
            let same = Array(zip(written, reference + "\n").prefix { $0 == $1 }).count
            #expect(written == reference + "\n", "\(id) differs after: \(written.prefix(same).suffix(120))")
        }
    }

    /// The encoder's JSON with DEL, C1 controls and bidi controls as `\uXXXX` (what the
    /// program wrote before its JSON was written by hand).
    static func escapingTerminalControls(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    @Test func theSectionsAThoroughSessionHas() throws {
        let sessions = try Self.sessions()
        let round = try #require(sessions.first { $0.0 == "round" }?.1)
        let ids = round.document().sections.map(\.id)
        #expect(ids == ["summary", "step-1", "pauses", "arrivals", "equality", "components"])
        let arrivals = try #require(round.document().sections.first { $0.id == "arrivals" })
        #expect(
            arrivals.blocks == [.list(["10:01:54: \u{2068}Fox\u{2069} arrived", "10:02:19: \u{2068}Zoë\u{2069} left"])])
        let pairs = try #require(sessions.first { $0.0 == "pairs" }?.1)
        #expect(pairs.document().texts.contains { $0.contains("ended early by the facilitator, for the whole room") })
        let partnership = try #require(sessions.first { $0.0 == "thinking-partnership" }?.1)
        let roles = partnership.turns.map { TranscriptWords.role($0) }
        #expect(roles.first == "thinker, part 1: exploring" && roles.last == "thinker, part 6: appreciation")
        #expect(Set(roles).count == 6, "six named parts, not six unnamed lines")
    }

    @Test func sharesAddUpToAHundredInEveryDocument() throws {
        for (id, transcript) in try Self.sessions() {
            let equality = transcript.equality
            let shares = equality.people.compactMap(\.share)
            if equality.people.contains(where: { !$0.presenter && $0.speaking >= .seconds(1) }) {
                #expect(shares.reduce(0, +) == 1000, "\(id): \(shares)")
            }
            // The table shows the same shares the figures hold.
            let section = try #require(transcript.document().sections.first { $0.id == "equality" })
            guard case .table(let table)? = section.blocks.first(where: { if case .table = $0 { true } else { false } })
            else {
                Issue.record("\(id): no equality table")
                continue
            }
            let column = try #require(table.columns.firstIndex { $0.title == "Share" })
            #expect(table.rows.map { $0[column] } == equality.people.map { Equality.percent($0.share) }, "\(id)")
            let members = equality.people.filter { !$0.presenter }
            #expect(
                equality.people.compactMap(\.fairShare).reduce(.zero, +) == members.reduce(.zero) { $0 + $1.speaking })
            #expect(equality.total == members.reduce(.zero) { $0 + .seconds($1.speaking.milliseconds / 1000) }, "\(id)")
        }
    }

    @Test func theCouncilReportsThePresenterApart() throws {
        let council = try #require(try Self.sessions().first { $0.0 == "council" }?.1)
        let equality = council.equality
        #expect(equality.presenterApart)
        #expect(equality.presenter?.share == nil && (equality.presenter?.speaking ?? .zero) > .zero)
        #expect(squeezed(council.showText()).contains("Chloé (Presenter) "))
        #expect(council.showText().contains("The Presenter, Chloé, spoke "))
    }
}

@Suite("Transcripts: chart coordinates")
struct SVGNumberTests {
    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(SVGLayout.n(2) == "2" && SVGLayout.n(1.5) == "1.50" && SVGLayout.n(3.14159) == "3.14")
        #expect(SVGLayout.n(-0.25) == "-0.25" && SVGLayout.n(-2.5) == "-2.50" && SVGLayout.n(0.004) == "0")
        #expect(SVGLayout.n(10.05) == "10.05" && SVGLayout.n(599.999) == "600")
    }
}

@Suite("Transcripts: small overruns")
struct SmallOverrunTests {
    /// A hand-on 0.4 s after the turn's time: the turn did reach its time, but no writer says
    /// "+0:00 over" (seen in a trial).
    @Test func aTurnOverByLessThanASecondIsNotPlusZero() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.milliseconds(120_400), .handOn)
        try log.at(.seconds(30), .handOn)
        let transcript = try log.transcript()
        #expect(transcript.turns[0].overrun == .milliseconds(400))
        for text in [transcript.showText(), transcript.markdown(), transcript.html()] {
            #expect(!text.contains("+0:00"))
        }
        #expect(squeezed(transcript.showText()).contains("Ana member 2:00 2:00\n"))
    }
}
