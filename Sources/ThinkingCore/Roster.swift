/// Reading the names of the people in a session, as typed on the command line or in a file.
public enum Roster {
    /// Names from `"Ana, Ben, Chloé"`.
    public static func names(fromList text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
    }

    /// Names from a roster file: one per line; blank lines and `#` comments are skipped.
    public static func names(fromLines text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0).trimmed }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Trims each name and checks that they are non-empty and unique (ignoring case).
    public static func validated(_ names: [String]) throws(PlanError) -> [String] {
        let trimmed = names.map(\.trimmed)
        if trimmed.allSatisfy(\.isEmpty) { throw .noPeople }
        var seen: Set<String> = []
        for (index, name) in trimmed.enumerated() {
            if name.isEmpty { throw .emptyName(position: index + 1) }
            if !seen.insert(name.lowercased()).inserted { throw .duplicateName(name) }
        }
        return trimmed
    }
}
