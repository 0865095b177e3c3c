import ThinkingCore
import ThinkingLog

extension TranscriptDocument {
    /// The document as one self-contained HTML page, printable on A4: `h1` for the title,
    /// `h2` for sections, a table of label and value for the summary, tables with figures
    /// right-aligned. `chart` draws a chart block (inline SVG), or nothing. No script, no
    /// link, no address of anything outside the file: it opens offline and prints as it
    /// shows. Syntax only: every piece of text is escaped (`htmlEscaped`).
    ///
    /// The markup is XHTML-compatible (every element closed, attributes quoted) so that it
    /// can be parsed as XML.
    public func html(language: String = "en", chart: (Chart) -> String = { _ in "" }) -> String {
        func e(_ s: String) -> String { Transcript.htmlEscaped(s) }
        var out = "<!DOCTYPE html>\n<html lang=\"\(e(language))\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<title>\(e(Self.plain(title)))</title>\n<style>\n\(Transcript.htmlStyle)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(title))</h1>\n"
        for section in sections {
            out += "<section id=\"\(e(section.id))\">\n"
            if let heading = section.heading { out += "<h2>\(e(heading))</h2>\n" }
            for block in section.blocks {
                switch block {
                case .fields(let fields):
                    out += "<table class=\"summary\">\n"
                    for field in fields { out += "<tr><th>\(e(field.label))</th><td>\(e(field.value))</td></tr>\n" }
                    out += "</table>\n"
                case .subheading(let heading): out += "<h3>\(e(heading))</h3>\n"
                case .quote(let quote): out += "<blockquote>\(e(quote))</blockquote>\n"
                case .paragraph(let paragraph): out += "<p>\(e(paragraph))</p>\n"
                case .aside(let aside): out += "<p class=\"muted\">\(e(aside))</p>\n"
                case .list(let items):
                    out += "<ul>\n"
                    for item in items { out += "<li>\(e(item))</li>\n" }
                    out += "</ul>\n"
                case .table(let table): out += Self.htmlTable(table)
                case .chart(let which):
                    let svg = chart(which)
                    if !svg.isEmpty {
                        out += "<figure>\n"
                        out += svg  // appended, not interpolated: a long session's chart is megabytes
                        out += "\n</figure>\n"
                    }
                }
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static func htmlTable(_ table: Table) -> String {
        func e(_ s: String) -> String { Transcript.htmlEscaped(s) }
        var out = "<table>\n<tr>"
        for column in table.columns {
            out += column.numeric ? "<th class=\"n\">\(e(column.title))</th>" : "<th>\(e(column.title))</th>"
        }
        out += "</tr>\n"
        // Appended piece by piece: a long session's table has half a million cells.
        func row(_ cells: [String], cell: String) {
            out += "<tr>"
            for (column, text) in zip(table.columns, cells) {
                out += "<"
                out += cell
                if column.numeric { out += " class=\"n\"" }
                out += ">"
                out += e(text)
                out += "</"
                out += cell
                out += ">"
            }
            out += "</tr>\n"
        }
        for cells in table.rows { row(cells, cell: "td") }
        if let footer = table.footer { row(footer, cell: "th") }
        return out + "</table>\n"
    }
}

extension Transcript {
    /// The transcript as a printable HTML page: `document(local:)` with its two charts, the
    /// timeline of turns and the speaking time per person (`Transcript+SVG.swift`).
    public func html(local: LocalTime? = nil, words: Words = .english) -> String {
        document(local: local, words: words).html(language: words.code) { chart in
            switch chart {
            case .timeline: timelineSVG(words: words)
            case .speaking: speakingSVG(words: words)
            }
        }
    }

    /// Text escaped for HTML and XML, in element content and in quoted attributes alike:
    /// `&` `<` `>` `"` `'`; a document's isolated text (`TranscriptDocument.isolated`) in
    /// `<bdi>` (not for attributes, nor for the page's `<title>`: pass those `plain`). Pass it
    /// text already made safe.
    static func htmlEscaped(_ text: String) -> String {
        // A byte scan first: most text has nothing to escape, and all five are ASCII.
        guard
            text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
                || TranscriptDocument.hasIsolates(text)
        else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{2068}": out += "<bdi>"
            case "\u{2069}": out += "</bdi>"
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
