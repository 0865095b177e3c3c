import ThinkingCore

/// The body of the screen for each phase: a turn, pairs, a step waiting to begin, the
/// Presenter's question being typed.
extension SessionScreen {
    func drawTurn(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        var rest = drawQuestion(view.question, into: &buffer, area: area)
        rest = drawOrder(view.order, into: &buffer, area: rest)
        rest = drawTotals(view.totals, numbered: false, into: &buffer, area: rest)
        if let part = view.part {
            let line: Rect
            (rest, line) = rest.splitBottom(2)
            buffer.writeCentred(
                words.fill(.partOf, ["n": "\(part.number)", "count": "\(PartnershipPart.allCases.count)"]) + " · "
                    + RoomWords(words: words).part(part), y: line.y,
                in: line,
                style: .quiet)
        }
        // The name, the role, a line about the time, then the clock: one block, centred.
        let slot = nameSlot(in: buffer, available: rest.height - 3)
        let nameRows = slot.rows
        let clockRows = clockHeight(
            view.clock, in: buffer,
            area: Rect(x: rest.x, y: rest.y, width: rest.width, height: max(0, rest.height - 3 - nameRows))
        )
        let block = 3 + nameRows + clockRows
        var (line, below) = rest.splitTop(max(0, (rest.height - block) / 2))
        (line, below) = below.splitTop(nameRows)
        drawName(view.thinker, slot: slot, into: &buffer, area: line)
        (line, below) = below.splitTop(1)
        // A role is said only where it means something: not "Member" in a plain round or a
        // timed talk, where everyone is one.
        let meaningful = view.role.flatMap { $0 == .member && view.presenter == nil ? nil : $0 }
        var role = meaningful.map(RoomWords(words: words).role) ?? ""
        if let recipient = view.recipient { role += " · " + words.fill(.appreciationFor, ["name": recipient]) }
        if let partner = view.partner { role += " · " + words.fill(.partnerIs, ["name": partner]) }
        buffer.writeCentred(role, y: line.y, in: line, style: .quiet)
        // Just above the minimum size no row may be left for the clock: the time goes in words here.
        let cramped = below.height <= 2 ? view.clock.map { ClockText.small($0, words: words) } : nil
        (line, below) = below.splitTop(1)
        if case .over(let over) = view.clock {
            buffer.writeCentred(
                words.fill(.timeOverBy, ["time": DurationText.clock(over)]), y: line.y, in: line,
                style: Style.clockOvertime.emphasised
            )
        } else if let allotted = view.allotted {
            let text = [cramped, words.fill(.ofAllotted, ["time": DurationText.format(allotted)])].compactMap { $0 }
                .joined(separator: " · ")
            buffer.writeCentred(text, y: line.y, in: line, style: .quiet)
        } else if let cramped {
            buffer.writeCentred(cramped, y: line.y, in: line, style: .quiet)
        }
        drawClock(view.clock, into: &buffer, area: below.splitTop(1).rest)
    }

    func drawPairs(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        let rest = drawQuestion(view.question, into: &buffer, area: area)
        let lines = view.pairs.map { pair -> String in
            guard let thinker = pair.thinker else {
                return words.fill(.pairResting, ["names": pair.partners.joined(separator: " \(words[.and]) ")])
            }
            let listeners = pair.partners.joined(separator: ", ")
            return pair.partners.count > 1
                ? words.fill(.pairThinksListen, ["thinker": thinker, "listeners": listeners])
                : words.fill(.pairThinksListens, ["thinker": thinker, "listener": listeners])
        }
        let grid = ListGrid(lines, width: rest.width, rows: rest.height / 2, words: words)
        let (clockArea, list) = rest.splitBottom(grid.rows + 1)
        for (index, line) in grid.lines.enumerated() {
            let cell = grid.cell(index, in: Rect(x: list.x, y: list.y + 1, width: list.width, height: grid.rows))
            buffer.writeCentred(line, y: cell.y, in: cell, style: Style.name.emphasised)
        }
        let (label, clock) = clockArea.splitTop(1)
        buffer.writeCentred(
            words[.pairsExplained], y: label.y, in: label, style: .quiet)
        drawClock(view.clock, into: &buffer, area: clock)
    }

