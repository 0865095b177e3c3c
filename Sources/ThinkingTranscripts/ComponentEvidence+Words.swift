import Foundation
import ThinkingCore
import ThinkingLog

extension ComponentEvidence {
    /// One component's evidence in sentences, for every rendering.
    public struct Section: Equatable, Sendable {
        public var component: Component
        public var lines: [String]
    }

    /// The evidence as short factual sentences, one section per component with evidence, in
    /// the order of the ten components. `name` gives a person's name and `text` makes user
    /// text (a question, a step title) ready for the medium: both are applied by the caller's
    /// rules (terminal, Markdown, HTML).
    public func sections(name: (PersonID) -> String, text: (String) -> String) -> [Section] {
        var out: [Section] = []
        if let attention { out.append(Section(component: .attention, lines: attention.lines(name: name))) }
        if let equality { out.append(Section(component: .equality, lines: equality.lines(name: name))) }
        if let ease { out.append(Section(component: .ease, lines: ease.lines(name: name))) }
        if let appreciation {
            out.append(Section(component: .appreciation, lines: appreciation.lines(text: text)))
        }
        if let difference { out.append(Section(component: .difference, lines: difference.lines(name: name))) }
        if let incisiveQuestions {
            out.append(
                Section(
                    component: .incisiveQuestions,
                    lines: incisiveQuestions.framed.map { framed in
                        "Framed" + (framed.step.map { " in step \($0)" } ?? "") + ": " + text(framed.text)
                    }))
        }
        return out
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : word.hasSuffix("s") ? "es" : "s")"
    }

    static func place(_ ref: TurnRef, name: (PersonID) -> String) -> String {
        "\(name(ref.person)) (step \(ref.step), round \(ref.round), turn \(ref.turn))"
    }
}

extension ComponentEvidence.Attention {
    func lines(name: (PersonID) -> String) -> [String] {
        guard interruptions > 0 else {
            return ["No interruption noted in \(ComponentEvidence.plural(turns, "turn"))."]
        }
        return [
            "\(ComponentEvidence.plural(interruptions, "interruption")) noted in "
                + "\(ComponentEvidence.plural(turns, "turn")), during "
                + (interruptedTurns.map { ComponentEvidence.place($0, name: name) + ": \($0.count)" }
                + interruptedPairs.map { "the pairs of step \($0.step): \($0.count)" })
                .joined(separator: "; ") + "."
        ]
    }
}

extension ComponentEvidence.Equality {
    func lines(name: (PersonID) -> String) -> [String] {
        var out: [String] = []
        if spread != nil {
            out.append(ThinkingCore.Equality.spreadLine(spread, presenterApart: amongMembers) + ".")
        }
        out.append(
            "Turns and passes: "
                + people.map { "\(name($0.person)) \($0.turns)/\($0.passes)" }.joined(separator: ", ") + ".")
        return out
    }
}

extension ComponentEvidence.Ease {
    func lines(name: (PersonID) -> String) -> [String] {
        var out: [String] = []
        if overtime.isEmpty {
            out.append("No turn ran over (\(ComponentEvidence.plural(timedTurns, "timed turn"))).")
        } else {
            let each = overtime.map {
                ComponentEvidence.place($0, name: name) + " +"
                    + TranscriptWords.clock(.milliseconds($0.count))
            }
            out.append(
                "Overtime allowed in \(overtime.count) of \(ComponentEvidence.plural(timedTurns, "timed turn")), "
                    + "\(TranscriptWords.clock(totalOverrun)) in all: \(each.joined(separator: "; ")).")
        }
        if facilitatorPauses > 0 {
            out.append(
                "Paused by the facilitator \(facilitatorPauses == 1 ? "once" : "\(facilitatorPauses) times"), "
                    + "\(TranscriptWords.clock(pausedFor)) in all.")
        }
        if downtimes > 0 {
            out.append(
                "The program was not running \(downtimes == 1 ? "once" : "\(downtimes) times"), "
                    + "\(TranscriptWords.clock(downFor)) in all.")
        }
        for swap in earlySwaps {
            out.append("Early swap in step \(swap.step), half \(swap.half) (the facilitator, confirmed).")
        }
        return out
    }
}

extension ComponentEvidence.Appreciation {
    func lines(text: (String) -> String) -> [String] {
        rounds.map { round in
            let place =
                switch round.place {
                case .opening: "Opening appreciation round"
                case .closing: "Closing appreciation round"
                case .during: "Appreciation round"
                }
            let to = round.toPresenter ? ", directed to the Presenter" : ""
            guard round.held else { return "\(place) (step \(round.step) · \(text(round.title))\(to)): not held." }
            return "\(place) held (step \(round.step) · \(text(round.title))\(to)): "
                + "\(ComponentEvidence.plural(round.turns, "turn")), \(ComponentEvidence.plural(round.passes, "pass"))."
        }
    }
}

extension ComponentEvidence.Difference {
    func lines(name: (PersonID) -> String) -> [String] {
        var out: [String] = []
        if !rounds.isEmpty {
            let each = rounds.map { round in
                let starter = round.starter.map(name) ?? "starter unknown"
                return "step \(round.step) round \(round.round): \(starter), \(round.direction?.rawValue ?? "—")"
            }
            out.append("Rounds: " + each.joined(separator: "; ") + ".")
            if rounds.count > 1 {
                out.append(
                    (startersRotated ? "The starter changed between rounds" : "Every round had the same starter")
                        + "; " + (directionsChanged ? "both directions were used." : "one direction throughout."))
            }
        }
        if let seed { out.append("Random order from seed \(seed).") }
        return out
    }
}
