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
            drawDialog(["End the session? It can be resumed.", "y: end now    any other key: go back"], into: &buffer)
        case .confirmSwap:
            drawDialog(
                [
                    "Swap the whole room now, before time?", "The time belongs to the thinker.",
                    "y: swap early    any other key: go back",
                ], into: &buffer)
        case .confirmEndStep:
            drawDialog(["End this step now and move on?", "y: end the step    any other key: go back"], into: &buffer)
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
        if let progress = view.progress { right.append(RoomWords.progress(progress)) }
        if let number = view.stepNumber { right.append("Step \(number) of \(view.stepCount)") }
        if let item = view.item {
            let budget = item.budget.map { " · \(DurationText.clock(item.used)) of \(DurationText.format($0))" } ?? ""
            right.append("Item \(item.number) of \(item.count)\(budget)")
        }
        if let time = view.stepTime {
            right.append("\(DurationText.clock(time.used)) of \(DurationText.format(time.total))")
        } else if let budget = view.budget {
            right.append("\(DurationText.clock(budget.used)) of \(DurationText.format(budget.total))")
        }
        let rightText = right.joined(separator: " · ")
        buffer.writeTruncated(
            title, x: 1, y: top.y, width: max(0, top.width - rightText.displayWidth - 4), style: .quiet)
        buffer.write(rightText, x: max(1, top.maxX - 1 - rightText.displayWidth), y: top.y, style: .quiet)
        if view.paused {
            let paused = audience == .room ? " PAUSED " : " PAUSED · z resumes "
            buffer.writeCentred(paused, y: top.y, in: top, style: .inverse)
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
                view.components.map(\.rawValue).joined(separator: " · "), y: line.y, in: line, style: .quiet)
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
                let count = draft.count == 1 ? "1 character" : "\(draft.count) characters"
                let masked = prompt.lowercased() + count + " · Ctrl-R shows it · " + help
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
        case .note(let draft): ("Note: ", draft, "Enter saves · Esc cancels")
        case .arriving(let draft): ("Arriving: ", draft, "Enter adds them · Esc cancels")
        case .leaving(let draft): ("Leaving (number or name): ", draft, "Enter · Esc cancels")
        case .incisive(let draft):
            ("Their incisive question, only if they want it kept: ", draft, "Enter keeps it · Esc")
        default: nil
        }
    }

    /// The key line: the full form when it fits, else the essentials (`?` lists them all).
    private func hintText(_ view: RoomView, width: Int) -> String {
        let (full, compact): (String, String)
        switch view.phase {
        case .ready where view.stepKind == .pairs:
            (full, compact) = (
                "Space: start the clock · c: components · ?: keys · q: quit · h: hide",
                "Space: start the clock · ?: keys"
            )
        case .ready:
            (full, compact) = (
                "Space: begin · c: components · ?: keys · q: quit · h: hide", "Space: begin · ?: keys · q: quit"
            )
        case .turn where view.role == .inDialogue:
            (full, compact) = (
                "Space: the other speaks · e: end step · u: undo · z: pause · n: note · ?: keys · q: quit",
                "Space: the other speaks · e: end step · ?: keys"
            )
        case .turn where view.part != nil:
            (full, compact) = (
                "Space: next part · u: undo · z: pause · ?: keys · q: quit", "Space: next part · ?: keys"
            )
        case .turn where view.role == .presenter:
            (full, compact) = (
                "Space: finished · u: undo · z: pause · n: note · i: interruption · ?: keys · q: quit",
                "Space: finished · u: undo · z: pause · ?: keys · q: quit"
            )
        case .turn:
            (full, compact) = (
                "Space: finished · p: pass · u: undo · z: pause · n: note · i: interruption · ?: keys · q: quit",
                "Space: finished · p: pass · u: undo · z: pause · ?: keys · q: quit"
            )
        case .pairs:
            (full, compact) = (
                "Space: swap early · z: pause · i: interruption · ?: keys · q: quit",
                "Space: swap early · z: pause · ?: keys"
            )
        case .question:
            (full, compact) = (
                "Type the question · Enter: save · Esc: clear · Ctrl-C: quit", "Enter: save · Esc: clear"
            )
        case .discussion:
            (full, compact) = (
                "1-9 or Shift+initial: who speaks · Space: finished · r: round from here · e: end step · ?: keys",
                "1-9: who speaks · Space: finished · r: round · e: end"
            )
        case .complete where view.canUndo:
            (full, compact) = (
                "q: end the session · u: undo the last hand-on · t: figures · ?: keys", "q: end · u: undo · t: figures"
            )
        case .complete:
            (full, compact) = ("q: end the session · t: figures · ?: keys", "q: end · t: figures")
        case .finished:
            (full, compact) = ("The session has finished.", "Finished.")
        }
        let chosen = full.displayWidth <= width ? full : compact
        return view.paused ? chosen.replacing("z: pause", with: "z: resume") : chosen
    }

    // MARK: - Too small

    private func drawTooSmall(_ view: RoomView, into buffer: inout ScreenBuffer) {
        let area = buffer.area
        let middle = area.height / 2
        let ask = "Make this window larger (needs \(Self.minimumWidth) x \(Self.minimumHeight))"
        let lines = TextWrap.lines(ask, width: area.width, maxLines: 2)
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: max(0, middle - 2 + offset), in: area, style: .accent)
        }
        let who = view.thinker ?? view.stepTitle ?? view.protocolName
        let clock = view.clock.map(ClockText.small) ?? ""
        if area.height > 1 {
            buffer.writeCentred(
                clock.isEmpty ? who : who + " · " + clock, y: min(area.height - 1, middle + 1), in: area, style: .name)
        }
    }
}
