import ThinkingCore

extension SetupForm {
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: max(0, width), height: max(0, height))
        guard width >= SessionScreen.minimumWidth, height >= SessionScreen.minimumHeight else {
            buffer.writeCentred(
                "Make this window larger (needs \(SessionScreen.minimumWidth) x \(SessionScreen.minimumHeight))",
                y: height / 2, style: .accent)
            return buffer
        }
        let area = buffer.area.inset(by: 1)
        let labelWidth = 12
        let x = area.x + 1, valueX = x + labelWidth + 2, valueWidth = area.maxX - valueX - 1
        var y = area.y
        buffer.writeCentred("A new session", y: y, in: area, style: Style.name.emphasised)
        y += 2
        func label(_ text: String, _ field: Field) {
            buffer.write(text, x: x, y: y, style: focus == field ? Style.accent.emphasised : .quiet)
        }
        label("Protocol", .protocolChoice)
        let name = choice.map { "‹ \($0.name) ›" } ?? "(no protocol)"
        buffer.writeTruncated(
            name, x: valueX, y: y, width: valueWidth, style: focus == .protocolChoice ? .inverse : .normal)
        y += 1
        buffer.writeTruncated(choice?.summary ?? "", x: valueX, y: y, width: valueWidth, style: .quiet)
        y += 2
        label("Names", .names)
        let lines = names.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let room = max(1, area.maxY - y - 9)
        let shown = lines.suffix(room)
        for (offset, line) in shown.enumerated() {
            let cursor = focus == .names && offset == shown.count - 1 ? "▏" : ""
            buffer.writeTruncated(line + cursor, x: valueX, y: y + offset, width: valueWidth)
        }
        if lines.count > room { buffer.write("(\(lines.count - room) more above)", x: x, y: y + 1, style: .quiet) }
        buffer.write("one per line", x: x, y: y + (lines.count > room ? 2 : 1), style: .quiet)
        y += max(shown.count, 2) + 1
        let singles: [(String, Field, String, String)] = [
            ("Question", .question, question, "optional"),
            ("Turn time", .turn, turn, "optional: 90s, 2m, 1m30s"),
            ("Presenter", .presenter, presenter, "a name from the list"),
        ]
        for (title, field, value, help) in singles where fields.contains(field) {
            label(title, field)
            let text = value.isEmpty && focus != field ? help : value + (focus == field ? "▏" : "")
            // Two rows to a field: a long answer wraps onto the second, and past that the rows
            // show its end (after "…"), where the typing is.
            var rows = TextWrap.lines(text, width: max(1, valueWidth), maxLines: 1000)
            if rows.count > 2 { rows = ["…" + rows[rows.count - 2].dropFirst(), rows[rows.count - 1]] }
            for (offset, row) in rows.enumerated() {
                buffer.writeTruncated(
                    row, x: valueX, y: y + offset, width: valueWidth,
                    style: value.isEmpty && focus != field ? .quiet : .normal)
            }
            y += 2
        }
        buffer.write("[ Start ]", x: valueX, y: y, style: focus == .start ? .inverse : Style.accent.emphasised)
        if let error {
            let lines = TextWrap.lines(error, width: area.width - 2, maxLines: 2)
            for (offset, line) in lines.enumerated() where y + 2 + offset < area.maxY - 1 {
                buffer.write(line, x: x, y: y + 2 + offset, style: .warning)
            }
        }
        buffer.writeCentred(
            "Tab/↓: next · ↑: back · ←/→: protocol · Ctrl-S or F10: start · Esc: cancel", y: area.maxY - 1, in: area,
            style: .quiet)
        return buffer
    }
}
