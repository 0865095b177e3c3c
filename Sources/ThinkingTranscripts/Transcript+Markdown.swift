import ThinkingCore

extension TranscriptDocument {
    /// The document as Markdown: `#` for the title, `##` for sections, `###` within them,
    /// pipe tables with figures right-aligned. Syntax only: every piece of text has
    /// Markdown's active characters escaped (`markdownEscaped`).
    public func markdown() -> String {
        func e(_ s: String) -> String { Transcript.markdownEscaped(TranscriptDocument.plain(s)) }
        // Text that begins a block: it must not begin another (a list, a rule, a heading).
        func b(_ s: String) -> String { Transcript.markdownBlockEscaped(TranscriptDocument.plain(s)) }
        var out = "# \(e(title))\n"
        for section in sections {
            if let heading = section.heading { out += "\n## \(e(heading))\n" }
            for block in section.blocks {
                switch block {
                case .fields(let fields):
                    out += "\n"
                    for field in fields { out += "- \(b(field.label)): \(e(field.value))\n" }
                case .subheading(let heading): out += "\n### \(e(heading))\n"
                case .quote(let quote): out += "\n> \(b(quote))\n"
                case .paragraph(let paragraph): out += "\n\(b(paragraph))\n"
                case .aside(let aside): out += "\n_\(e(aside))_\n"
                case .list(let items):
                    out += "\n"
                    for item in items { out += "- \(b(item))\n" }
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
    public func markdown(local: LocalTime? = nil, words: Words = .english) -> String {
        document(local: local, words: words).markdown()
    }

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

    /// `markdownEscaped`, and a leading `-` `+` `=` or number followed by `.` or `)` (after
    /// any spaces) escaped too, for text that begins a block: "1986. A good year" would be an
    /// ordered list, "- also" or "+ x" a nested bullet, "---" a rule, "===" a heading's
    /// underline. (`*`, `#` and `>` are escaped everywhere.)
    static func markdownBlockEscaped(_ text: String) -> String {
        var out = markdownEscaped(text)
        let bytes = out.utf8
        guard var index = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return out }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            index =
                bytes[index...].firstIndex { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? bytes.endIndex
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return out }
            let after = bytes.index(after: index)
            guard after == bytes.endIndex || bytes[after] == UInt8(ascii: " ") else { return out }
        default:
            return out
        }
        out.insert("\\", at: index)
        return out
    }
}
