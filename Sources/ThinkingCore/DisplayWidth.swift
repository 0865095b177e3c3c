/// How many terminal columns text takes, computed in pure Swift (no ncurses, no locale).
///
/// The approach, per grapheme cluster (a Swift `Character`), as terminals and `wcwidth`
/// do it:
/// - the width is the width of the cluster's first scalar, so combining marks (`e` +
///   U+0301), variation selectors, skin-tone modifiers and the rest of a ZWJ sequence
///   (👩‍👩‍👧) ride in their base's cell;
/// - a scalar is 2 columns when it has the Unicode `Emoji_Presentation` property (😀, 🇫🇷's
///   regional indicators) or lies in an East Asian Wide or Fullwidth block (the table
///   below, from `EastAsianWidth.txt`: CJK ideographs, kana, Hangul, fullwidth forms);
/// - a cluster whose base is an emoji with text presentation becomes 2 columns when it
///   asks for emoji presentation with U+FE0F (❤️, keycap 1️⃣);
/// - a cluster that starts with a mark, a format character (ZWJ, ZWSP, soft hyphen), a
///   Hangul medial or final jamo, or a control takes no column at all;
/// - everything else, East Asian Ambiguous included, is 1 column (what terminals in a
///   Western locale do).
///
/// Controls count as 0 here: text should be `neutralised` before it is measured, and
/// `ScreenBuffer.write` does that itself.
public enum DisplayWidth {
    /// The columns a grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            guard let v = character.asciiValue else { return 1 }  // "\r\n" is ASCII too
            return v >= 0x20 && v != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        let width = of(base)
        if width == 1, base.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
        return width
    }

    /// The columns a string takes: the sum over its grapheme clusters.
    public static func of(_ text: String) -> Int {
        if let width = asciiWidth(text) { return width }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The width of printable ASCII text (times, figures, most words: one column a byte, no
    /// graphemes to walk); nil for any other text.
    public static func asciiWidth(_ text: String) -> Int? {
        let ascii = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return ascii == true ? text.utf8.count : nil
    }

    /// The columns one scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator,
            .paragraphSeparator:
            return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(v) { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, Unicode 15; the emoji among W are
    /// caught by `isEmojiPresentation` instead.
    static func isEastAsianWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, enclosed CJK
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth ASCII
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana supplement and extensions, Nushu
        0x1F200...0x1F251,  // enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}

/// The columns `text` takes on a terminal (see `DisplayWidth`).
public func displayWidth(of text: String) -> Int { DisplayWidth.of(text) }

extension Character {
    /// The columns this grapheme cluster takes on a terminal: 0, 1 or 2.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension String {
    /// The columns this text takes on a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The text cut to at most `width` columns, ending with `ellipsis` when anything was
    /// cut. A wide character that would straddle the limit is dropped whole.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(self) <= width { return self }
        let room = width - DisplayWidth.of(ellipsis)
        guard room >= 0 else { return "" }
        var kept = ""
        var used = 0
        for ch in self {
            let w = ch.displayWidth
            if used + w > room { break }
            kept.append(ch)
            used += w
        }
        return kept + ellipsis
    }
}
