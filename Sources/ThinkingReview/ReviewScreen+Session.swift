import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// One session at a glance: a lane per person with a bar per turn on a shared time axis,
/// beside each person's speaking time; the equality figures; the steps, with the
/// selected step's question and notes.
extension ReviewScreen {
    /// The timeline's marks. Overtime and passes differ by shape, not only by colour.
    static let turnMark: Character = "█"
    static let overtimeMark: Character = "▒"
    static let passMark: Character = "○"

    func drawSession(_ transcript: Transcript, into buffer: inout ScreenBuffer) {
        let area = buffer.area
        drawHeading(transcript, into: &buffer)
        let steps = transcript.steps
        let fixed = 7 + min(steps.count, 3)
        let laneRows = max(1, min(transcript.people.count, area.height - fixed))
        var y = 3
        y = drawLanes(transcript, rows: laneRows, from: y, into: &buffer)
        y = drawEquality(transcript.equality, from: y, into: &buffer)
        drawSteps(transcript, from: y + 1, to: area.height - 1, into: &buffer)
        let keys = words[.reviewKeysSession]
        buffer.writeCentred(state.message ?? keys, y: area.height - 1, style: .quiet)
    }

    private func drawHeading(_ transcript: Transcript, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        let when =
            "\(state.local.date(transcript.started)) \(state.local.time(transcript.started))"
        let status =
            switch transcript.status {
            case .finished: words[.statusFinished]
            case .complete: words[.statusComplete]
            case .unfinished: words[.statusUnfinished]
            }
        let title = "\(transcript.protocolName) · \(when) · \(DurationText.clock(transcript.duration)) · \(status)"
        let position = words.fill(.reviewSessionOf, ["n": "\(state.selected + 1)", "count": "\(state.visible.count)"])
        buffer.writeTruncated(
            title, x: 1, y: 0, width: width - position.displayWidth - 4, style: Style.name.emphasised)
        buffer.write(position, x: width - 1 - position.displayWidth, y: 0, style: .quiet)
        let question = transcript.sessionQuestion ?? transcript.steps.lazy.compactMap(\.question?.text).first
        if let question {
            buffer.writeTruncated(
                words.fill(.reviewQuestion, ["text": question]), x: 1, y: 1, width: width - 2, style: .accent)
        }
    }

    // MARK: - Lanes and bars

    /// Column widths: names, the timeline, the speaking-time bar, the figures.
    private func columns(_ transcript: Transcript, width: Int) -> (name: Int, timeline: Int, bar: Int, figures: Int) {
        // The Presenter's name is read with its mark ("Dvořák (P)"): the column holds both.
        let presenter = transcript.equality.presenter?.person
        let longest =
            transcript.people.indices.map { index in
                neutralised(transcript.people[index]).displayWidth
                    + (PersonID(index) == presenter ? 1 + words[.reviewPresenterMark].displayWidth : 0)
            }
            .max() ?? 4
        let name = min(width >= 120 ? 24 : 12, max(4, longest))
        let figures = width >= 120 ? 30 : 19
        let free = max(4, width - name - figures - 5)
        // The bar's column holds its heading whole where the timeline keeps two thirds.
        let bar = max(2, free * 3 / 10, min(words[.reviewSpeakingTime].displayWidth, free / 3))
        return (name, free - bar, bar, figures)
    }

    private func drawLanes(_ transcript: Transcript, rows: Int, from top: Int, into buffer: inout ScreenBuffer) -> Int {
        let cols = columns(transcript, width: buffer.width)
        let xTimeline = 1 + cols.name + 1
        let xBar = xTimeline + cols.timeline + 1
        let xFigures = xBar + cols.bar + 1
        let wide = buffer.width >= 120
        buffer.writeTruncated(
            legend(width: cols.timeline), x: xTimeline, y: top - 1, width: cols.timeline, style: .quiet)
        buffer.writeTruncated(words[.reviewSpeakingTime], x: xBar, y: top - 1, width: cols.bar, style: .quiet)
        let header = figuresHeader(wide: wide)
        buffer.writeTruncated(header, x: xFigures, y: top - 1, width: cols.figures, style: .quiet)
        let end = timelineEnd(transcript)
        let lanes = Self.lanes(transcript, width: cols.timeline, end: end)
        let people = transcript.equality.people
        let longest = people.map(\.speaking).max() ?? .zero
        let hidden = transcript.people.count - rows
        for (row, person) in people.prefix(hidden > 0 ? rows - 1 : rows).enumerated() {
            let y = top + row
            var name = transcript.people[person.person]
            if person.presenter { name += " " + words[.reviewPresenterMark] }
            buffer.writeTruncated(name, x: 1, y: y, width: cols.name)
            buffer.write(String(lanes[person.person]), x: xTimeline, y: y, style: .accent)
            buffer.write(Self.bar(person.speaking, of: longest, width: cols.bar), x: xBar, y: y, style: .name)
            buffer.write(figures(person, wide: wide), x: xFigures, y: y, maxWidth: cols.figures)
        }
        if hidden > 0 {
            buffer.writeTruncated(
                words.fill(.reviewAndMore, ["count": "\(hidden + 1)"]), x: 1, y: top + rows - 1,
                width: buffer.width - 2, style: .quiet)
        }
        let axisY = top + rows
        buffer.write(axis(transcript, width: cols.timeline, end: end), x: xTimeline, y: axisY, style: .quiet)
        buffer.write("0:00", x: max(1, xTimeline - 5), y: axisY, style: .quiet)
        buffer.write(DurationText.clock(end), x: xBar, y: axisY, style: .quiet)
        return axisY + 1
    }

