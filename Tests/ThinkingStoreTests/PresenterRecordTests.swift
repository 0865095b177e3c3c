import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// What a council's Presenter takes home: their question, the council's notes round by
/// round, the appreciation with names, and nothing of anyone's timings.
@Suite("The Presenter's record")
struct PresenterRecordTests {
    static func council() throws -> Transcript {
        let definition = try TranscriptWritersTests.definition("council")
        let plan = try SessionPlan.make(
            definition: definition, names: ["Ana", "Ben", "Chloé", "Dev", "李", "محمد"], presenter: "Chloé")
        var log = ScriptedLog(plan)
        try log.act(.begin)
        try log.at(.seconds(300), .handOn)
        try log.act(.frameQuestion(text: "How might I <lead> this change with ease?"))
        var round = 0
        while log.session.stage != .complete {
            switch log.session.stage {
            case .ready:
                try log.act(.begin)
                if log.session.currentStep?.kind == .round { round += 1 }
            case .round(let progress):
                let who = log.session.people[progress.turn.person]
                if log.session.currentStep?.to == .presenter {
                    try log.at(.seconds(5), .addNote(text: "\(who) appreciates your courage"))
                } else if progress.turn.person.index % 2 == 0 {
                    try log.at(.seconds(5), .addNote(text: "idea \(round) from \(who)"))
                }
                try log.at(.seconds(40), .handOn)
            default: try log.at(.seconds(60), .handOn)
            }
        }
        return try log.transcript()
    }

    /// The record speaks the Presenter's language: its title, fields, sentence and headings
    /// (the steps' titles are the protocol file's own text, as everywhere).
    @Test(arguments: ["fr", "de", "es", "nl"])
    func theRecordIsInTheLanguage(code: String) throws {
        let words = try #require(Words.shipped(code))
        let record = try Self.council().presenterRecord(words: words)
        #expect(TranscriptDocument.plain(record.title).hasPrefix(words.fill(.recordTitle, ["name": "Chloé"]) + " · "))
        #expect(record.sections.map(\.heading).contains(words[.recordYourQuestion]))
        let markdown = record.markdown(), page = record.html(language: code)
        for english in ["Your question", "What the council offered you", "For Chloé", "| For |", "Held"] {
            #expect(!markdown.contains(english), "\(code): \(english) in\n\(markdown)")
        }
        #expect(markdown.contains(words[.recordHeld]) && page.contains("<html lang=\"\(code)\">"))
    }

    @Test func itHoldsTheQuestionTheIdeasAndTheAppreciation() throws {
        let record = try Self.council().presenterRecord()
        #expect(
            TranscriptDocument.plain(record.title).hasPrefix("For Chloé · How might I <lead> this change with ease? · ")
        )
        #expect(
            record.sections.map(\.heading) == [
                nil, "Your question", "Council round 1 of 3", "Council round 2 of 3", "Council round 3 of 3",
                "Appreciation of the Presenter",
            ])
        let question = try #require(record.sections.first { $0.id == "question" })
        #expect(question.blocks == [.quote("How might I <lead> this change with ease?")])
        // The council's ideas in the order spoken, without names (the protocol does not name them).
        #expect(record.sections[2].blocks == [.list(["idea 1 from Ana", "idea 1 from 李"])])
        // The appreciation names who said it (attributed: true in council.yaml).
        let appreciation = try #require(record.sections.last)
        guard case .list(let items)? = appreciation.blocks.first, appreciation.blocks.count == 1 else {
            Issue.record("not one list: \(appreciation.blocks)")
            return
        }
        #expect(
            items.map(TranscriptDocument.plain) == [
                "Ana: Ana appreciates your courage", "Ben: Ben appreciates your courage",
                "Dev: Dev appreciates your courage", "李: 李 appreciates your courage",
                "محمد: محمد appreciates your courage",
            ])
        // Name and words each isolated, for a page that mixes directions.
        #expect(items.last == "\u{2068}محمد\u{2069}: \u{2068}محمد appreciates your courage\u{2069}")
    }

    @Test func itSaysNothingOfTimingsOrFigures() throws {
        let transcript = try Self.council()
        let record = try transcript.presenterRecord()
        // The day and hour it was held is the one time of day in it; the page's style is not text.
        let held = "Sun 22 Nov 2026, 10:00"
        let page = record.html().replacingOccurrences(of: Transcript.htmlStyle, with: "")
        for output in [record.markdown(), page, record.text()] {
            #expect(output.contains(held))
            let text = output.replacingOccurrences(of: held, with: "")
            #expect(text.range(of: #"\b\d+:\d\d\b"#, options: .regularExpression) == nil, "a time: \(text)")
            for word in ["Share", "Spread", "Equality", "%", "interruption", "passed"] {
                #expect(!text.contains(word), "\(word)")
            }
        }
        #expect(record.markdown().contains("> How might I \\<lead\\> this change with ease?"))
        #expect(record.html().contains("<blockquote>How might I &lt;lead&gt; this change with ease?</blockquote>"))
    }

    /// A note that begins like Markdown's own blocks stays a line of text in the Presenter's
    /// list ("1986. A good year" made an ordered list, "---" a rule, "- also" a nested bullet).
    @Test(arguments: [
        ("- also", "\\- also"), ("+ x", "\\+ x"), ("* x", "\\* x"), ("---", "\\---"), ("===", "\\==="),
        ("# x", "\\# x"), ("> x", "\\> x"), ("1986. A good year", "1986\\. A good year"), ("3) third", "3\\) third"),
        ("12.", "12\\."), ("  - indented", "  \\- indented"), ("1.5 hours - a while", "1.5 hours - a while"),
        ("-5 degrees", "\\-5 degrees"), ("2026 plans", "2026 plans"),
    ])
    func aNoteStaysText(note: String, written: String) throws {
        var transcript = try Self.council()
        for k in transcript.notes.indices { transcript.notes[k].text = note }
        let record = try transcript.presenterRecord()
        let lines = record.markdown().split(separator: "\n").map(String.init)
        #expect(lines.contains("- " + written), "\(lines)")
        #expect(!lines.contains("- " + note) || note == written)
        // The same text in a quote, a paragraph and a list, anywhere in a document.
        let document = TranscriptDocument(
            title: "t",
            sections: [.init(id: "s", heading: nil, blocks: [.quote(note), .paragraph(note), .list([note])])])
        #expect(document.markdown() == "# t\n\n> \(written)\n\n\(written)\n\n- \(written)\n")
    }

    @Test func aSessionWithoutAPresenterIsToldSo() throws {
        let round = try TranscriptTests.scriptedRound().transcript()
        #expect(throws: Transcript.PresenterRecordError.noPresenter(protocolName: "Round")) {
            try round.presenterRecord()
        }
        let message = Transcript.PresenterRecordError.noPresenter(protocolName: "Round").description
        #expect(message.contains("has no Presenter") && message.contains("Time to Think Council"))
    }
}
