import ThinkingCore

/// The projected session screen, as a pure function: what is drawn depends only on the
/// room's view of the session (`RoomView`, its whole view model), the facilitator's controls
/// and the window's size.
public struct SessionScreen {
    /// Below this, the screen asks for a larger window (the clock goes on).
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var view: RoomView
    public var controls: Controls
    /// A persistent warning from the log (a write failure), shown until it clears.
    public var warning: String?
    /// Who reads this screen: both at once (the default), the room only, or the facilitator.
    public var audience: Audience = .shared
    /// Big names from a real font; without one, the block letters of `NameBanner`.
    public var letters: NameLetters?
    /// The language of every word drawn (names, questions and titles are the room's own).
    public var words: Words = .english

    public init(view: RoomView, controls: Controls, warning: String? = nil) {
        self.view = view
        self.controls = controls
        self.warning = warning
    }

    /// The screen of `session` at `now`.
    public init(session: Session, controls: Controls, now: Duration, warning: String? = nil) {
        self.init(view: session.roomView(at: now), controls: controls, warning: warning)
    }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        if audience == .room, let roomOnly = withoutFacilitatorParts() {
            return roomOnly.render(width: width, height: height)
        }
        var buffer = ScreenBuffer(width: max(0, width), height: max(0, height))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(view, into: &buffer)
            return buffer
        }
        switch controls.overlay {
        case .help: drawHelp(into: &buffer); return buffer
        case .components: drawComponents(into: &buffer); return buffer
        default: break
        }
        var body = buffer.area
        body = drawFrame(view, into: &buffer, area: body)
        switch view.phase {
        case .ready: drawReady(view, into: &buffer, area: body)
        case .turn: drawTurn(view, into: &buffer, area: body)
        case .pairs: drawPairs(view, into: &buffer, area: body)
        case .question: drawQuestionStep(view, into: &buffer, area: body)
        case .discussion: drawDiscussion(view, into: &buffer, area: body)
        case .complete, .finished: drawSummary(view, into: &buffer, area: body)
        }
        switch controls.overlay {
        case .confirmQuit:
            drawDialog([words[.confirmQuit], words[.confirmQuitKeys]], into: &buffer)
        case .confirmSwap:
            drawDialog([words[.confirmSwap], words[.confirmSwapWhy], words[.confirmSwapKeys]], into: &buffer)
        case .confirmEndStep:
            drawDialog([words[.confirmEndStep], words[.confirmEndStepKeys]], into: &buffer)
        default: break
        }
        return buffer
    }

    // MARK: - Frame: status line, warning, components, hint, message

    /// Draws what surrounds every phase and returns the area left for the phase.
    private func drawFrame(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        var (top, rest) = area.splitTop(1)
        let step = view.stepTitle.flatMap { $0 == view.protocolName ? nil : $0 }
        let title = [view.protocolName, step].compactMap { $0 }.joined(separator: " · ")
        var right: [String] = []
        let room = RoomWords(words: words)
        func usedOf(_ used: Duration, _ total: Duration) -> String {
            words.fill(.usedOf, ["used": DurationText.clock(used), "total": DurationText.format(total)])
        }
        if let progress = view.progress { right.append(room.progress(progress)) }
        if let number = view.stepNumber {
            right.append(words.fill(.stepOf, ["n": "\(number)", "count": "\(view.stepCount)"]))
        }
        if let item = view.item {
            let budget = item.budget.map { " · " + usedOf(item.used, $0) } ?? ""
            right.append(words.fill(.itemOf, ["n": "\(item.number)", "count": "\(item.count)"]) + budget)
        }
        if let time = view.stepTime {
            right.append(usedOf(time.used, time.total))
        } else if let budget = view.budget {
            right.append(usedOf(budget.used, budget.total))
        }
        let rightText = right.joined(separator: " · ")
        let rightX = max(1, top.maxX - 1 - rightText.displayWidth)
        var titleWidth = max(0, top.width - rightText.displayWidth - 4)
        var pausedAt: (x: Int, text: String)?
        if view.paused {
            // Centred, or moved left of the step and time, which it never covers; the title ends
            // before it (with "…") rather than under it. Too narrow for "PAUSED · z resumes",
            // the facilitator reads "PAUSED" alone.
            let texts = [words[audience == .room ? .paused : .pausedResume], words[.paused]]
                .map { " " + $0 + " " }
            for text in texts {
                let width = text.displayWidth
                let x = min(top.x + (top.width - width) / 2, rightX - 1 - width)
                if x >= top.x + 1 || text == texts.last {
                    pausedAt = (max(top.x, x), text)
                    break
                }
            }
            if let pausedAt { titleWidth = min(titleWidth, max(0, pausedAt.x - 2)) }
        }
        buffer.writeTruncated(title, x: 1, y: top.y, width: titleWidth, style: .quiet)
        buffer.write(rightText, x: rightX, y: top.y, style: .quiet)
        if let pausedAt {
            buffer.write(pausedAt.text, x: pausedAt.x, y: top.y, style: .inverse)
        }
        (top, rest) = rest.splitTop(1)
        if let warning {
            buffer.writeCentred("⚠ " + warning, y: top.y, in: top, style: .warning)
        }
        if !controls.hintHidden {
            let hint: Rect
            (rest, hint) = rest.splitBottom(1)
            buffer.writeCentred(hintText(view, width: hint.width - 2), y: hint.y, in: hint, style: .quiet)
        }
        if !view.components.isEmpty {
            let line: Rect
            (rest, line) = rest.splitBottom(1)
            buffer.writeCentred(
                view.components.map { words.name(of: $0) }.joined(separator: " · "), y: line.y, in: line,
                style: .quiet)
        }
        if audience == .facilitator { rest = drawComingNext(view, into: &buffer, area: rest) }
        // A line being typed that is too long for one row takes up to four: the prompt and its
        // keys, then the text wrapped (its last three rows), so all of it can be checked.
        let wrapped = typedLines(width: rest.width - 2)
        let messageLine: Rect
        (rest, messageLine) = rest.splitBottom(wrapped.map { $0.count + 1 } ?? 1)
        if let (prompt, _, help) = inputLine, let wrapped {
            buffer.write(prompt + " " + help, x: 1, y: messageLine.y, style: .quiet)
            for (offset, line) in wrapped.enumerated() {
                buffer.write(line, x: 1, y: messageLine.y + 1 + offset, style: .accent)
            }
        } else if let (prompt, draft, help) = inputLine {
            if audience == .shared, controls.typesPrivately, !controls.revealed {
                // The room reads this screen too: what is being typed stays the facilitator's.
                let count =
                    draft.count == 1
                    ? words[.typingOneCharacter] : words.fill(.typingCharacters, ["count": "\(draft.count)"])
                let masked = prompt.lowercased() + count + " · " + words[.typingCtrlR] + " · " + help
                buffer.writeCentred(masked, y: messageLine.y, in: messageLine, style: .accent)
            } else {
                let room = messageLine.width - 2 - prompt.displayWidth - help.displayWidth - 3
                let shown = String(draft.suffix(max(0, room)))
                buffer.write(prompt + shown + "▏  " + help, x: 1, y: messageLine.y, style: .accent)
            }
        } else if let message = controls.message ?? controls.confirmation?.text {
            buffer.writeCentred(
                message, y: messageLine.y, in: messageLine, style: controls.message == nil ? .quiet : .accent)
        }
        return rest
    }

    /// The text being typed wrapped to `width`, when it does not fit beside its prompt and
    /// keys on one row (and may be shown here); nil otherwise.
    private func typedLines(width: Int) -> [String]? {
        guard let (prompt, draft, help) = inputLine, width > 10 else { return nil }
        if audience == .shared, controls.typesPrivately, !controls.revealed { return nil }
        guard prompt.displayWidth + draft.displayWidth + 1 + 3 + help.displayWidth > width else { return nil }
        // Cut by width, not at spaces: a long word (a link, a CJK sentence) keeps its end.
        var lines: [String] = [""]
        for character in draft + "▏" {
            if lines[lines.count - 1].displayWidth + character.displayWidth > width { lines.append("") }
            lines[lines.count - 1].append(character)
        }
        return lines.count > 3 ? ["…" + lines[lines.count - 3].dropFirst()] + lines.suffix(2) : lines
    }

    /// The line being typed, if any: its prompt, the text so far, and the keys.
    private var inputLine: (String, String, String)? {
        switch controls.overlay {
        case .note(let draft): (words[.typingNote], draft, words[.typingSaves])
        case .arriving(let draft): (words[.typingArriving], draft, words[.typingAdds])
        case .leaving(let draft): (words[.typingLeaving], draft, words[.typingEnter])
        case .incisive(let draft): (words[.typingIncisive], draft, words[.typingKeeps])
        default: nil
        }
    }

    /// The key line: the full form when it fits, else the essentials (`?` lists them all).
    private func hintText(_ view: RoomView, width: Int) -> String {
        let (full, compact): ([Word], [Word])
        switch view.phase {
        case .ready where view.stepKind == .pairs:
            (full, compact) = (
                [.keyStartClock, .keyComponents, .keyKeys, .keyQuit, .keyHide], [.keyStartClock, .keyKeys]
            )
        case .ready:
            (full, compact) = (
                [.keyBegin, .keyComponents, .keyKeys, .keyQuit, .keyHide], [.keyBegin, .keyKeys, .keyQuit]
            )
        case .turn where view.role == .inDialogue:
            (full, compact) = (
                [.keyOtherSpeaks, .keyEndStep, .keyUndo, .keyPause, .keyNote, .keyKeys, .keyQuit],
                [.keyOtherSpeaks, .keyEndStep, .keyKeys]
            )
        case .turn where view.part != nil:
            (full, compact) = ([.keyNextPart, .keyUndo, .keyPause, .keyKeys, .keyQuit], [.keyNextPart, .keyKeys])
        case .turn where view.role == .presenter:
            (full, compact) = (
                [.keyFinished, .keyUndo, .keyPause, .keyNote, .keyInterruption, .keyKeys, .keyQuit],
                [.keyFinished, .keyUndo, .keyPause, .keyKeys, .keyQuit]
            )
        case .turn:
            (full, compact) = (
                [.keyFinished, .keyPass, .keyUndo, .keyPause, .keyNote, .keyInterruption, .keyKeys, .keyQuit],
                [.keyFinished, .keyPass, .keyUndo, .keyPause, .keyKeys, .keyQuit]
            )
        case .pairs:
            (full, compact) = (
                [.keySwapEarly, .keyPause, .keyInterruption, .keyKeys, .keyQuit], [.keySwapEarly, .keyPause, .keyKeys]
            )
        case .question:
            (full, compact) = ([.keyTypeQuestion, .keySave, .keyClear, .keyCtrlCQuit], [.keySave, .keyClear])
        case .discussion:
            (full, compact) = (
                [.keyWhoSpeaks, .keyFinished, .keyRoundFromHere, .keyEndStep, .keyKeys],
                [.keyWhoSpeaksShort, .keyFinished, .keyRoundShort, .keyEndShort]
            )
        case .complete where view.canUndo:
            (full, compact) = (
                [.keyEndSession, .keyUndoLast, .keyFigures, .keyKeys], [.keyEndSessionShort, .keyUndo, .keyFigures]
            )
        case .complete:
            (full, compact) = ([.keyEndSession, .keyFigures, .keyKeys], [.keyEndSessionShort, .keyFigures])
        case .finished:
            (full, compact) = ([.finishedLine], [.finishedShort])
        }
        func line(_ pieces: [Word]) -> String {
            pieces.map { view.paused && $0 == .keyPause ? words[.keyResume] : words[$0] }.joined(separator: " · ")
        }
        let chosen = line(full)
        return chosen.displayWidth <= width ? chosen : line(compact)
    }

    // MARK: - Too small

    private func drawTooSmall(_ view: RoomView, into buffer: inout ScreenBuffer) {
        let area = buffer.area
        let middle = area.height / 2
        let ask = words.fill(.tooSmall, ["width": "\(Self.minimumWidth)", "height": "\(Self.minimumHeight)"])
        let lines = TextWrap.lines(ask, width: area.width, maxLines: 2)
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: max(0, middle - 2 + offset), in: area, style: .accent)
        }
        let who = view.thinker ?? view.stepTitle ?? view.protocolName
        let clock = view.clock.map { ClockText.small($0, words: words) } ?? ""
        if area.height > 1 {
            buffer.writeCentred(
                clock.isEmpty ? who : who + " · " + clock, y: min(area.height - 1, middle + 1), in: area, style: .name)
        }
    }
}
