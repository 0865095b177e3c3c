import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The readable transcript for a terminal (`thinkenv show`): heading, questions, each
    /// step and round with its starter and direction, a line per turn, notes under their
    /// step, pauses, clock gaps, the equality table and any problems.
    ///
    /// Times of day are shown `utcOffset` seconds east of UTC (the caller passes the local
    /// zone's offset; the rendering itself reads no clock or zone). Every name, question and
    /// note goes through `safe(_:)`; names are cut to 40 characters.
    public func showText(utcOffset: Int = 0) -> String {
        let names = people.map { TranscriptWords.shown($0, limit: 40) }
        func name(_ person: PersonID) -> String {
            names.holds(person) ? names[person] : safe(self.name(person))
        }
        func time(_ wall: WallTime) -> String { wall.timeOfDay(utcOffset: utcOffset) }

        var out: [String] = []
        out.append("Transcript: \(safe(session))")
        out.append("\(safe(protocolName)) (\(safe(protocolID)))")
        out.append(
            "Started \(started.date(utcOffset: utcOffset)) \(time(started)) \(WallTime.zoneName(utcOffset: utcOffset))"
                + " · lasted \(TranscriptWords.clock(duration)) · \(TranscriptWords.status(self))")
        out.append("People: " + TranscriptWords.roster(self, limit: 40) { $0 })
        if let sessionQuestion { out.append("Session question: \(safe(sessionQuestion))") }
        if let framedQuestion { out.append("The Presenter's question: \(safe(framedQuestion))") }
        if let incisiveQuestion { out.append("The thinker's incisive question (theirs): \(safe(incisiveQuestion))") }

        for step in steps {
            out.append("")
            out.append(
                "Step \(step.number) · \(safe(step.title)) (\(step.kind.rawValue))"
                    + (step.reached ? "" : " · not reached"))
            guard step.reached else { continue }
            if let question = step.question {
                out.append("  \(TranscriptWords.questionLabel(question.source)): \(safe(question.text))")
            }
            if step.kind == .question, let framedQuestion {
                out.append("  Framed: \(safe(framedQuestion))")
            }
            for round in step.rounds {
                var indent = "  "
                if step.kind == .round {
                    let starter = round.starter.map { "starts with \(name($0))" } ?? "starter unknown"
                    let direction = round.direction?.rawValue ?? "direction unknown"
                    out.append("  Round \(round.number) · \(starter) · \(direction)")
                    indent = "    "
                }
                for turn in round.turns {
                    var who = "\(name(turn.person)) (\(turn.role.rawValue))"
                    if step.kind == .pairs, let group = turn.group { who += " half \(turn.turn), pair \(group + 1)" }
                    out.append("\(indent)\(time(turn.started))  \(who)  \(TranscriptWords.outcome(turn))")
                }
            }
            let stepNotes = notes.filter { $0.step == step.number && step.kind != .pairs }
            if !stepNotes.isEmpty {
                out.append("  Notes")
                for note in stepNotes {
                    let whose = note.person.map { "(while \(name($0)) was thinking) " } ?? ""
                    out.append("    \(time(note.at))  \(whose)\(safe(note.text))")
                }
            }
        }

        if !pauses.isEmpty {
            out.append("")
            out.append("Pauses and downtime")
            for pause in pauses { out.append("  \(time(pause.from))  \(TranscriptWords.pause(pause))") }
        }
        if let arrivals, !arrivals.isEmpty {
            out.append("")
            out.append("Arrivals and departures")
            for arrival in arrivals {
                out.append("  \(time(arrival.at))  \(names[arrival.person]) \(arrival.arrived ? "arrived" : "left")")
            }
        }
        if !clockGaps.isEmpty {
            out.append("")
            out.append("Clock gaps")
            for gap in clockGaps { out.append("  \(time(gap.at))  \(TranscriptWords.gap(gap))") }
        }
        out.append("")
        out += equalityLines(names: names)
        let sections = components.sections(name: name, text: safe)
        if !sections.isEmpty {
            out.append("")
            out.append("Components (what the log shows)")
            for section in sections {
                out.append("  \(section.component.rawValue)")
                out += section.lines.map { "    " + $0 }
            }
        }
        if !problems.isEmpty {
            out.append("")
            out.append("Problems")
            for problem in problems { out.append("  - \(safe(problem))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The equality table, columns aligned; names already safe.
    private func equalityLines(names: [String]) -> [String] {
        let width = min(24, max(6, names.map(\.displayWidth).max() ?? 0))
        func cell(_ text: String, _ w: Int, right: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, w - text.displayWidth))
            return right ? fill + text : text + fill
        }
        var out = ["Equality (speaking time; passes not counted)"]
        out.append(
            "  " + cell("Person", width, right: false) + cell("Time", 9) + cell("Share", 8) + cell("Fair share", 12)
                + cell("Turns", 7) + cell("Passes", 8) + cell("Interruptions", 15))
        for row in equality.people {
            let label = TranscriptWords.shown(names[row.person], limit: width)
            out.append(
                "  " + cell(label, width, right: false) + cell(TranscriptWords.clock(row.speaking), 9)
                    + cell(Equality.percent(row.share), 8) + cell(row.fairShare.map(TranscriptWords.clock) ?? "—", 12)
                    + cell("\(row.turns)", 7)
                    + cell("\(row.passes)", 8) + cell("\(row.interruptions)", 15)
                    + (row.presenter ? "  Presenter" : ""))
        }
        out.append("  " + cell("Total", width, right: false) + cell(TranscriptWords.clock(equality.total), 9))
        out.append("  " + equality.spreadLine)
        return out
    }
}
