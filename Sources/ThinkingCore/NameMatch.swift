import Foundation

/// How a name typed on a facilitator's keyboard finds a person: case and accents are ignored
/// ("zoe" finds Zoë, "dvorak" Dvořák), and two people who match equally well are both
/// reported so that nobody is chosen by chance.
///
/// The tiers, best first: the name as written; the same ignoring case, when what was typed has
/// accents of its own (so it meant them); the same ignoring case, accents and width; then, where
/// a start is enough, the start of a name ignoring all of them. The first tier that anyone
/// reaches decides: "zoe" with Zoe and Zoë present fits both, "zoë" only Zoë. (Foundation's folding: the standard library has
/// no public decomposition, and a table of accents would miss scripts a room may use.)
public enum NameMatch {
    /// What a search finds.
    public enum Found: Equatable, Sendable {
        case one(Int)
        /// Several names match equally well: their indices, in the order given.
        case several([Int])
        case none
    }

    /// `name` without case, accents or width, without surrounding spaces and with one space
    /// between its words: the form two names are compared in.
    public static func folded(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The name among `names` that `typed` means; with `startsEnough`, the unique name that
    /// starts with it counts too ("chl" for Chloé).
    public static func find(_ typed: String, among names: [String], startsEnough: Bool = false) -> Found {
        let wanted = typed.trimmed
        guard !wanted.isEmpty else { return .none }
        let lower = wanted.lowercased()
        let folded = folded(wanted)
        let accented = folded != lower
        let foldedNames = names.map(Self.folded)
        let tiers: [(Int) -> Bool] = [
            { names[$0].trimmed == wanted },
            { accented && names[$0].trimmed.lowercased() == lower },
            { foldedNames[$0] == folded },
            { startsEnough && foldedNames[$0].hasPrefix(folded) },
        ]
        for tier in tiers {
            let found = names.indices.filter(tier)
            switch found.count {
            case 0: continue
            case 1: return .one(found[0])
            default: return .several(found)
            }
        }
        return .none
    }
}
