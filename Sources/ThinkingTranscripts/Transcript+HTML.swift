import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The transcript as one self-contained HTML page, printable on A4: the same content as
    /// `markdown`, with a timeline chart and per-person speaking-time bars drawn in inline
    /// SVG (`Transcript+SVG.swift`), and the components section. No script, no link, no
    /// address of anything outside the file: it opens offline and prints as it shows.
    ///
    /// The markup is XHTML-compatible (every element closed, attributes quoted) so that it
    /// can be parsed as XML. User text is made safe (`safe(_:)`), then escaped
    /// (`htmlEscaped`); names are cut to 80 characters (24 in the charts).
    public func html(utcOffset: Int = 0) -> String {
        let names = people.map { Self.htmlEscaped(TranscriptWords.shown($0, limit: 80)) }
        let page = HTMLPage(transcript: self, names: names, utcOffset: utcOffset)
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\"/>",
            "<title>Transcript: \(page.text(session))</title>", "<style>", Self.htmlStyle, "</style>", "</head>",
            "<body>",
        ]
        out += page.summary()
        out += ["<h2>Timeline</h2>", "<figure>", timelineSVG(), "</figure>"]
        out += ["<h2>Speaking time</h2>", "<figure>", speakingSVG(), "</figure>"]
        for step in steps { out += page.step(step) }
        out += page.tail()
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Text escaped for HTML and XML, in element content and in quoted attributes alike:
    /// `&` `<` `>` `"` `'`. Pass it text already made safe.
    static func htmlEscaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Print-friendly: black on white, light fills, tables and charts kept whole on a page.
    static let htmlStyle = """
        @page { size: A4; margin: 15mm }
        body { font: 10.5pt/1.4 system-ui, sans-serif; color: #111; background: #fff; max-width: 180mm; margin: 0 auto }
        h1 { font-size: 16pt; margin: 0 0 4pt } h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid }
        h3 { font-size: 11pt; margin: 8pt 0 2pt; break-after: avoid }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0; break-inside: avoid; page-break-inside: avoid }
        th, td { border-bottom: 0.5pt solid #bbb; padding: 1pt 5pt; text-align: left; vertical-align: top }
        th { border-bottom: 1pt solid #333 } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums }
        figure { margin: 4pt 0; break-inside: avoid; page-break-inside: avoid } svg { max-width: 100% }
        svg text { font: 10px system-ui, sans-serif; fill: #111 } .muted { color: #555 }
        blockquote { margin: 2pt 0 4pt; padding-left: 8pt; border-left: 2pt solid #999 }
        section.components p { margin: 1pt 0 }
        """
}

/// The pieces of the HTML page, with the names and times it shares.
struct HTMLPage {
    let transcript: Transcript
    let names: [String]
    let utcOffset: Int

    func text(_ s: String) -> String { Transcript.htmlEscaped(safe(s)) }
    func time(_ wall: WallTime) -> String { wall.timeOfDay(utcOffset: utcOffset) }
    func name(_ person: PersonID) -> String {
        names.holds(person) ? names[person] : text(transcript.name(person))
    }

    func summary() -> [String] {
        let t = transcript
        var out = ["<h1>Transcript: \(text(t.session))</h1>", "<table class=\"summary\">"]
        func row(_ label: String, _ value: String) { out.append("<tr><th>\(label)</th><td>\(value)</td></tr>") }
        row("Protocol", "\(text(t.protocolName)) (\(text(t.protocolID)))")
        row(
            "Started",
            "\(t.started.date(utcOffset: utcOffset)) \(time(t.started)) \(WallTime.zoneName(utcOffset: utcOffset))")
        row("Lasted", TranscriptWords.clock(t.duration))
        row("Status", text(TranscriptWords.status(t)))
        row("People", TranscriptWords.roster(t, limit: 80, escape: Transcript.htmlEscaped))
        if let question = t.sessionQuestion { row("Session question", text(question)) }
        if let question = t.framedQuestion { row("The Presenter&#39;s question", text(question)) }
        if let question = t.incisiveQuestion { row("The thinker&#39;s incisive question (theirs)", text(question)) }
        out.append("</table>")
        return out
    }

