import ThinkingCore

/// Who reads the screen: the one screen that does both (the default), the projected room
/// view a second display shows, or the facilitator's own view beside it (`run --control`).
extension SessionScreen {
    public enum Audience: Equatable, Sendable {
        /// One screen for everyone: the room's view with the key line, notes and dialogs.
        case shared
        /// What the room reads, and nothing else: no key line, no note being typed, no
        /// message, no warning, no dialog or card.
        case room
        /// The facilitator's terminal: the same state with a smaller clock, the keys, the
        /// note being typed, and what comes next.
        case facilitator
    }

    /// The tallest clock on the facilitator's screen (the room has the big one).
    static let facilitatorClockCap = BigClock.Size.medium

    /// This screen with every facilitator's part taken away, or nil when there is none.
    func withoutFacilitatorParts() -> SessionScreen? {
        var quiet = Controls()
        quiet.hintHidden = true
        guard controls != quiet || warning != nil else { return nil }
        var copy = self
        copy.controls = quiet
        copy.warning = nil
        return copy
    }

    /// The line "Next: Ben · Then: Council round 2" above the components line; returns
    /// what is left above it.
    func drawComingNext(_ view: RoomView, into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        let text = Self.comingNext(view, words: words)
        guard !text.isEmpty, area.height > 4 else { return area }
        let (rest, line) = area.splitBottom(1)
        buffer.writeCentred(text, y: line.y, in: line, style: .accent)
        return rest
    }

    /// What comes next, for the facilitator: the next person, then the next step's title.
    static func comingNext(_ view: RoomView, words: Words = .english) -> String {
        var parts: [String] = []
        switch view.phase {
        case .ready:
            if let first = view.order.first { parts.append(words.fill(.nextStarts, ["name": first.name])) }
        case .turn:
            if let next = view.order.first(where: { $0.status == .next }) {
                parts.append(words.fill(.nextIs, ["name": next.name]))
            }
        case .complete:
            parts.append(words[.nextEnd])
        default: break
        }
        if let next = view.nextStepTitle, view.phase != .complete {
            parts.append(words.fill(.thenStep, ["title": next]))
        }
        return parts.joined(separator: " · ")
    }
}
