/// A thinker's name in block letters, so the room can read it from the back.
///
/// Capital letters A–Z (5×5 pixels), digits, space, hyphen, apostrophe and full stop, with a
/// row above for accents (Zoë, Chloé, Dvořák): 6 pixel rows. A name with any other
/// character (李, 🦊, Ø) cannot be drawn; `SessionScreen` then draws every name of the
/// session as text, so that no one's name is shown smaller than another's.
public enum NameBanner {
    /// The sizes, by rows on screen: 3 (half blocks), 6 and 12.
    public enum Size: Int, CaseIterable, Comparable, Sendable {
        case small = 3, medium = 6, large = 12

        var pixelColumns: Int { self == .large ? 4 : self == .medium ? 2 : 1 }
        var pixelRows: Int { self == .large ? 2 : 1 }
        public static func < (a: Size, b: Size) -> Bool { a.rawValue < b.rawValue }
    }

    /// The pixel rows of a name (6 rows: accents, then the letters), nil if a character
    /// cannot be drawn.
    public static func bitmap(_ name: String) -> [[Bool]]? {
        var rows = Array(repeating: [Bool](), count: 6)
        for (index, character) in name.uppercased().enumerated() {
            guard let (base, accent) = decompose(character), let glyph = letters[base] else { return nil }
            let width = glyph[0].count
            if index > 0 { for row in rows.indices { rows[row].append(false) } }
            let mark = accent.map { centred($0, width: width) } ?? String(repeating: " ", count: width)
            rows[0] += mark.map { $0 == "#" }
            for row in 0..<5 { rows[row + 1] += glyph[row].map { $0 == "#" } }
        }
        return rows[0].isEmpty ? nil : rows
    }

    /// Columns a name takes at `size`, nil if it cannot be drawn.
    public static func width(of name: String, size: Size) -> Int? {
        bitmap(name).map { $0[0].count * size.pixelColumns }
    }

    /// Draws a name centred on the rows from `y`; returns the rows used (0 if it cannot).
    @discardableResult
    public static func draw(_ name: String, size: Size, y: Int, in rect: Rect, buffer: inout ScreenBuffer, style: Style)
        -> Int
    {
        guard let bitmap = bitmap(name) else { return 0 }
        let width = bitmap[0].count * size.pixelColumns
        let x = rect.x + max(0, (rect.width - width) / 2)
        for row in 0..<size.rawValue {
            let line = size == .small ? halfBlocks(bitmap, row) : bitmap[row / size.pixelRows].map { $0 ? "█" : " " }
            var column = x
            for character in line {
                for _ in 0..<size.pixelColumns { column = buffer.put(character, x: column, y: y + row, style: style) }
            }
        }
        return size.rawValue
    }

    private static func halfBlocks(_ bitmap: [[Bool]], _ row: Int) -> [Character] {
        zip(bitmap[2 * row], bitmap[2 * row + 1]).map { top, bottom in
            switch (top, bottom) {
            case (true, true): "█"
            case (true, false): "▀"
            case (false, true): "▄"
            case (false, false): " "
            }
        }
    }

    private static func centred(_ mark: String, width: Int) -> String {
        guard width < mark.count else { return mark }
        let trim = (mark.count - width) / 2
        return String(mark.dropFirst(trim).prefix(width))
    }

    /// A capital letter and its accent mark (one pixel row, five wide), if it has one.
    static func decompose(_ character: Character) -> (Character, String?)? {
        if letters[character] != nil { return (character, nil) }
        for (accent, pairs) in accented {
            if let index = pairs.precomposed.firstIndex(of: character) {
                let offset = pairs.precomposed.distance(from: pairs.precomposed.startIndex, to: index)
                let base = pairs.bases[pairs.bases.index(pairs.bases.startIndex, offsetBy: offset)]
                return (base, accent)
            }
        }
        return nil
    }

    private static let accented: [(String, (precomposed: String, bases: String))] = [
        ("   # ", ("ÁÉÍÓÚÝĆŃŚŹĹŔ", "AEIOUYCNSZLR")),  // acute
        (" #   ", ("ÀÈÌÒÙ", "AEIOU")),  // grave
        (" # # ", ("ÄËÏÖÜŸ", "AEIOUY")),  // diaeresis
        (" ### ", ("ÂÊÎÔÛ", "AEIOU")),  // circumflex
        ("## ##", ("ÃÑÕ", "ANO")),  // tilde
        ("  #  ", ("ÅŮĖŻ", "AUEZ")),  // ring, dot above
        ("# # #", ("ČĎĚŇŘŠŤŽ", "CDENRSTZ")),  // caron
    ]

    static let letters: [Character: [String]] = [
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"], "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"], "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"], "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"], "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["###", " # ", " # ", " # ", "###"], "J": ["  ###", "   # ", "   # ", "#  # ", " ##  "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"], "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"], "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "], "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"], "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "], "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "], "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"], "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "], "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        " ": ["  ", "  ", "  ", "  ", "  "], "-": ["   ", "   ", "###", "   ", "   "],
        "'": ["#", "#", " ", " ", " "], ".": [" ", " ", " ", " ", "#"],
    ]
}
