import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// The review, as a pure function of its state and the window's size: the list of
/// sessions (newest first, with a search) or one session read at a glance.
public struct ReviewScreen {
    public var state: ReviewState
    /// Seconds east of UTC, for times as the room lived them.

    public init(state: ReviewState) {
        self.state = state
    }

    var words: Words { state.words }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: max(0, width), height: max(0, height))
        guard width >= 20, height >= 6 else {
            buffer.writeCentred(words[.reviewTooSmall], y: height / 2, style: .accent)
            return buffer
        }
        if let transcript = state.transcript {
            drawSession(transcript, into: &buffer)
        } else {
            drawList(into: &buffer)
        }
        if state.askingFormat {
            drawFormatQuestion(into: &buffer)
        }
        return buffer
    }

    // MARK: - The list

    private func drawList(into buffer: inout ScreenBuffer) {
        let area = buffer.area
        let shown = state.visible
        let count =
            shown.count == state.entries.count
            ? "\(shown.count)" : words.fill(.reviewCountOf, ["n": "\(shown.count)", "count": "\(state.entries.count)"])
        buffer.writeTruncated(
            words[.reviewSessions], x: 1, y: 0, width: max(0, area.width - 3 - count.displayWidth),
            style: Style.name.emphasised)
        buffer.write(count, x: max(1, area.width - 1 - count.displayWidth), y: 0, style: .quiet)
        let searchLine: String
        if state.searching {
            searchLine = words.fill(.reviewSearch, ["query": state.query + "▏"]) + "  " + words[.reviewSearchHint]
        } else if !state.query.isEmpty {
            searchLine = words.fill(.reviewSearch, ["query": state.query]) + "  " + words[.reviewSearchKept]
        } else {
            searchLine = ""
        }
        buffer.writeTruncated(searchLine, x: 1, y: 1, width: area.width - 2, style: .accent)
        let rows = area.height - 4
        let top = max(0, min(state.selected - rows / 2, shown.count - rows))
        if shown.isEmpty {
            let text = words[state.entries.isEmpty ? .reviewNoSessions : .reviewNoMatch]
            buffer.writeCentred(text, y: area.height / 2, style: .quiet)
        }
        for (row, entry) in shown.dropFirst(top).prefix(rows).enumerated() {
            let index = top + row
            let y = 2 + row
            let chosen = index == state.selected
            let style: Style = chosen ? .inverse : .normal
            if chosen { buffer.fill(Rect(x: 0, y: y, width: area.width, height: 1), with: .blank(.inverse)) }
            buffer.writeTruncated(
                listLine(entry, width: area.width - 2), x: 1, y: y, width: area.width - 2, style: style)
        }
        let keys = words[state.searching ? .reviewKeysSearch : .reviewKeysList]
        buffer.writeCentred(state.message ?? keys, y: area.height - 1, style: .quiet)
    }

    /// `2026-11-22 10:04  Round  12:34  14 turns  Ana, Ben, Chloé` (and the question when wide).
    func listLine(_ entry: ReviewEntry, width: Int) -> String {
        let when = entry.startedLocally
        let state = entry.finished ? "" : words[.reviewUnfinishedMark] + " "
        var line =
            "\(when)  \(fitted(entry.protocolName, 14))  \(DurationText.clock(entry.duration).rightAligned(6))"
            + "\(turns(entry.turns))  \(state)"
            + entry.people.joined(separator: ", ")
        if width >= 140, let question = entry.questions.first {
            line = fitted(line, 100) + "  " + question
        }
        return line
    }

    /// `    14 turns`, `     1 turn`: the count right-aligned, as in the list's other columns.
    private func turns(_ count: Int) -> String {
        let phrase = count == 1 ? words[.reviewOneTurn] : words.fill(.reviewTurns, ["count": "\(count)"])
        let widest = words.fill(.reviewTurns, ["count": "99999"]).displayWidth
        let width = phrase.displayWidth
        return width >= widest ? phrase : String(repeating: " ", count: widest - width) + phrase
    }

    // MARK: - Export

    private func drawFormatQuestion(into buffer: inout ScreenBuffer) {
        let lines = [
            words[.reviewExportAs], "m: Markdown   c: CSV   j: JSON   h: HTML",
            words[.reviewExportWhere], words[.reviewExportBack],
        ]
        let width = min(buffer.width - 2, (lines.map(\.displayWidth).max() ?? 0) + 6)
        let box = buffer.area.centred(width: width, height: lines.count + 2)
        buffer.fill(box, with: .blank(.inverse))
        for (offset, line) in lines.enumerated() {
            buffer.writeCentred(line, y: box.y + 1 + offset, in: box, style: Style.inverse.emphasised)
        }
    }
}

// MARK: - Text helpers

/// `text` cut or padded to exactly `width` columns.
func fitted(_ text: String, _ width: Int) -> String {
    let cut = neutralised(text).truncated(toWidth: width)
    let w = cut.displayWidth
    return w >= width ? cut : cut + String(repeating: " ", count: width - w)
}

extension String {
    /// Padded on the right to `width` characters (plain ASCII figures).
    func leftAligned(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    /// Padded on the left to `width` characters (plain ASCII figures).
    func rightAligned(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
