import ThinkingCore
import ThinkingLog

extension SessionStats {
    /// The figures as a table for a terminal: columns aligned by display width (so `李` and
    /// `🦊 Fox` line up), names made safe and cut to 30 columns.
    public func text() -> String {
        let header = ["Person", "Sessions", "Turns", "Passes", "Speaking", "Median", "Rounds", "Started", "Last"]
        let rows = people.map { row in
            [
                TranscriptWords.shown(row.name, limit: 30), "\(row.sessions)", "\(row.turns)", "\(row.passes)",
                TranscriptWords.clock(row.speaking), row.medianTurn.map(TranscriptWords.clock) ?? "—",
                "\(row.rounds)", "\(row.started)", "\(row.last)",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].displayWidth }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let fill = String(repeating: " ", count: max(0, widths[column] - cells[column].displayWidth))
                return column == 0 ? cells[column] + fill : fill + cells[column]
            }.joined(separator: "  ")
        }
        var out = ["\(sessions) session\(sessions == 1 ? "" : "s")", ""]
        out.append(line(header))
        out += rows.map(line)
        out += [
            "",
            "Turns and Speaking count turns taken; Median is the middle turn's length; Rounds are the rounds",
            "a person had a turn in, of which they Started some and were Last in order in some.",
        ]
        return out.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }
}
