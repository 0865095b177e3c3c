/// Forgiving name matching for people's typing: the nearest known key for a misspelt
/// one, and component names in any case, with spaces, hyphens or underscores.
public enum KeySuggestion {
    /// The known key closest to `key`, if it is close enough to be a typo.
    public static func nearest(to key: String, among known: [String]) -> String? {
        let typed = key.lowercased()
        let scored = known.map { (name: $0, distance: distance(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = max(1, min(3, best.name.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// `Attention`, `attention`, `Incisive Questions`, `incisive-questions`.
    public static func component(named name: String) -> Component? {
        let wanted = normalized(name)
        return Component.allCases.first { normalized($0.rawValue) == wanted }
    }

    private static func normalized(_ name: String) -> String {
        name.lowercased().split { $0 == " " || $0 == "-" || $0 == "_" }.joined(separator: " ")
    }

    /// Edit distance counting a swap of two neighbours as one edit (optimal string
    /// alignment), on characters: `tunr` is one edit from `turn`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(
                    table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
