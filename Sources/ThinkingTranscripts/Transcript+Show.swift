import ThinkingCore

extension TranscriptDocument {
    /// The document as text for a terminal (`thinkenv show`): the title, then each section
    /// under its heading, tables in aligned columns (figures right-aligned). Syntax only: the
    /// words are the document's, already safe for a terminal.
    public func text() -> String {
        var out = TextOut()
        out.line(title)
        for section in sections {
            if let heading = section.heading {
                out.line("")
                out.line(heading)
            }
            for block in section.blocks { out.block(block) }
        }
        return out.text
    }
}

/// The terminal writer's output, built in one string.
private struct TextOut {
    var text = ""

    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }

    mutating func block(_ block: TranscriptDocument.Block) {
        switch block {
        case .fields(let fields): for field in fields { line("  \(field.label): \(field.value)") }
        case .subheading(let heading): line("  \(heading)")
        case .quote(let quote): line("  > \(quote)")
        case .paragraph(let paragraph), .aside(let paragraph): line("  \(paragraph)")
        case .list(let items): for item in items { line("    \(item)") }
        case .table(let table): self.table(table)
        case .chart: break
        }
    }

    /// Columns as wide as their widest cell (names capped at 24 columns, cut with `…`), two
    /// spaces apart, the last column left free.
    mutating func table(_ table: TranscriptDocument.Table) {
        let all = [table.columns.map(\.title)] + table.rows + (table.footer.map { [$0] } ?? [])
        let count = table.columns.count
        var widths = [Int](repeating: 0, count: count)
        for row in all {
            for (k, cell) in row.prefix(count).enumerated() { widths[k] = max(widths[k], min(24, cell.displayWidth)) }
        }
        func render(_ row: [String]) {
            var s = "    "
            for (k, cell) in row.prefix(count).enumerated() {
                let last = k == count - 1
                let shown = last ? cell : cell.truncated(toWidth: widths[k])
                let fill = last && !table.columns[k].numeric ? 0 : max(0, widths[k] - shown.displayWidth)
                let padding = String(repeating: " ", count: fill)
                s += table.columns[k].numeric ? padding + shown : shown + padding
                if !last { s += "  " }
            }
            while s.last == " " { s.removeLast() }
            line(s)
        }
        for row in all { render(row) }
    }
}

extension Transcript {
    /// The readable transcript for a terminal (`thinkenv show`): `document(local:)` as text.
    public func showText(local: LocalTime? = nil) -> String { document(local: local).text() }
}
