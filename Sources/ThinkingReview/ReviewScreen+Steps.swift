import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// The lower part of a session's review: the steps, the selected step's question and
/// notes, and (when there is room) what the log shows of each component.
extension ReviewScreen {
    func drawSteps(_ transcript: Transcript, from top: Int, to bottom: Int, into buffer: inout ScreenBuffer) {
        let steps = transcript.steps
        guard top < bottom, !steps.isEmpty else { return }
        let width = buffer.width - 2
        let listRows = min(steps.count, max(1, (bottom - top) / 2))
        let first = max(0, min(state.step - listRows / 2, steps.count - listRows))
        for (row, step) in steps.dropFirst(first).prefix(listRows).enumerated() {
            let chosen = first + row == state.step
            let text = (chosen ? "▶ " : "  ") + stepLine(step, transcript: transcript)
            buffer.writeTruncated(
                text, x: 1, y: top + row, width: width, style: chosen ? Style.accent.emphasised : .normal)
        }
        var lines = details(transcript, step: steps[min(state.step, steps.count - 1)])
        if buffer.height >= 40 {
            let evidence = state.evidence
            if !evidence.isEmpty { lines.append(("", .normal)) }
            for section in evidence {
                lines.append((words.name(of: section.component), Style.name.emphasised))
                lines += section.lines.map { ("  " + $0, Style.normal) }
            }
        }
        var y = top + listRows + 1
        for (text, style) in lines where y < bottom {
            // A question is read whole (on up to three lines); any other line is cut first: a
            // sentence may list every turn of a long session.
            let rows =
                style == .accent
                ? TextWrap.lines(text, width: max(1, width), maxLines: min(3, bottom - y))
                : [String(text.prefix(width + 1))]
            for row in rows {
                buffer.writeTruncated(row, x: 1, y: y, width: width, style: style)
                y += 1
            }
        }
    }

    /// `2. Council round 1 of 3 · 5 turns, 1 pass · 4:10` (or "not reached").
    func stepLine(_ step: Transcript.Step, transcript: Transcript) -> String {
        let turns = step.rounds.flatMap(\.turns)
        guard step.reached else { return "\(step.number). \(step.title) · \(words[.reviewNotReached])" }
        let spoken = turns.filter { !$0.passed }
        let passes = turns.count - spoken.count
        let time = spoken.reduce(Duration.zero) { $0 + $1.active }
        let turnCount =
            spoken.count == 1 ? words[.reviewOneTurn] : words.fill(.reviewTurns, ["count": "\(spoken.count)"])
        var text = "\(step.number). \(step.title) · \(turnCount)"
        if passes > 0 {
            text += ", " + (passes == 1 ? words[.reviewOnePass] : words.fill(.reviewPasses, ["count": "\(passes)"]))
        }
        if step.rounds.count > 1 { text += " " + words.fill(.reviewInRounds, ["count": "\(step.rounds.count)"]) }
        return text + " · " + DurationText.clock(time)
    }

    /// The selected step's question, the question framed in it, and its notes.
    private func details(_ transcript: Transcript, step: Transcript.Step) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        if let question = step.question {
            let source: Word =
                switch question.source {
                case .step: .reviewQuestionStep
                case .presenter: .reviewQuestionPresenter
                case .session: .reviewQuestionSession
                }
            lines.append((words.fill(source, ["text": question.text]), .accent))
        }
        if step.kind == .question, let framed = transcript.framedQuestion {
            lines.append((words.fill(.reviewPresentersQuestion, ["text": framed]), .accent))
        }
        let notes = transcript.notes.filter { $0.step == step.number }
        for note in notes {
            let who = note.person.map { transcript.name($0) + ": " } ?? ""
            lines.append(
                (words.fill(.reviewNote, ["time": state.local.time(note.at), "text": who + note.text]), .normal))
        }
        if lines.isEmpty { lines.append((words[.reviewNothingRecorded], .quiet)) }
        return lines
    }
}
