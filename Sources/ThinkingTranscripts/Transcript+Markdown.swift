import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The transcript as Markdown: the same content as `showText`, with a table of turns per
    /// round and the equality table. User text is made safe (`safe(_:)`), then Markdown's
    /// active characters are escaped with a backslash (see `markdownEscaped`); names are cut
    /// to 80 characters.
    public func markdown(utcOffset: Int = 0) -> String {
        let names = people.map { Self.markdownEscaped(TranscriptWords.shown($0, limit: 80)) }
        func name(_ person: PersonID) -> String {
            names.holds(person) ? names[person] : Self.markdownEscaped(self.name(person))
        }
        func text(_ s: String) -> String { Self.markdownEscaped(safe(s)) }
        func time(_ wall: WallTime) -> String { wall.timeOfDay(utcOffset: utcOffset) }

        var out = ["# Transcript: \(text(session))", ""]
        out.append("- Protocol: \(text(protocolName)) (\(text(protocolID)))")
        out.append(
            "- Started: \(started.date(utcOffset: utcOffset)) \(time(started)) \(WallTime.zoneName(utcOffset: utcOffset))"
        )
        out.append("- Lasted: \(TranscriptWords.clock(duration))")
        out.append("- Status: \(TranscriptWords.status(self))")
        out.append("- People: " + TranscriptWords.roster(self, limit: 80, escape: Self.markdownEscaped))
        if let sessionQuestion { out.append("- Session question: \(text(sessionQuestion))") }
        if let framedQuestion { out.append("- The Presenter's question: \(text(framedQuestion))") }
        if let incisiveQuestion { out.append("- The thinker's incisive question (theirs): \(text(incisiveQuestion))") }

        for step in steps {
            out += ["", "## Step \(step.number) · \(text(step.title)) (\(step.kind.rawValue))", ""]
            guard step.reached else {
                out.append("Not reached.")
                continue
            }
            if let question = step.question {
                out.append("> \(TranscriptWords.questionLabel(question.source)): \(text(question.text))")
                out.append("")
            }
            if step.kind == .question, let framedQuestion {
                out += ["Framed: \(text(framedQuestion))", ""]
            }
            for round in step.rounds {
                if step.kind == .round {
                    let starter = round.starter.map { "starts with \(name($0))" } ?? "starter unknown"
                    out += [
                        "### Round \(round.number) · \(starter) · \(round.direction?.rawValue ?? "direction unknown")",
                        "",
                    ]
                }
                out.append("| Start | Person | Role | Time | Allotted | Over | Remarks |")
                out.append("| --- | --- | --- | ---: | ---: | ---: | --- |")
                for turn in round.turns {
                    var role = turn.role.rawValue
                    if step.kind == .pairs, let group = turn.group { role += ", half \(turn.turn), pair \(group + 1)" }
                    let cells = [
                        time(turn.started), name(turn.person), role,
                        turn.passed ? "—" : TranscriptWords.clock(turn.active),
                        turn.allotted.map(TranscriptWords.clock) ?? "",
                        turn.overrun > .zero ? "+" + TranscriptWords.clock(turn.overrun) : "",
                        TranscriptWords.remarks(turn).joined(separator: ", "),
                    ]
                    out.append("| " + cells.joined(separator: " | ") + " |")
                }
                out.append("")
            }
            let stepNotes = notes.filter { $0.step == step.number && step.kind != .pairs }
            if !stepNotes.isEmpty {
                out += ["**Notes**", ""]
                for note in stepNotes {
                    let whose = note.person.map { " (while \(name($0)) was thinking)" } ?? ""
                    out.append("- \(time(note.at))\(whose): \(text(note.text))")
                }
            }
        }
        out += markdownTail(names: names, utcOffset: utcOffset)
        return out.joined(separator: "\n") + "\n"
    }

    /// Pauses, clock gaps, the equality table and problems.
    private func markdownTail(names: [String], utcOffset: Int) -> [String] {
        var out: [String] = []
        if !pauses.isEmpty {
            out += ["", "## Pauses and downtime", ""]
            out += pauses.map { "- \($0.from.timeOfDay(utcOffset: utcOffset)): \(TranscriptWords.pause($0))" }
        }
        if let arrivals, !arrivals.isEmpty {
            out += ["", "## Arrivals and departures", ""]
            out += arrivals.map {
                "- \($0.at.timeOfDay(utcOffset: utcOffset)): \(names[$0.person]) \($0.arrived ? "arrived" : "left")"
            }
        }
        if !clockGaps.isEmpty {
            out += ["", "## Clock gaps", ""]
            out += clockGaps.map { "- \($0.at.timeOfDay(utcOffset: utcOffset)): \(TranscriptWords.gap($0))" }
        }
        out += ["", "## Equality", ""]
        out.append("| Person | Time | Share | Fair share | Turns | Passes | Interruptions |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in equality.people {
            let who = names[row.person] + (row.presenter ? " (Presenter)" : "")
            out.append(
                "| \(who) | \(TranscriptWords.clock(row.speaking)) | \(Equality.percent(row.share)) "
                    + "| \(row.fairShare.map(TranscriptWords.clock) ?? "—") | \(row.turns) | \(row.passes) "
                    + "| \(row.interruptions) |")
        }
        out.append("| Total | \(TranscriptWords.clock(equality.total)) | | | | | |")
        out += ["", equality.spreadLine + "."]
        let sections = components.sections(
            name: { names.holds($0) ? names[$0] : Self.markdownEscaped(self.name($0)) },
            text: { Self.markdownEscaped(safe($0)) })
        if !sections.isEmpty {
            out += ["", "## Components (what the log shows)"]
            for section in sections {
                out += ["", "**\(section.component.rawValue)**", ""]
                out += section.lines.map { "- " + $0 }
            }
        }
        if !problems.isEmpty {
            out += ["", "## Problems", ""]
            out += problems.map { "- " + Self.markdownEscaped(safe($0)) }
        }
        return out
    }

    /// Text with Markdown's active characters backslash-escaped: `\` `` ` `` `*` `_` `<`
    /// `>` `|` `[` `]` `#` `&` `~`. Pass it text already made safe.
    static func markdownEscaped(_ text: String) -> String {
        let active: Set<Character> = ["\\", "`", "*", "_", "<", ">", "|", "[", "]", "#", "&", "~"]
        guard text.contains(where: active.contains) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if active.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
