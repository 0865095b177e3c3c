/// Draws a clock reading (`4:05`, `12:00`, `+0:42`, `TIME`, `PAUSED`) in large block
/// glyphs, at the largest size that fits the space a screen gives it.
///
/// Pixels are drawn 2 columns wide for each row of height, so they come out about square
/// on a terminal whose cells are twice as tall as wide. The two smallest sizes pack two
/// pixel rows into a text row with `▀ ▄ █`; every larger one is made of full blocks `█`.
/// Known characters: digits, `:`, `+`, `-`, space and the letters of TIME and PAUSED;
/// anything else is drawn as a space.
public enum BigClock {
    /// The sizes, smallest first; `rawValue` is the height in rows.
    public enum Size: Int, CaseIterable, Comparable, Sendable {
        case tiny = 3, small = 4, medium = 5, large = 7, huge = 14, giant = 21, colossal = 28

        public var height: Int { rawValue }

        public static func < (a: Size, b: Size) -> Bool { a.rawValue < b.rawValue }

        fileprivate var font: BigClockFont {
            switch self {
            case .tiny, .medium: return .five
            default: return .seven
            }
        }

        /// Columns per pixel, and pixel rows per text row in half-block sizes.
        fileprivate var pixelColumns: Int {
            switch self {
            case .tiny, .small: return 1
            case .medium, .large: return 2
            case .huge: return 4
            case .giant: return 6
            case .colossal: return 8
            }
        }

        fileprivate var pixelRows: Int { max(1, pixelColumns / 2) }
        fileprivate var isHalfBlock: Bool { self == .tiny || self == .small }
    }

    /// The columns and rows `text` takes at `size`.
    public static func measure(_ text: String, size: Size) -> (width: Int, height: Int) {
        let pixels = size.font.bitmap(text).first?.count ?? 0
        return (pixels * size.pixelColumns, size.height)
    }

    /// The largest size at which `text` fits `width`×`height`, nil if even `tiny` does not.
    public static func size(for text: String, fitting width: Int, height: Int) -> Size? {
        Size.allCases.last { size in
            let m = measure(text, size: size)
            return m.width <= width && m.height <= height
        }
    }

    /// Draws `text` centred in `rect` at the largest size that fits, and returns that
    /// size; when none fits, writes the plain text centred on the middle row, returns nil.
    @discardableResult
    public static func draw(_ text: String, in rect: Rect, buffer: inout ScreenBuffer, style: Style)
        -> Size?
    {
        guard let size = size(for: text, fitting: rect.width, height: rect.height) else {
            if rect.height > 0 {
                buffer.writeCentred(text, y: rect.y + rect.height / 2, in: rect, style: style)
            }
            return nil
        }
        let m = measure(text, size: size)
        let box = rect.centred(width: m.width, height: m.height)
        draw(text, size: size, x: box.x, y: box.y, buffer: &buffer, style: style)
        return size
    }

    /// Draws `text` at `size` with its top left corner at (x, y), clipped to the buffer.
    /// Unlit pixels are written as spaces, so the glyphs' whole box is drawn.
    public static func draw(
        _ text: String, size: Size, x: Int, y: Int, buffer: inout ScreenBuffer, style: Style
    ) {
        let bitmap = size.font.bitmap(text)
        for row in 0..<size.height {
            let line =
                size.isHalfBlock
                ? halfBlockRow(bitmap, row) : fullBlockRow(bitmap, row / size.pixelRows)
            var column = x
            for ch in line {
                for _ in 0..<size.pixelColumns {
                    column = buffer.put(ch, x: column, y: y + row, style: style)
                }
            }
        }
    }

    private static func fullBlockRow(_ bitmap: [[Bool]], _ r: Int) -> [Character] {
        bitmap[r].map { $0 ? "█" : " " }
    }

    private static func halfBlockRow(_ bitmap: [[Bool]], _ row: Int) -> [Character] {
        let top = bitmap[2 * row]
        let bottom =
            2 * row + 1 < bitmap.count
            ? bitmap[2 * row + 1] : Array(repeating: false, count: top.count)
        return zip(top, bottom).map { t, b in
            switch (t, b) {
            case (true, true): return "█"
            case (true, false): return "▀"
            case (false, true): return "▄"
            case (false, false): return " "
            }
        }
    }
}