    /// A pairs step before its clock: who pairs with whom, as large as fits, so the room can
    /// move seats; Space starts the shared clock.
    func drawPairsAnnounced(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        let rest = drawQuestion(view.question, into: &buffer, area: area)
        var footer: [(String, Style)] = []
        if let turn = view.turnTime {
            footer.append((words.fill(.eachWay, ["time": DurationText.format(turn)]), .quiet))
        }
        if audience != .room { footer.append((words[.spaceStartsClock], .accent)) }
        let (top, bottom) = rest.splitBottom(footer.count + 1)
        for (offset, (text, style)) in footer.enumerated() {
            buffer.writeCentred(text, y: bottom.y + 1 + offset, in: bottom, style: style)
        }
        let (titleLine, list) = top.splitTop(2)
        buffer.writeCentred(view.stepTitle ?? words[.thinkingPairs], y: titleLine.y, in: titleLine, style: .quiet)
        drawGroups(view.groups, into: &buffer, area: list)
    }

    /// "Ana & Ben", "Chloé & Dev", "Eun, Fay & Gus": in big letters when every one fits, else
    /// in bold; in two columns when there are many.
    func drawGroups(_ groups: [[String]], into buffer: inout ScreenBuffer, area: Rect) {
        let texts = groups.map { group in
            group.count > 2
                ? group.dropLast().joined(separator: ", ") + " \(words[.and]) " + group.last!
                : group.joined(separator: " \(words[.and]) ")
        }
        guard !texts.isEmpty, area.height > 0 else { return }
        let columns = texts.count > 4 && area.width >= 100 ? 2 : 1
        let rows = (texts.count + columns - 1) / columns
        let columnWidth = area.width / columns
        let perGroup = area.height / rows
        let layout =
            audience == .facilitator || perGroup < 5
            ? nil : letters?.layout(for: texts, width: columnWidth - 4, rows: perGroup - 1)
        guard let layout, let letters else {
            let grid = ListGrid(texts, width: area.width, rows: area.height, words: words)
            let block = Rect(
                x: area.x, y: area.y + max(0, (area.height - grid.rows) / 2), width: area.width, height: grid.rows)
            for (index, text) in grid.lines.enumerated() {
                let cell = grid.cell(index, in: block)
                buffer.writeCentred(text, y: cell.y, in: cell, style: Style.name.emphasised)
            }
            return
        }
        let height = layout.rows + 1
        let top = area.y + max(0, (area.height - rows * height) / 2)
        for (index, text) in texts.enumerated() {
            let column = index / rows, row = index % rows
            let cell = Rect(x: area.x + column * columnWidth, y: top + row * height, width: columnWidth, height: height)
            guard cell.maxY <= area.maxY else { break }
            letters.draw(text, layout: layout, in: cell, buffer: &buffer, style: .name)
        }
    }

    func drawReady(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        if view.stepKind == .pairs, !view.groups.isEmpty {
            drawPairsAnnounced(view, into: &buffer, area: area)
            return
        }
        var rest = drawQuestion(view.question, into: &buffer, area: area)
        rest = drawOrder(view.order, into: &buffer, area: rest)
        var lines: [(String, Style)] = [(view.stepTitle ?? "", Style.name.emphasised), ("", .normal)]
        switch view.stepKind {
        case .round:
            if let first = view.order.first { lines.append((words.fill(.starts, ["name": first.name]), .normal)) }
            if let turn = view.turnTime {
                lines.append((words.fill(.eachTurnSame, ["time": DurationText.format(turn)]), .quiet))
            }
            if let recipient = view.recipient {
                lines.append((words.fill(.appreciationOf, ["name": recipient]), .quiet))
            }
        case .pairs:
            if let turn = view.turnTime {
                lines.append((words.fill(.eachWay, ["time": DurationText.format(turn)]), .normal))
            }
        case .talk:
            if let first = view.order.first { lines.append((words.fill(.starts, ["name": first.name]), .normal)) }
            if let turn = view.turnTime {
                lines.append((words.fill(.eachSame, ["time": DurationText.format(turn)]), .quiet))
            }
        case .dialogue:
            lines.append((words[.twoPeople], .normal))
            if let time = view.stepLimit {
                lines.append((words.fill(.inAll, ["time": DurationText.format(time)]), .quiet))
            }
        case .discussion:
            lines.append((words[.anyoneSpeaks], .normal))
        case .partnership:
            lines.append((words[.sixParts], .normal))
        case .presenter:
            if let presenter = view.presenter {
                lines.append((words.fill(.presenterIs, ["name": presenter]), .normal))
            }
        default: break
        }
        if audience != .room { lines += [("", .normal), (words[.spaceBegins], .accent)] }
        let top = rest.y + max(0, (rest.height - lines.count) / 2)
        for (offset, (text, style)) in lines.enumerated() where top + offset < rest.maxY {
            buffer.writeCentred(text, y: top + offset, in: rest, style: style)
        }
    }

