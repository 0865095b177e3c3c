import ThinkingCore
import Yams

/// The keys of one YAML mapping, each with the node of the key (for its position) and
/// of its value.
struct Fields {
    var node: Node
    var entries: [String: (key: Node, value: Node)] = [:]

    subscript(key: String) -> (key: Node, value: Node)? { entries[key] }
}

extension ProtocolReader {
    // MARK: - Mappings and keys

    /// The known keys of a mapping; unknown keys are reported, with the nearest known one.
    mutating func fields(of node: Node, known: [String], shape: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            problem(at: node, "found \(kindName(node))", expected: shape)
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                problem(at: key, "a key is \(kindName(key))", expected: "a key such as \(known[0])")
                continue
            }
            guard known.contains(scalar.string) else {
                let nearest = KeySuggestion.nearest(to: scalar.string, among: known)
                let expected =
                    nearest.map { "'\($0)'" } ?? "one of " + known.joined(separator: ", ")
                problem(at: key, "unknown key '\(scalar.string)'", expected: expected)
                continue
            }
            fields.entries[scalar.string] = (key, value)
        }
        return fields
    }

    mutating func required(
        _ fields: Fields, _ key: String, in node: Node, step: Int? = nil
    ) -> (key: Node, value: Node)? {
        if let field = fields[key] { return field }
        missing(key, in: node, step: step)
        return nil
    }

    mutating func missing(_ key: String, in node: Node, step: Int?) {
        let whose = step.map { "step \($0) has no '\(key)'" } ?? "the protocol has no '\(key)'"
        problem(at: node, whose, expected: "\(key): ...")
    }

    // MARK: - Values

    mutating func requiredText(
        _ fields: Fields, _ key: String, in node: Node, step: Int? = nil
    ) -> String? {
        guard let field = required(fields, key, in: node, step: step) else { return nil }
        guard let text = optionalText(field.value, key: key) else {
            // Null, or text that is only blanks (`""`, an empty `|` block): say so. (A value of
            // the wrong type was reported by `scalar`.)
            if isNull(field.value) || field.value.scalar?.string.trimmed.isEmpty == true {
                problem(at: field.value, "\(key) is empty", expected: "some text")
            }
            return nil
        }
        return text
    }

    /// Text, or nil for an empty value (`question:` left blank means no question).
    mutating func optionalText(_ node: Node, key: String) -> String? {
        guard let scalar = scalar(node, key: key, expected: "text") else { return nil }
        let text = scalar.string.trimmed
        return isNull(node) || text.isEmpty ? nil : text
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let scalar = scalar(node, key: key, expected: "true or false") else { return nil }
        if scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        problem(at: node, "\(key) is '\(scalar.string)'", expected: "true or false")
        return nil
    }

    mutating func duration(_ node: Node, key: String) -> Duration? {
        let form = "a duration like 90s, 2m or 1m30s"
        guard let scalar = scalar(node, key: key, expected: form) else { return nil }
        let text = scalar.string.trimmed
        if let parsed = DurationText.parse(text) { return parsed }
        let digits = text.filter { $0.isNumber }
        if !text.isEmpty, Double(text) != nil, !text.hasPrefix("-") {
            problem(at: node, "\(key) is a bare number, \(text), without a unit", expected: form)
        } else if text.hasPrefix("-") {
            problem(at: node, "\(key) is negative: \(text)", expected: form)
        } else if !digits.isEmpty, digits.allSatisfy({ $0 == "0" }) {
            problem(at: node, "\(key) is zero", expected: "\(form), longer than zero")
        } else {
            problem(at: node, "\(key) is '\(text)', not a duration", expected: "\(form), up to 24h")
        }
        return nil
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node, key: String, as: Value.Type
    ) -> Value? where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue).joined(separator: " | ")
        guard let scalar = scalar(node, key: key, expected: names) else { return nil }
        if let value = Value(rawValue: scalar.string.trimmed.lowercased()) { return value }
        problem(at: node, "\(key) is '\(scalar.string)'", expected: names)
        return nil
    }

    mutating func rounds(_ node: Node) -> RoundCount? {
        let form = "a number from 1 to 20, or until-all-pass"
        guard let scalar = scalar(node, key: "rounds", expected: form) else { return nil }
        let text = scalar.string.trimmed.lowercased()
        if text == "until-all-pass" { return .untilAllPass }
        if let count = Int(text), (1...20).contains(count) { return .fixed(count) }
        problem(at: node, "rounds is '\(scalar.string)'", expected: form)
        return nil
    }

    mutating func components(_ node: Node) -> [Component] {
        let form = "a list of components, such as [Attention, Equality, Ease]"
        guard case .sequence(let sequence) = node else {
            problem(at: node, "components is \(kindName(node))", expected: form)
            return []
        }
        if sequence.isEmpty {
            problem(at: node, "the list of components is empty", expected: form)
        }
        var found: [Component] = []
        for item in sequence {
            guard let scalar = scalar(item, key: "a component", expected: "a component's name")
            else { continue }
            guard let component = KeySuggestion.component(named: scalar.string) else {
                let names = Component.allCases.map(\.rawValue).joined(separator: ", ")
                problem(
                    at: item, "unknown component '\(scalar.string)'", expected: "one of \(names)")
                continue
            }
            if found.contains(component) {
                problem(
                    at: item, "\(component.rawValue) is listed twice",
                    expected: "each component once")
            }
            found.append(component)
        }
        return found
    }

    // MARK: - Helpers

    /// The node as a scalar, or a diagnostic saying what it is instead.
    mutating func scalar(_ node: Node, key: String, expected: String) -> Node.Scalar? {
        if case .scalar(let scalar) = node, !isNull(node) { return scalar }
        let what = isNull(node) ? "has no value" : "is \(kindName(node))"
        problem(at: node, "\(key) \(what)", expected: expected)
        return nil
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null"].contains(scalar.string.lowercased())
    }

    func kindName(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar: return isNull(node) ? "empty" : "a single value"
        }
    }

    mutating func problem(at node: Node, _ message: String, expected: String? = nil) {
        let at = node.mark.map(ProtocolLoader.position) ?? .start
        diagnostics.add(at, message, expected: expected)
    }
}
