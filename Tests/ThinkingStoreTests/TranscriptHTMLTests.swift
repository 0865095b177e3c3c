import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Transcripts: the HTML export")
struct TranscriptHTMLTests {
    static let hostile = ["<script>alert(1)</script>", "\"quoted\"", "a & b", "esc\u{1B}[31mred", "O'Neil"]

    static func hostileTranscript() throws -> Transcript {
        var plan = Plans.round(Self.hostile, question: "<b>bold</b> & 'why'? \u{1B}]0;title\u{07}")
        plan.definition.steps[0].title = "Round <i>\u{1B}[2J"
        var log = ScriptedLog(plan, name: "<img src=x onerror=alert(1)>")
        try log.act(.begin)
        try log.at(.seconds(10), .addNote(text: "</td></tr></table><script>x</script> & \u{1B}[2J"))
        try log.at(.seconds(30), .handOn)
        try log.at(.seconds(5), .pass)
        for _ in 2..<Self.hostile.count { try log.at(.seconds(45), .handOn) }
        try log.at(.seconds(20), .handOn)
        return try log.transcript(readProblems: ["torn <line> & \u{1B}[2J"])
    }

    static func parse(_ html: String) throws -> StrictMarkup {
        let markup = try StrictMarkup(html)
        #if canImport(FoundationXML)
            let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
            #expect(XMLParser(data: Data(body.utf8)).parse(), "Foundation's XML parser refuses the page")
        #endif
        return markup
    }

    @Test func thePageIsWellFormedAndSelfContained() throws {
        for transcript in [
            try TranscriptTests.scriptedRound().transcript(), try Self.hostileTranscript(),
            try TranscriptHostileTests.hostileTranscript(),
            try ComponentEvidenceTests.council().transcript(), try ScriptedLog(Plans.round()).transcript(),
        ] {
            let html = transcript.html()
            let markup = try Self.parse(html)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(markup.elements.first?.name == "html")
            for outside in ["http://", "https://", "<script", "<link", "<iframe", "<img", "@import", "//"] {
                #expect(!html.contains(outside), "\(outside)")
            }
            #expect(markup.elements.allSatisfy { $0.attributes["src"] == nil && $0.attributes["href"] == nil })
            #expect(markup.elements.allSatisfy { !$0.attributes.keys.contains { $0.hasPrefix("on") } })
            #expect(html.contains("@page { size: A4; margin: 15mm }"))
            #expect(html.contains("break-inside: avoid"))
            #expect(controlCharacters(in: html).isEmpty)
        }
    }

