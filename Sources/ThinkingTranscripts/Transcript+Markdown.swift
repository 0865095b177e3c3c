import ThinkingCore

extension TranscriptDocument {
    /// The document as Markdown: `#` for the title, `##` for sections, `###` within them,
    /// pipe tables with figures right-aligned. Syntax only: every piece of text has
    /// Markdown's active characters escaped (`markdownEscaped`).
    public func markdown() -> String {
        func e(_ s: String) -> String { Transcript.markdownEscaped(s) }
        var out = "# \(e(title))\n"
        for section in sections {
            if let heading = section.heading { out += "\n## \(e(heading))\n" }
            for block in section.blocks {
                switch block {
                case .fields(let fields):
                    out += "\n"
                    for field in fields { out += "- \(e(field.label)): \(e(field.value))\n" }
                case .subheading(let heading): out += "\n### \(e(heading))\n"
                case .quote(let quote): out += "\n> \(e(quote))\n"
                case .paragraph(let paragraph): out += "\n\(e(paragraph))\n"
                case .aside(let aside): out += "\n_\(e(aside))_\n"
                case .list(let items):
                    out += "\n"
                    for item in items { out += "- \(e(item))\n" }
                case .table(let table):
                    out += "\n| " + table.columns.map { e($0.title) }.joined(separator: " | ") + " |\n"
                    out += "| " + table.columns.map { $0.numeric ? "---:" : "---" }.joined(separator: " | ") + " |\n"
                    for row in table.rows + (table.footer.map { [$0] } ?? []) {
                        out += "| " + row.map { $0.isEmpty ? " " : e($0) }.joined(separator: " | ") + " |\n"
                    }
                case .chart: break
                }
            }
        }
        return out
    }
}

extension Transcript {
    /// The transcript as Markdown: `document(local:)` in Markdown's syntax.
    public func markdown(local: LocalTime? = nil) -> String { document(local: local).markdown() }

    /// Markdown's active characters, all ASCII: `\` `` ` `` `*` `_` `<` `>` `|` `[` `]` `#` `&` `~`.
    private static let markdownActive: Set<UInt8> = Set("\\`*_<>|[]#&~".utf8)

    /// Text with Markdown's active characters backslash-escaped. Pass it text already made safe.
    static func markdownEscaped(_ text: String) -> String {
        // A byte scan first: most text has nothing to escape.
        guard text.utf8.contains(where: markdownActive.contains) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if let byte = character.asciiValue, markdownActive.contains(byte) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
