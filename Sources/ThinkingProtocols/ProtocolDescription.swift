import ThinkingCore

/// A readable description of a protocol, step by step, for `thinkenv protocols show NAME`:
/// each step's number, title, kind, turn time, passing, rounds, who takes part, whether
/// notes are recorded, and the components it leans on.
public func describe(_ definition: ProtocolDefinition) -> String {
    var lines = ["\(definition.name) (\(definition.id))", definition.summary]
    if let budget = definition.budget {
        lines.append("Time budget: \(DurationText.format(budget))")
    }
    lines.append("")
    let width = String(definition.steps.count).count
    for (index, step) in definition.steps.enumerated() {
        let number = String(index + 1)
        let padded = String(repeating: " ", count: width - number.count) + number
        lines.append("\(padded). \(step.title) [\(kindText(step))]")
        let indent = String(repeating: " ", count: width + 2)
        if let question = step.question { lines.append(indent + "Question: \(question)") }
        lines.append(indent + settingsText(step).joined(separator: "; "))
        if !step.components.isEmpty {
            let names = step.components.map(\.rawValue).joined(separator: ", ")
            lines.append(indent + "Components: \(names)")
        }
    }
    return lines.joined(separator: "\n")
}

private func kindText(_ step: StepDefinition) -> String {
    switch step.kind {
    case .round:
        let who = step.who == .members ? "the members" : "everyone"
        return step.to == .presenter ? "round of \(who), to the Presenter" : "round of \(who)"
    case .pairs: return "thinking pairs"
    case .presenter: return "the Presenter's turn"
    case .question: return "the Presenter's question"
    case .dialogue: return "dialogue of two, back and forth"
    case .discussion: return "open discussion, anyone in any order"
    case .talk: return "timed talk, each person in turn"
    case .partnership: return "thinking partnership, six parts"
    case .agenda: return "the agenda: each item's steps, from --agenda FILE"
    }
}

private func settingsText(_ step: StepDefinition) -> [String] {
    var parts: [String] = []
    switch (step.kind, step.turn) {
    case (.pairs, let turn?): parts.append("\(DurationText.format(turn)) each way")
    case (.round, let turn?): parts.append("turns of \(DurationText.format(turn)) each")
    case (.round, nil): parts.append("no turn limit")
    case (.talk, let turn?): parts.append("\(DurationText.format(turn)) each")
    case (.dialogue, _), (.discussion, _):
        parts.append(step.time.map { "\(DurationText.format($0)) in all" } ?? "no time limit")
    case (_, let turn?): parts.append("turn of \(DurationText.format(turn))")
    case (_, nil): parts.append("untimed")
    }
    if step.kind == .round {
        parts.append(step.pass ? "passing allowed" : "no passing")
        switch step.rounds {
        case .fixed(1): parts.append("1 round")
        case .fixed(let count): parts.append("\(count) rounds")
        case .untilAllPass: parts.append("rounds until everyone passes")
        }
        if let time = step.time { parts.append("step time \(DurationText.format(time))") }
        if step.rotate != .none { parts.append("rotate \(step.rotate.rawValue)") }
    }
    parts.append(step.notes ? "notes recorded" : "notes not recorded")
    return parts
}
