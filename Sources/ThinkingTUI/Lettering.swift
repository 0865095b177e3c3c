/// Names set in a real font, so that 李, محمد and प्रिया are drawn as big as Zoë.
///
/// The screens only know this protocol: `ThinkingFonts` implements it with fontconfig,
/// HarfBuzz and FreeType, tests may give a fake. When there is none (or no font loads),
/// names fall back to the block letters of `NameBanner`.
public protocol Lettering: Sendable {
    /// `text` set on one line at `pixelSize` pixels to the em, nil when no font can be loaded.
    func set(_ text: String, pixelSize: Int) -> LetterPixels?
}

/// A line of text drawn as pixels around a baseline: what a `Lettering` gives back.
public struct LetterPixels: Hashable, Sendable {
    /// Characters no font could draw (an emoji without a plain font), left as text at a column.
    public struct TextSpan: Hashable, Sendable {
        public var x: Int
        public var text: String

        public init(x: Int, text: String) {
            self.x = x
            self.text = text
        }
    }

    public var width: Int
    /// Pixel rows above the baseline (ink sits in them) and below it (descenders).
    public var ascent: Int
    public var descent: Int
    /// Row-major, `height × width`, true where there is ink.
    public var ink: [Bool]
    public var textSpans: [TextSpan]

    public init(width: Int, ascent: Int, descent: Int, ink: [Bool], textSpans: [TextSpan] = []) {
        precondition(ink.count == width * (ascent + descent), "ink must cover width × height")
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.ink = ink
        self.textSpans = textSpans
    }

    public var height: Int { ascent + descent }

    /// Whether the pixel at column `x`, `row` pixels below the top, is inked.
    public func isInk(x: Int, row: Int) -> Bool {
        x >= 0 && x < width && row >= 0 && row < height && ink[row * width + x]
    }
}
