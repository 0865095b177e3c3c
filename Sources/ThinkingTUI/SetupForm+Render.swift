import ThinkingCore

extension SetupForm {
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: max(0, width), height: max(0, height))
        let needed = minimumSize(width: width)
        guard width >= needed.width, height >= needed.height else {
            let ask = words.fill(.tooSmall, ["width": "\(needed.width)", "height": "\(needed.height)"])
            for (offset, line) in TextWrap.lines(ask, width: max(1, width - 2), maxLines: 3).enumerated() {
                buffer.writeCentred(line, y: height / 2 + offset, style: .accent)
            }
            return buffer
        }
        let area = buffer.area.inset(by: 1)
        let labelWidth = labelWidth(area: area)
        let x = area.x + 1, valueX = x + labelWidth + 2, valueWidth = area.maxX - valueX - 1
        var y = area.y
        // The keys, on two lines where a language's do not fit on one.
        let keyLines = Self.keyLines(words[.setupKeys], width: area.width)
        buffer.writeCentred(words[.setupTitle], y: y, in: area, style: Style.name.emphasised)
        y += 2
        func label(_ text: String, _ field: Field) {
            buffer.writeTruncated(
                text, x: x, y: y, width: labelWidth + 1, style: focus == field ? Style.accent.emphasised : .quiet)
        }
        label(words[.setupProtocol], .protocolChoice)
        let name = choice.map { "‹ \($0.name) ›" } ?? words[.setupNoProtocol]
        buffer.writeTruncated(
            name, x: valueX, y: y, width: valueWidth, style: focus == .protocolChoice ? .inverse : .normal)
        y += 1
        buffer.writeTruncated(choice?.summary ?? "", x: valueX, y: y, width: valueWidth, style: .quiet)
        y += 2
        label(words[.setupNames], .names)
        let lines = names.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let room = max(1, area.maxY - y - 8 - keyLines.count)
        let shown = lines.suffix(room)
        for (offset, line) in shown.enumerated() {
            let cursor = focus == .names && offset == shown.count - 1 ? "▏" : ""
            buffer.writeTruncated(line + cursor, x: valueX, y: y + offset, width: valueWidth)
        }
        if lines.count > room {
            let above = words.fill(.setupMoreAbove, ["count": "\(lines.count - room)"])
            buffer.writeTruncated(above, x: x, y: y + 1, width: labelWidth + 1, style: .quiet)
        }
        buffer.writeTruncated(
            words[.setupOnePerLine], x: x, y: y + (lines.count > room ? 2 : 1), width: labelWidth + 1, style: .quiet)
        y += max(shown.count, 2) + 1
        let singles: [(String, Field, String, String)] = [
            (words[.setupQuestion], .question, question, words[.setupOptional]),
            (words[.setupTurn], .turn, turn, words[.setupTurnHelp]),
            (words[.setupPresenter], .presenter, presenter, words[.setupPresenterHelp]),
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
        buffer.write(
            "[ \(words[.setupStart]) ]", x: valueX, y: y, style: focus == .start ? .inverse : Style.accent.emphasised)
        if let error {
            let lines = TextWrap.lines(error, width: area.width - 2, maxLines: 2)
            for (offset, line) in lines.enumerated() where y + 2 + offset < area.maxY - 1 {
                buffer.write(line, x: x, y: y + 2 + offset, style: .warning)
            }
        }
        for (offset, line) in keyLines.enumerated() {
            buffer.writeCentred(line, y: area.maxY - keyLines.count + offset, in: area, style: .quiet)
        }
        return buffer
    }

    /// `keys` (pieces joined by " · ") as one line, or broken between pieces into lines that
    /// fit `width`.
    static func keyLines(_ keys: String, width: Int) -> [String] {
        guard keys.displayWidth > width else { return [keys] }
        var lines: [String] = []
        for piece in keys.components(separatedBy: " · ") {
            if let last = lines.last, (last + " · " + piece).displayWidth <= width {
                lines[lines.count - 1] = last + " · " + piece
            } else {
                lines.append(piece)
            }
        }
        return lines
    }

    /// The label column: as wide as the longest label in this language, within a third of the
    /// form.
    private func labelWidth(area: Rect) -> Int {
        let labels: [Word] = [
            .setupProtocol, .setupNames, .setupQuestion, .setupTurn, .setupPresenter, .setupOnePerLine,
        ]
        let widest = max(
            labels.map { words[$0].displayWidth }.max() ?? 0, words.fill(.setupMoreAbove, ["count": "99"]).displayWidth)
        return min(max(12, widest), area.width / 3)
    }

    /// The smallest window the form is drawn whole in at `width`: every row of it (the title,
    /// the protocol, two names, each field, the start, a two-line error) above its keys, and
    /// values 16 columns wide. Anything smaller gets "Make this window larger" instead of
    /// fields drawn over each other.
    func minimumSize(width: Int) -> (width: Int, height: Int) {
        let atWidth = max(width, SessionScreen.minimumWidth)
        let area = Rect(x: 1, y: 1, width: atWidth - 2, height: 0)
        // The border, the label column and its gap, a value of 16, the value's margin.
        let least = 1 + 1 + labelWidth(area: area) + 2 + 16 + 1 + 1
        let keys = Self.keyLines(words[.setupKeys], width: atWidth - 2).count
        let singles = fields.filter { [.question, .turn, .presenter].contains($0) }.count
        let rows = 2 + 3 + 3 + 2 * singles + 1 + 3 + keys
        return (max(SessionScreen.minimumWidth, least), rows + 2)
    }
}