    /// A page in German: its charts' labels and its figures (a decimal comma) in the language,
    /// and a facilitator's own words escaped like any other text (an aria-label was not).
    @Test func thePageSpeaksItsLanguageAndEscapesItsWords() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        let german = try #require(Words.shipped("de"))
        let page = transcript.html(words: german)
        _ = try Self.parse(page)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        #expect(page.contains("aria-label=\"\(german[.chartTimeline])\"") && page.contains(german[.chartSpeaking]))
        let shares = transcript.equality.people.compactMap(\.share).filter { $0 % 10 != 0 }
        let share = try #require(shares.first, "a share with tenths")
        #expect(page.contains(Equality.percent(share, words: german)) && !page.contains(Equality.percent(share)))
        var own = german.table
        own[.chartTimeline] = "Zeit\" onload=\"alert(1)"
        own[.presenterMark] = "<b>(P)</b>"
        let hostile = try Self.parse(transcript.html(words: Words(code: "de", table: own)))
        #expect(hostile.elements.allSatisfy { !$0.attributes.keys.contains { $0.hasPrefix("on") } })
        #expect(!hostile.elements.contains { $0.name == "b" })
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let transcript = try Self.hostileTranscript()
        let html = transcript.html()
        let markup = try Self.parse(html)
        // Only the page's own elements: no name, question or note became markup.
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "table", "tr", "th", "td", "p",
            "blockquote", "ul", "li", "figure", "svg", "defs", "pattern", "rect", "line", "text", "circle", "section",
            "bdi",
        ]
        #expect(Set(markup.elements.map(\.name)).subtracting(allowed).isEmpty)
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quoted&quot;"))
        #expect(html.contains("a &amp; b"))
        #expect(html.contains("O&#39;Neil"))
        #expect(html.contains("esc␛[31mred"))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;x&lt;/script&gt; &amp; ␛[2J"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &#39;why&#39;? ␛]0;title␇"))
        #expect(html.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"))  // the session file
        #expect(html.contains("torn &lt;line&gt; &amp; ␛[2J"))
        // Each name reaches the reader intact once entities are decoded: in the tables and
        // in both charts' labels.
        for name in Self.hostile {
            let shown = safe(name)
            let count = markup.text.components(separatedBy: shown).count - 1
            #expect(count >= 4, "\(shown) appears \(count) times")
        }
    }

    /// A name inside a sentence is isolated (`<bdi>`), so that a right-to-left name does not
    /// carry the figures after it to its left: "محمد 1/0" read "1/0 محمد". Other writers show
    /// no mark of it.
    @Test func namesInSentencesAreIsolated() throws {
        let sessions = try TranscriptWritersTests.sessions()
        let round = try #require(sessions.first { $0.0 == "round" }?.1)
        let html = round.html()
        #expect(html.contains("Turns and passes: <bdi>Ana</bdi> 1/1, <bdi>Zoë</bdi> 1/0, <bdi>李</bdi> 1/0, "))
        #expect(html.contains("<bdi>محمد</bdi> 1/0"))
        #expect(html.contains("<li>10:01:54: <bdi>Fox</bdi> arrived</li>"))
        #expect(
            html.contains("(while <bdi>李</bdi> was thinking): <bdi>a note with | pipes * and &lt;tags&gt;</bdi></li>"))
        #expect(html.contains("<h3>Round 1 · starts with <bdi>Ana</bdi> · "))
        #expect(html.contains("<title>Round · What is going well for you? · "))
        let markup = try Self.parse(html)
        #expect(markup.elements("bdi").count > 10)
        // Names alone in a table cell or a chart's label need no isolating: cells are their own.
        #expect(html.contains("<td>محمد</td>"))
        for (_, transcript) in sessions {
            for output in [transcript.showText(), transcript.markdown(), try transcript.json()] {
                #expect(!output.unicodeScalars.contains { $0 == "\u{2068}" || $0 == "\u{2069}" })
                #expect(!output.contains("bdi"))
            }
        }
    }

    /// Ana reached her 2:00 by half a second: the table does not call it over, and neither
    /// does the chart (it hatched the half second).
    @Test func underASecondOverIsNotHatched() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.milliseconds(120_500), .handOn)
        try log.at(.seconds(125), .handOn)
        let transcript = try log.transcript()
        #expect(transcript.turns.map(\.wentOver) == [false, true])
        let over = try Self.parse(transcript.html()).elements("rect", class: "over")
        #expect(over.count == 1)
    }

    @Test func theTimelineHasOneBarPerTurnTakenAndAMarkPerPass() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        let markup = try Self.parse(transcript.html())
        let bars = markup.elements("rect", class: "turn")
        let taken = transcript.turns.filter { !$0.passed }
        #expect(bars.count == taken.count)
        #expect(markup.elements("circle", class: "pass").count == transcript.turns.filter(\.passed).count)
        // Chloé ran over: one hatched, outlined part over her bar, nowhere else.
        let over = markup.elements("rect", class: "over")
        #expect(over.count == 1)
        #expect(over.first?.attributes["fill"] == "url(#hatch)")
        #expect(over.first?.attributes["stroke-dasharray"] != nil)
        // Bars sit in their person's lane, left to right in time, lengths as the turns'.
        let xs = bars.compactMap { $0.attributes["x"].flatMap(Double.init) }
        #expect(xs == xs.sorted())
        let widths = bars.compactMap { $0.attributes["width"].flatMap(Double.init) }
        for (k, turn) in taken.enumerated() {
            let expected = widths[0] * (turn.active / taken[0].active)
            #expect(abs(widths[k] - expected) < 0.05, "turn \(k + 1)")
        }
        // Taken in order: Ana, Chloé, Dev, then Ben (offered again): lanes 1, 3, 4, 2.
        let ys = bars.compactMap { $0.attributes["y"].flatMap(Double.init) }
        #expect(ys.map { Int((($0 - ys[0]) / 20).rounded()) } == [0, 2, 3, 1])
    }

    @Test func speakingBarsAreProportionalToSpeakingTime() throws {
        let transcript = try ComponentEvidenceTests.council().transcript()
        let markup = try Self.parse(transcript.html())
        let bars = markup.elements("rect", class: "share")
        #expect(bars.count == transcript.people.count)
        let widths = bars.compactMap { $0.attributes["width"].flatMap(Double.init) }
        let speaking = transcript.equality.people.map(\.speaking)
        let longest = try #require(speaking.max())
        let full = try #require(widths.max())
        for (width, time) in zip(widths, speaking) {
            #expect(abs(width - full * (time / longest)) < 0.05)
        }
        #expect(markup.text.contains("8:10") && !markup.text.contains("8:10 ·"))  // the Presenter: time, no share
        #expect(markup.text.contains("1:35 · 31.1%"))  // a member's share of the members' time
    }

    @Test func thePageHoldsTheTranscriptTheFiguresAndTheComponents() throws {
        let transcript = try ComponentEvidenceTests.council().transcript()
        let markup = try Self.parse(transcript.html())
        let text = markup.text
        #expect(text.contains("Round 1 · starts with Ana · clockwise"))
        #expect(text.contains("The Presenter's question: What if I trusted the team?"))
        #expect(text.contains("Spread among members (the Presenter is apart): longest 1:35"))
        #expect(text.contains("Closing appreciation round held (step 5 · Closing round, directed to the Presenter)"))
        #expect(text.contains("Framed in step 2: What if I trusted the team?"))
        // Each turn is a row: who, when, how long, of how long, over, how it ended.
        let rows = markup.elements("tr").filter { $0.path.hasSuffix("table/tr") }
        #expect(rows.count >= transcript.turns.count)
        #expect(text.contains("10:00:00Chloépresenter6:4010:00"))
        #expect(text.contains("Benmember1:151:00+0:15"))
    }
}
