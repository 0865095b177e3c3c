import ThinkingCore

/// The summary at the end, the keys, the components card and confirmation dialogs.
extension SessionScreen {
    /// The end: the room reads "Thank you" and the session's length; everyone's figures only
    /// when the facilitator asks (`t`), and always on the facilitator's own screen.
    func drawSummary(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        guard audience == .facilitator || controls.showsFigures else {
            let middle = area.y + area.height / 2
            buffer.writeCentred(words[.thankYou], y: middle - 2, in: area, style: Style.name.emphasised)
            let length = view.length.map { words.fill(.sessionTook, ["time": DurationText.format($0)]) } ?? ""
            let done = words[view.phase == .finished ? .sessionFinished : .everyStepDone]
            buffer.writeCentred(done, y: middle, in: area, style: .normal)
            buffer.writeCentred(length, y: middle + 1, in: area, style: .quiet)
            return
        }
        guard let equality = view.equality else { return }
        var y = area.y
        let finished = words[view.phase == .finished ? .sessionFinished : .everyStepDone]
        buffer.writeCentred(finished, y: y, in: area, style: Style.name.emphasised)
        y += 2
        let table = Self.equalityTable(equality, names: view.names, width: area.width - 2, words: words)
        let x = area.x + max(1, (area.width - (table.map(\.displayWidth).max() ?? 0)) / 2)
        buffer.write(table[0], x: x, y: y, style: .quiet)
        y += 1
        for row in table.dropFirst() where y < area.maxY - 2 {
            buffer.write(row, x: x, y: y)
            y += 1
        }
        // The spread in words, on as many lines as it needs (two at 80 columns in a council).
        let spread = TextWrap.lines(equality.spreadLine(words), width: max(10, area.maxX - x - 1), maxLines: 3)
        for (k, line) in spread.enumerated() where y + 1 + k < area.maxY {
            buffer.writeTruncated(line, x: x, y: y + 1 + k, width: area.maxX - x, style: .quiet)
        }
    }

    /// The end's figures as aligned rows, the header first: each column as wide as its widest
    /// cell, numbers right-aligned under their headings. The Presenter's share and fair share
    /// read "—" (their time is apart from the members').
    static func equalityTable(_ equality: Equality, names: [String], width: Int, words: Words = .english) -> [String] {
        let headers = [
            words[.figureTurns], words[.figurePasses], words[.figureTime], words[.figureShare], words[.figureFairShare],
        ]
        let rows = equality.people.map { person in
            [
                String(person.turns), String(person.passes), DurationText.clock(person.speaking),
                Equality.percent(person.share, words: words), person.fairShare.map(DurationText.clock) ?? "—",
            ]
        }
        let widths = headers.indices.map { column in
            rows.reduce(headers[column].displayWidth) { max($0, $1[column].displayWidth) }
        }
        let figuresWidth = widths.reduce(0) { $0 + $1 + 3 }
        let labels = equality.people.map { person in
            neutralised(
                names.holds(person.person)
                    ? names[person.person] : words.fill(.personN, ["n": "\(person.person.number)"]))
                + (person.presenter ? " " + words[.presenterMark] : "")
        }
        let widest = max(words[.figureName].displayWidth, labels.map(\.displayWidth).max() ?? 0)
        let nameWidth = min(max(4, width - figuresWidth), max(4, widest))
        func line(_ label: String, _ cells: [String]) -> String {
            label.truncated(toWidth: nameWidth).padded(nameWidth)
                + zip(cells, widths).map { "   " + $0.leftPadded($1) }.joined()
        }
        return [line(words[.figureName], headers)] + zip(labels, rows).map { line($0, $1) }
    }

    func drawHelp(into buffer: inout ScreenBuffer) {
        let keys: [(String, String)] = [
            ("Space, Enter", words[.helpHandOn]),
            ("p", words[.helpPass]),
            ("u", words[.helpUndo]),
            ("z", words[.helpPause]),
            ("n", words[.helpNote]),
            ("i", words[.helpInterruption]),
            ("c", words[.helpComponents]),
            ("+, -", words[.helpArriveLeave]),
            ("h", words[.helpHide]),
            ("Ctrl-R", words[.helpCtrlR]),
            ("t", words[.helpFigures]),
            ("?", words[.helpThisList]),
            ("q, Ctrl-C", words[.helpQuit]),
            (words[.helpInPairs], words[.helpInPairsText]),
            (words[.helpCouncil], words[.helpCouncilText]),
        ]
        drawCard(title: words[.keysTitle], rows: keys, into: &buffer)
    }

    func drawComponents(into buffer: inout ScreenBuffer) {
        let rows = Component.allCases.map { (words.name(of: $0), words.line(of: $0)) }
        drawCard(title: words[.componentsTitle], rows: rows, into: &buffer)
    }

    /// A card of rows, a key (or name) beside its text: a text too long for its column wraps
    /// onto the next lines (nothing is cut off), with a blank line between rows when there is room.
    private func drawCard(title: String, rows: [(String, String)], into buffer: inout ScreenBuffer) {
        var area = buffer.area.inset(by: 1)
        let keyWidth = rows.map { $0.0.displayWidth }.max() ?? 0
        let x = area.x + max(0, (area.width - min(area.width, keyWidth + 3 + 80)) / 2)
        let textWidth = max(10, min(80, area.maxX - x - keyWidth - 3))
        let wrapped = rows.map { TextWrap.lines($0.1, width: textWidth, maxLines: 4) }
        let lineCount = wrapped.reduce(0) { $0 + $1.count }
        // On a small window the card takes the top and bottom rows too rather than lose a line.
        if lineCount + 2 > area.height { area = Rect(x: area.x, y: 0, width: area.width, height: buffer.height) }
        // The title and a blank line, the rows (a blank line between them if there is room), and
        // the last line for "Any key returns".
        let spacing = area.height >= lineCount + rows.count + 4 ? 2 : 1
        let used = lineCount + (rows.count - 1) * (spacing - 1)
        let gap = area.height >= used + 3 ? 2 : 1
        var y = area.y + max(0, (area.height - used - gap - 1) / 2)
        buffer.writeCentred(title, y: y, in: area, style: Style.name.emphasised)
        y += gap
        for ((key, _), lines) in zip(rows, wrapped) where y < area.maxY - 1 {
            buffer.write(key, x: x, y: y, style: Style.accent.emphasised)
            for line in lines where y < area.maxY - 1 {
                buffer.write(line, x: x + keyWidth + 3, y: y)
                y += 1
            }
            y += spacing - 1
        }
        buffer.writeCentred(words[.keysAnyReturns], y: area.maxY - 1, in: area, style: .quiet)
    }

    func drawDialog(_ lines: [String], into buffer: inout ScreenBuffer) {
        let width = min(buffer.width - 4, (lines.map(\.displayWidth).max() ?? 0) + 6)
        let box = buffer.area.centred(width: width, height: lines.count + 4)
        buffer.fill(box, with: .blank(.inverse))
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: box.y + 2 + offset, in: box, style: Style.inverse.emphasised)
        }
    }
}

extension String {
    func padded(_ width: Int) -> String {
        let w = displayWidth
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