    func drawQuestionStep(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        let middle = area.y + area.height / 2
        buffer.writeCentred(
            view.stepTitle ?? words[.presentersQuestion], y: middle - 4, in: area, style: Style.name.emphasised)
        buffer.writeCentred(
            words.fill(.framesQuestion, ["name": view.thinker ?? words[.thePresenter]]), y: middle - 2, in: area,
            style: .quiet)
        guard audience != .room else { return }
        let width = area.width - 8
        let lines = TextWrap.lines(controls.questionDraft + "▏", width: width, maxLines: 3)
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: area.x + 4, y: middle + offset, style: .accent)
        }
        buffer.writeCentred(words[.enterSavesEscClears], y: middle + 4, in: area, style: .quiet)
    }

    func drawDiscussion(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) {
        var rest = drawQuestion(view.question, into: &buffer, area: area)
        rest = drawTotals(view.totals, numbered: true, into: &buffer, area: rest)
        guard view.thinker != nil else {
            let middle = rest.y + rest.height / 2
            buffer.writeCentred(words[.openDiscussion], y: middle - 1, in: rest, style: Style.name.emphasised)
            buffer.writeCentred(
                words[.whoeverWishes], y: middle + 1, in: rest, style: .quiet)
            return
        }
        let slot = nameSlot(in: buffer, available: rest.height - 2)
        let nameRows = slot.rows
        let clockRows = clockHeight(
            view.clock, in: buffer,
            area: Rect(x: rest.x, y: rest.y, width: rest.width, height: max(0, rest.height - 2 - nameRows)))
        var (line, below) = rest.splitTop(max(0, (rest.height - 2 - nameRows - clockRows) / 2))
        (line, below) = below.splitTop(nameRows)
        drawName(view.thinker, slot: slot, into: &buffer, area: line)
        (line, below) = below.splitTop(2)
        buffer.writeCentred(words[.speakingNotCutOff], y: line.y, in: line, style: .quiet)
        drawClock(view.clock, into: &buffer, area: below)
    }

    // MARK: - Pieces

    /// The size at which every present person's name can be drawn in block letters, or nil
    /// when one of them cannot (李, 🦊) or the widest does not fit: then every name is text.
    /// The same for everyone in the session: nobody's name is shown smaller than another's.
    func nameBannerSize(width: Int, height: Int) -> NameBanner.Size? {
        guard audience != .facilitator else { return nil }
        var widest = 0
        for name in view.present {
            guard let columns = NameBanner.width(of: name, size: .small) else { return nil }
            widest = max(widest, columns)
        }
        let tallest = height >= 55 ? 12 : height >= 30 ? 6 : 3
        return NameBanner.Size.allCases.reversed().first {
            $0.rawValue <= tallest && widest * $0.pixelColumns <= width - 4
        }
    }

    /// How the thinker's name is drawn: set in a real font, in block letters, or as text.
    enum NameSlot {
        case letters(NameLetters, NameLayout)
        case banner(NameBanner.Size)
        case text

        var rows: Int {
            switch self {
            case .letters(_, let layout): layout.rows
            case .banner(let size): size.rawValue
            case .text: 1
            }
        }
    }

    /// The largest way to draw every present person's name, given `available` rows for the
    /// name and the clock together: the clock keeps its size where it can (on a small window,
    /// a medium clock), a line of the name takes at most a third of the window, and never less
    /// than 5 rows while a tiny clock still fits.
    func nameSlot(in buffer: ScreenBuffer, available: Int) -> NameSlot {
        guard audience != .facilitator else { return .text }
        if let letters {
            let line = max(5, buffer.height * 35 / 100)
            let width = buffer.width - 4
            // On a small window the name is worth more than the clock's last two rows.
            let clock = buffer.height < 30 ? BigClock.Size.medium.height : clockCap(in: buffer)
            let budget = max(min(5, available - BigClock.Size.tiny.height), available - clock)
            let layouts = [line, 2 * line + NameLayout.lineGap].compactMap {
                letters.layout(for: view.present, width: width, rows: min($0, budget))
            }
            if let layout = layouts.max(by: { $0.pixelSize < $1.pixelSize }) { return .letters(letters, layout) }
        }
        if let banner = nameBannerSize(width: buffer.width, height: buffer.height) { return .banner(banner) }
        return .text
    }

    func drawName(_ name: String?, slot: NameSlot, into buffer: inout ScreenBuffer, area: Rect) {
        guard let name else { return }
        switch slot {
        case .letters(let letters, let layout):
            if letters.draw(name, layout: layout, in: area, buffer: &buffer, style: Style.name) > 0 { return }
        case .banner(let size):
            if NameBanner.draw(name, size: size, y: area.y, in: area, buffer: &buffer, style: Style.name) > 0 { return }
        case .text: break
        }
        buffer.writeCentred(name, y: area.y, in: area, style: Style.name.emphasised)
    }

    /// Running totals (a dialogue, a discussion's tallies) at the bottom of `area`.
    func drawTotals(_ totals: [RoomView.Total], numbered: Bool, into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        guard !totals.isEmpty else { return area }
        let cells = totals.enumerated().map { index, total -> (String, Style) in
            let number = numbered && index < 9 ? "\(index + 1) " : ""
            let text = "\(number)\(total.name) \(DurationText.clock(total.time))"
            return (text, total.speaking ? Style.accent.emphasised : .normal)
        }
        let width = (cells.map { neutralised($0.0).displayWidth }.max() ?? 0) + 4
        let columns = max(1, min(cells.count, (area.width - 2) / max(1, width)))
        let rows = (cells.count + columns - 1) / columns
        let (rest, strip) = area.splitBottom(min(rows + 1, max(1, area.height / 3)))
        let left = strip.x + max(0, (strip.width - columns * width) / 2)
        for (index, cell) in cells.enumerated() {
            let y = strip.y + 1 + index / columns
            guard y < strip.maxY else { break }
            buffer.write(cell.0, x: left + (index % columns) * width, y: y, style: cell.1, maxWidth: width - 1)
        }
        return rest
    }

    // MARK: - Pieces (continued)

    /// The question in force, wrapped, at the top of `area`; returns what is left below.
    func drawQuestion(_ question: String?, into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        guard let question, !question.isEmpty else { return area }
        // On a projector-sized window a short question is drawn in big letters, on one line.
        if audience != .facilitator, area.height >= 40, let letters,
            let layout = letters.layout(for: [question], width: area.width - 8, rows: 5), layout.lineCount == 1
        {
            letters.draw(question, layout: layout, in: area.splitTop(layout.rows).top, buffer: &buffer, style: .accent)
            return area.splitTop(layout.rows + 1).rest
        }
        let maxLines = area.height >= 30 ? 3 : 2
        let lines = TextWrap.lines(question, width: area.width - 6, maxLines: maxLines)
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: area.y + offset, in: area, style: Style.accent.emphasised)
        }
        return area.splitTop(lines.count + 1).rest
    }

    /// The order strip at the bottom of `area`; returns what is left above it.
    func drawOrder(_ order: [RoomView.OrderEntry], into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        guard !order.isEmpty else { return area }
        let parts = order.map { entry -> (String, Style) in
            switch entry.status {
            case .spoke: ("✓ " + entry.name, .quiet)
            case .passed: ("– " + words.fill(.orderPassed, ["name": entry.name]), .quiet)
            case .thinking: ("▶ " + entry.name, Style.accent.emphasised)
            case .next: (words.fill(.orderNext, ["name": entry.name]), .normal)
            case .waiting: ("· " + entry.name, .normal)
            }
        }
        let separator = "   "
        var rows: [[(String, Style)]] = [[]]
        var rowWidth = 0
        for part in parts {
            let width = neutralised(part.0).displayWidth + separator.count
            if rowWidth + width > area.width - 2, !rows[rows.count - 1].isEmpty, rows.count < 2 {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append(part)
            rowWidth += width
        }
        let (rest, strip) = area.splitBottom(rows.count + 1)
        for (index, row) in rows.enumerated() {
            let total = row.map { neutralised($0.0).displayWidth }.reduce(0, +) + separator.count * (row.count - 1)
            var x = strip.x + max(1, (strip.width - total) / 2)
            for (text, style) in row {
                x = buffer.write(text, x: x, y: strip.y + 1 + index, style: style, maxWidth: strip.maxX - x)
                x += separator.count
            }
        }
        return rest
    }

    /// The rows the big clock takes in `area`: the largest size that fits, kept to a
    /// size whose redraws stay cheap (the projector-sized glyphs on a projector-sized window).
    func clockHeight(_ clock: RoomView.ClockState?, in buffer: ScreenBuffer, area: Rect) -> Int {
        guard let clock else { return 0 }
        let text = ClockText.big(clock, words: words)
        return BigClock.size(for: text, fitting: area.width, height: min(area.height, clockCap(in: buffer)))?.height
            ?? 1
    }

    /// The tallest clock this window gets.
    func clockCap(in buffer: ScreenBuffer) -> Int {
        let cap = buffer.width >= 200 && buffer.height >= 55 ? BigClock.Size.huge.height : BigClock.Size.large.height
        return audience == .facilitator ? min(cap, Self.facilitatorClockCap.height) : cap
    }

    /// The big clock, as large as fits, but kept to a size whose redraws stay cheap: the
    /// projector-sized glyphs only on a projector-sized window.
    func drawClock(_ clock: RoomView.ClockState?, into buffer: inout ScreenBuffer, area: Rect) {
        guard let clock, area.height > 0 else { return }
        let rows = clockHeight(clock, in: buffer, area: area)
        let rect = Rect(x: area.x, y: area.y, width: area.width, height: max(1, rows))
        let style: Style = if case .over = clock { .clockOvertime } else { .clock }
        BigClock.draw(ClockText.big(clock, words: words), in: rect, buffer: &buffer, style: style)
    }
}

/// Lines laid out in as many columns as they need and the width allows (two for more than four
/// on a wide window), filling each column top to bottom; when even then they cannot all fit,
/// the last place says how many are not shown, so the room never loses a pair without a word.
struct ListGrid {
    let lines: [String]
    let rows: Int
    let columnWidth: Int

    init(_ all: [String], width: Int, rows maxRows: Int, words: Words = .english) {
        let maxRows = max(1, maxRows)
        let widest = (all.map(\.displayWidth).max() ?? 0) + 3
        let wanted = all.count > 4 && width >= 100 ? 2 : 1
        let columns = min(max(1, width / widest), max(wanted, (all.count + maxRows - 1) / maxRows))
        rows = min(maxRows, max(1, (all.count + columns - 1) / columns))
        let places = rows * columns
        lines =
            all.count > places
            ? all.prefix(places - 1) + [words.fill(.moreNotShown, ["count": "\(all.count - places + 1)"])] : all
        columnWidth = width / columns
    }

    /// The one-row place of line `index` in `area`.
    func cell(_ index: Int, in area: Rect) -> Rect {
        Rect(x: area.x + index / rows * columnWidth, y: area.y + index % rows, width: columnWidth, height: 1)
    }
}