    func step(_ step: Transcript.Step) -> [String] {
        var out = ["<h2>Step \(step.number) · \(text(step.title)) (\(step.kind.rawValue))</h2>"]
        guard step.reached else { return out + ["<p class=\"muted\">Not reached.</p>"] }
        if let question = step.question {
            out.append(
                "<blockquote>\(text(TranscriptWords.questionLabel(question.source))): \(text(question.text))</blockquote>"
            )
        }
        if step.kind == .question, let framed = transcript.framedQuestion {
            out.append("<p>Framed: \(text(framed))</p>")
        }
        for round in step.rounds {
            if step.kind == .round {
                let starter = round.starter.map { "starts with \(name($0))" } ?? "starter unknown"
                out.append(
                    "<h3>Round \(round.number) · \(starter) · \(round.direction?.rawValue ?? "direction unknown")</h3>")
            }
            out += turnTable(round.turns, pairs: step.kind == .pairs)
        }
        let notes = transcript.notes.filter { $0.step == step.number && step.kind != .pairs }
        if !notes.isEmpty {
            out += ["<h3>Notes</h3>", "<ul>"]
            for note in notes {
                let whose = note.person.map { " (while \(name($0)) was thinking)" } ?? ""
                out.append("<li>\(time(note.at))\(whose): \(text(note.text))</li>")
            }
            out.append("</ul>")
        }
        return out
    }

    func turnTable(_ turns: [Transcript.Turn], pairs: Bool) -> [String] {
        var out = [
            "<table class=\"turns\">",
            "<tr><th>Start</th><th>Person</th><th>Role</th><th class=\"n\">Time</th><th class=\"n\">Allotted</th>"
                + "<th class=\"n\">Over</th><th>How it ended</th></tr>",
        ]
        for turn in turns {
            var role = turn.role.rawValue
            if pairs, let group = turn.group { role += ", half \(turn.turn), pair \(group + 1)" }
            var remarks = TranscriptWords.remarks(turn)
            if TranscriptWords.endedBy(turn) == nil && !turn.passed { remarks.insert("by the thinker", at: 0) }
            let cells = [
                "<td>\(time(turn.started))</td>", "<td>\(name(turn.person))</td>", "<td>\(role)</td>",
                "<td class=\"n\">\(turn.passed ? "—" : TranscriptWords.clock(turn.active))</td>",
                "<td class=\"n\">\(turn.allotted.map(TranscriptWords.clock) ?? "")</td>",
                "<td class=\"n\">\(turn.overrun > .zero ? "+" + TranscriptWords.clock(turn.overrun) : "")</td>",
                "<td>\(remarks.joined(separator: ", "))</td>",
            ]
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        return out + ["</table>"]
    }

    /// Pauses, clock gaps, the equality table, the components and problems.
    func tail() -> [String] {
        let t = transcript
        var out: [String] = []
        if !t.pauses.isEmpty {
            out += ["<h2>Pauses and downtime</h2>", "<ul>"]
            out += t.pauses.map { "<li>\(time($0.from)): \(TranscriptWords.pause($0))</li>" }
            out.append("</ul>")
        }
        if !t.clockGaps.isEmpty {
            out += ["<h2>Clock gaps</h2>", "<ul>"]
            out += t.clockGaps.map { "<li>\(time($0.at)): \(TranscriptWords.gap($0))</li>" }
            out.append("</ul>")
        }
        out += equality()
        let sections = t.components.sections(name: name, text: text)
        if !sections.isEmpty {
            out += ["<section class=\"components\">", "<h2>Components (what the log shows)</h2>"]
            for section in sections {
                out.append("<h3>\(section.component.rawValue)</h3>")
                out += section.lines.map { "<p>\($0)</p>" }
            }
            out.append("</section>")
        }
        if !t.problems.isEmpty {
            out += ["<h2>Problems</h2>", "<ul>"] + t.problems.map { "<li>\(text($0))</li>" } + ["</ul>"]
        }
        return out
    }

    func equality() -> [String] {
        let figures = transcript.equality
        var out = [
            "<h2>Equality</h2>", "<table class=\"equality\">",
            "<tr><th>Person</th><th class=\"n\">Time</th><th class=\"n\">Share</th><th class=\"n\">Fair share</th><th class=\"n\">Turns</th>"
                + "<th class=\"n\">Passes</th><th class=\"n\">Interruptions</th></tr>",
        ]
        for row in figures.people {
            let who = name(row.person) + (row.presenter ? " (Presenter)" : "")
            let cells = [
                TranscriptWords.clock(row.speaking), Equality.percent(row.share),
                row.fairShare.map(TranscriptWords.clock) ?? "—", "\(row.turns)",
                "\(row.passes)", "\(row.interruptions)",
            ]
            out.append("<tr><td>\(who)</td>" + cells.map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>")
        }
        out.append(
            "<tr><th>Total</th><th class=\"n\">\(TranscriptWords.clock(figures.total))</th><th></th><th></th>"
                + "<th></th><th></th><th></th></tr>")
        out += ["</table>", "<p>\(figures.spreadLine).</p>"]
        return out
    }
}
