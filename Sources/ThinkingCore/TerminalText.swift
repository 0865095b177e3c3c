/// Makes text from anywhere (a participant's name, a protocol file, a typed note) safe to
/// put on a terminal: nothing in the result can be read by the terminal as a command.
///
/// - Every C0 control (U+0000–U+001F, which includes NUL, BEL and ESC) becomes its
///   visible Control Picture: ESC is shown as `␛`, BEL as `␇`, NUL as `␀`.
/// - DEL (U+007F) becomes `␡`.
/// - C1 controls (U+0080–U+009F, among them CSI U+009B, which some terminals obey like
///   `ESC [`) have no Control Picture; they are spelled out as `\u{9B}`.
/// - Bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069),
///   which can reorder what the room reads, are spelled out the same way: `\u{202E}`.
/// - Line breaks (LF, CR, CR LF, NEL U+0085, U+2028, U+2029) and tabs become a single
///   space in single-line text. With `multiline: true` each line break becomes `"\n"`
///   (and a tab still becomes a space): the caller then splits the lines itself.
///
/// Invalid UTF-8 cannot reach a Swift `String`. Bytes from a file, a pipe or the keyboard
/// must be decoded with replacement, `String(decoding: bytes, as: UTF8.self)`, which turns
/// every ill-formed sequence into U+FFFD; never with a decoder that could pass bytes
/// through unchanged.
public func neutralised(_ text: String, multiline: Bool = false) -> String {
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
        defer { previousWasCR = scalar == "\r" }
        if scalar == "\n" && previousWasCR { continue }  // CR LF is one line break
        if TerminalText.isLineBreak(scalar) {
            out.append(multiline ? "\n" : " ")
        } else if scalar == "\t" {
            out.append(" ")
        } else {
            out.append(contentsOf: TerminalText.visible(scalar).unicodeScalars)
        }
    }
    return String(out)
}

/// The character classes behind `neutralised(_:multiline:)`.
public enum TerminalText {
    /// True for the scalars `neutralised` never lets through: C0 and C1 controls, DEL and
    /// the bidirectional overrides, embeddings and isolates.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(scalar)
    }

    /// LF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI, PDI).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The visible stand-in for one scalar: itself when it is safe.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20, let picture = Unicode.Scalar(0x2400 + v) { return String(picture) }
        if v == 0x7F { return "\u{2421}" }
        if isUnsafe(scalar) { return "\\u{" + hex(v) + "}" }
        return String(scalar)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
