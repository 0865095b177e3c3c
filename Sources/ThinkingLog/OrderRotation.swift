import ThinkingCore

/// Fair order across sessions (`--order rotate`): the person after the one who started the
/// last session with the same people.
public enum OrderRotation {
    /// The name of the next starter, and the session it follows; nil when no earlier session
    /// had the same people (compared as a set, ignoring case and order).
    public static func nextStarter(
        for names: [String], in directory: String, fallbackDirectories: [String] = []
    ) -> (name: String, after: String)? {
        let roster = Set(names.map { $0.trimmed.lowercased() })
        for file in SessionFiles.list(in: directory, fallbackDirectories: fallbackDirectories) {
            guard let loaded = try? SessionLoader.load(file),
                Set(loaded.header.plan.people.map { $0.lowercased() }) == roster,
                let first = firstStarter(loaded)
            else { continue }
            let previous = loaded.session.people[first].lowercased()
            guard let index = names.firstIndex(where: { $0.trimmed.lowercased() == previous }) else { continue }
            return (names[(index + 1) % names.count].trimmed, loaded.name)
        }
        return nil
    }

    private static func firstStarter(_ loaded: LoadedSession) -> PersonID? {
        for fact in loaded.replay.facts {
            if case .roundStarted(_, _, let starter, _, _) = fact.what { return starter }
        }
        return nil
    }
}
