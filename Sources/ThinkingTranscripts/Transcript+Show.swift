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

/// The terminal writer's output, built as UTF-8 bytes (a long session's table has half a
/// million cells: bytes are appended without any walk over characters).
private struct TextOut {
    var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func line(_ s: String) {
        bytes.append(contentsOf: TranscriptDocument.plain(s).utf8)
        bytes.append(0x0A)
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

    /// Columns as wide as their widest cell, two spaces apart, the last column left free.
    /// Nothing is cut: the document's text is shown whole. Each cell's width is measured
    /// once (and each distinct text beyond ASCII once: names repeat down a long table).
    mutating func table(_ table: TranscriptDocument.Table) {
        let all = [table.columns.map(\.title)] + table.rows + (table.footer.map { [$0] } ?? [])
        let count = table.columns.count
        var known: [String: Int] = [:]
        func width(_ cell: String) -> Int {
            if let w = DisplayWidth.asciiWidth(cell) { return w }  // no hashing for the commonest cells
            if let w = known[cell] { return w }
            let w = cell.displayWidth
            known[cell] = w
            return w
        }
        let cellWidths = all.map { $0.prefix(count).map(width) }
        var widths = [Int](repeating: 0, count: count)
        for row in cellWidths {
            for (k, w) in row.enumerated() { widths[k] = max(widths[k], w) }
        }
        for (row, rowWidths) in zip(all, cellWidths) {
            bytes.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            for (k, cell) in row.prefix(count).enumerated() {
                let last = k == count - 1
                let fill = last && !table.columns[k].numeric ? 0 : max(0, widths[k] - rowWidths[k])
                if table.columns[k].numeric {
                    bytes.append(contentsOf: repeatElement(0x20, count: fill))
                    bytes.append(contentsOf: cell.utf8)
                } else {
                    bytes.append(contentsOf: cell.utf8)
                    bytes.append(contentsOf: repeatElement(0x20, count: fill))
                }
                if !last { bytes.append(contentsOf: [0x20, 0x20]) }
            }
            while bytes.last == 0x20 { bytes.removeLast() }
            bytes.append(0x0A)
        }
    }
}

extension Transcript {
    /// The readable transcript for a terminal (`thinkenv show`): `document(local:)` as text.
    public func showText(local: LocalTime? = nil, words: Words = .english) -> String {
        document(local: local, words: words).text()
    }
}