    /// `Timeline  █ turn  ▒ overtime  ○ pass`, or as much of it as `width` holds whole: the
    /// marks without the heading, then closer together.
    private func legend(width: Int) -> String {
        let marks = [
            "\(Self.turnMark) \(words[.reviewMarkTurn])", "\(Self.overtimeMark) \(words[.reviewMarkOvertime])",
            "\(Self.passMark) \(words[.reviewMarkPass])",
        ]
        let candidates = [
            ([words[.reviewTimeline]] + marks).joined(separator: "  "), marks.joined(separator: "  "),
            marks.joined(separator: " "),
        ]
        return candidates.first { $0.displayWidth <= width } ?? candidates[candidates.count - 1]
    }

    /// The figures' columns: at least as wide as the English ones, and each a column wider
    /// than its heading in this language.
    private var figureWidths: (time: Int, share: Int, turns: Int, passes: Int) {
        func width(_ word: Word, least: Int) -> Int { max(least, words[word].displayWidth + 1) }
        return (
            width(.figureTime, least: 6), width(.figureShare, least: 7), width(.figureTurns, least: 7),
            width(.figurePasses, least: 8)
        )
    }

    private func figuresHeader(wide: Bool) -> String {
        let w = figureWidths
        let head = words[.figureTime].rightAligned(w.time) + words[.figureShare].rightAligned(w.share)
        if wide {
            return head + words[.figureTurns].rightAligned(w.turns) + words[.figurePasses].rightAligned(w.passes)
        }
        return head + " " + words[.reviewTurnsPassesShort]
    }

    private func figures(_ person: Equality.Person, wide: Bool) -> String {
        let w = figureWidths
        let time = DurationText.clock(person.speaking).rightAligned(w.time)
        let share = Equality.percent(person.share, words: words).rightAligned(w.share)
        if wide {
            return time + share + String(person.turns).rightAligned(w.turns)
                + String(person.passes).rightAligned(w.passes)
        }
        return time + share + " \(person.turns)/\(person.passes)"
    }

    /// The session time the timeline spans: to the end of the last turn at least.
    func timelineEnd(_ transcript: Transcript) -> Duration {
        let last = transcript.turns.map { $0.at + $0.active }.max() ?? .zero
        return max(last, .seconds(1))
    }

    /// One row of marks per person: a bar per turn, its overtime part hatched, a ring per pass.
    static func lanes(_ transcript: Transcript, width: Int, end: Duration) -> [[Character]] {
        var lanes = Array(
            repeating: Array(repeating: Character(" "), count: max(0, width)), count: transcript.people.count)
        guard width > 0 else { return lanes }
        let scale = Double(width) / (end / .milliseconds(1))
        func column(_ t: Duration) -> Int { min(width - 1, max(0, Int((t / .milliseconds(1)) * scale))) }
        for turn in transcript.turns where lanes.holds(turn.person) {
            let start = column(turn.at)
            if turn.passed {
                if lanes[turn.person][start] == " " { lanes[turn.person][start] = passMark }
                continue
            }
            let stop = max(start, column(turn.at + turn.active))
            for x in start...stop { lanes[turn.person][x] = turnMark }
            if turn.wentOver {
                let from = min(stop, max(start, column(turn.at + turn.active - turn.overrun)))
                for x in from...stop { lanes[turn.person][x] = overtimeMark }
            }
        }
        return lanes
    }

    /// A bar in eighths of a column, as long as `value` is against `longest`.
    static func bar(_ value: Duration, of longest: Duration, width: Int) -> String {
        guard longest > .zero, value > .zero else { return "" }
        let eighths = max(1, Int((value / longest * Double(width * 8)).rounded()))
        let partial: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// The time axis, with the selected step's span drawn heavier.
    private func axis(_ transcript: Transcript, width: Int, end: Duration) -> String {
        var marks = Array(repeating: Character("─"), count: max(0, width))
        let turns = transcript.turns.filter { $0.step == state.step + 1 }
        if width > 0, let first = turns.map(\.at).min(), let last = turns.map({ $0.at + $0.active }).max() {
            let scale = Double(width) / (end / .milliseconds(1))
            let from = min(width - 1, Int((first / .milliseconds(1)) * scale))
            let to = min(width - 1, max(from, Int((last / .milliseconds(1)) * scale)))
            for x in from...to { marks[x] = "━" }
        }
        return String(marks)
    }

    // MARK: - Figures, steps, notes

    private func drawEquality(_ equality: Equality, from y: Int, into buffer: inout ScreenBuffer) -> Int {
        // The spread in the core's own words, as every transcript gives it.
        let total = words.fill(.reviewInAll, ["time": DurationText.clock(equality.total)])
        let text = "\(total) · \(equality.spreadLine(words))"
        // Two lines where one would cut the spread's ratio off.
        let lines = TextWrap.lines(text, width: max(1, buffer.width - 2), maxLines: 2)
        for (offset, line) in lines.enumerated() {
            buffer.writeTruncated(line, x: 1, y: y + offset, width: buffer.width - 2)
        }
        return y + lines.count
    }
}
