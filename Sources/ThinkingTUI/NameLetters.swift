import Synchronization
import ThinkingCore

/// Every name of a session in big letters from a real font (a `Lettering`), at one height
/// for everyone: the size is chosen for all the names present at once, so nobody's name is
/// drawn smaller than another's, and a name that would not fit on one line takes two.
///
/// Pixels map to half blocks (`▀ ▄ █`): one column and half a row each, which is about
/// square on a terminal whose cells are twice as tall as wide. What has been set once (a
/// name at a size, a layout for a window) is kept, so a name is drawn only when it changes.
public final class NameLetters: Sendable {
    public let lettering: any Lettering
    private let cache = Mutex(Cache())

    private struct Cache {
        var pixels: [PixelKey: LetterPixels?] = [:]
        var layouts: [LayoutKey: NameLayout?] = [:]
    }

    private struct PixelKey: Hashable {
        var text: String
        var size: Int
    }

    private struct LayoutKey: Hashable {
        var names: [String]
        var width: Int
        var rows: Int
    }

    public init(_ lettering: any Lettering) {
        self.lettering = lettering
    }

    /// `text` at `size`, set once and then kept.
    func pixels(_ text: String, size: Int) -> LetterPixels? {
        let key = PixelKey(text: text, size: size)
        if let known = cache.withLock({ $0.pixels[key] }) { return known }
        let set = lettering.set(text, pixelSize: size)
        cache.withLock { cache in
            if cache.pixels.count > 512 { cache.pixels.removeAll() }
            cache.pixels[key] = set
        }
        return set
    }

    /// The largest size at which every one of `names` fits `width` columns and `rows` rows,
    /// on one line each or two where a name needs them; nil when no font can draw them or
    /// not even small letters fit.
    public func layout(for names: [String], width: Int, rows: Int) -> NameLayout? {
        let key = LayoutKey(names: names, width: width, rows: rows)
        if let known = cache.withLock({ $0.layouts[key] }) { return known }
        let layout = NameLayout.fit(names, width: width, rows: rows, pixels: pixels)
        cache.withLock { cache in
            if cache.layouts.count > 256 { cache.layouts.removeAll() }
            cache.layouts[key] = layout
        }
        return layout
    }

    /// Draws `name` centred in `area` (its top `layout.rows` rows); returns the rows its ink
    /// spans, 0 if it could not be set.
    @discardableResult
    public func draw(_ name: String, layout: NameLayout, in area: Rect, buffer: inout ScreenBuffer, style: Style)
        -> Int
    {
        let lines = layout.lines[name] ?? [name]
        let used = lines.count * layout.lineRows + (lines.count - 1) * NameLayout.lineGap
        var top = area.y + max(0, (layout.rows - used) / 2)
        var inked = 0
        for line in lines {
            guard let set = pixels(line, size: layout.pixelSize) else { return 0 }
            // Every line sits on the layout's baseline, whatever its own ascent.
            let offset = layout.ascent - set.ascent
            let left = area.x + max(0, (area.width - set.width) / 2)
            for row in 0..<layout.lineRows {
                var any = false
                for x in 0..<set.width {
                    let upper = set.isInk(x: x, row: 2 * row - offset)
                    let lower = set.isInk(x: x, row: 2 * row + 1 - offset)
                    guard upper || lower else { continue }
                    any = true
                    buffer.put(upper && lower ? "█" : upper ? "▀" : "▄", x: left + x, y: top + row, style: style)
                }
                if any { inked += 1 }
            }
            for span in set.textSpans {
                buffer.write(span.text, x: left + span.x, y: top + layout.lineRows / 2, style: style.emphasised)
            }
            top += layout.lineRows + NameLayout.lineGap
        }
        return inked
    }
}

/// The size and the lines every name of a session is drawn with.
public struct NameLayout: Hashable, Sendable {
    /// A blank row between the two lines of a long name.
    static let lineGap = 1
    /// Below this many pixels (4 rows) to a line, a real font's letters cannot be read; the
    /// screen then draws block letters, or text, for everyone.
    static let smallestLine = 8

    public var pixelSize: Int
    /// The band every line is drawn in: pixels above the baseline, and below it.
    public var ascent: Int
    public var descent: Int
    /// The names that take two lines, split where a space or a hyphen allows.
    public var lines: [String: [String]]
    /// The most lines a name takes (1 or 2).
    public var lineCount: Int

    /// Rows of one line (two pixels to a row).
    public var lineRows: Int { (ascent + descent + 1) / 2 }
    /// Rows the names take on screen.
    public var rows: Int { lineCount * lineRows + (lineCount - 1) * Self.lineGap }

    /// The largest layout of `names` within `width`×`rows`, measured with `pixels`.
    static func fit(
        _ names: [String], width: Int, rows: Int, pixels: (String, Int) -> LetterPixels?
    ) -> NameLayout? {
        var unique: [String] = []
        for name in names where !name.isEmpty && !unique.contains(name) { unique.append(name) }
        guard !unique.isEmpty, width > 0, rows > 0 else { return nil }
        let reference = 48
        var options: [NameLayout] = []
        for lineCount in [1, 2] {
            let splits = lineCount == 1 ? [:] : twoLineSplits(unique)
            if lineCount == 2, splits.isEmpty { continue }
            let lineRows = (rows - (lineCount - 1) * lineGap) / lineCount
            guard lineRows * 2 >= smallestLine else { continue }
            // A first guess from the reference size, then down a pixel at a time until it fits.
            let pieces = unique.flatMap { splits[$0] ?? [$0] }
            let measured = pieces.compactMap { pixels($0, reference) }
            guard measured.count == pieces.count else { return nil }
            let band = measured.map(\.ascent).max()! + measured.map(\.descent).max()!
            let widest = measured.map(\.width).max()!
            // Never more than twice the line's pixels to the em (a name with no ink at all
            // would otherwise start the search hundreds of sizes up).
            var size =
                min(
                    reference * lineRows * 2 / max(1, band), reference * width / max(1, widest), lineRows * 4) + 1
            while size >= 4 {
                if let layout = layout(
                    unique, splits: splits, size: size, width: width, rows: rows, pixels: pixels)
                {
                    options.append(layout)
                    break
                }
                size -= 1
            }
        }
        return options.max { $0.pixelSize < $1.pixelSize }
    }

    /// The layout at `size` if it fits; a name with a split keeps one line when it fits on one.
    private static func layout(
        _ names: [String], splits: [String: [String]], size: Int, width: Int, rows: Int,
        pixels: (String, Int) -> LetterPixels?
    ) -> NameLayout? {
        var lines: [String: [String]] = [:]
        var sets: [LetterPixels] = []
        for name in names {
            guard let whole = pixels(name, size) else { return nil }
            if whole.width <= width || splits[name] == nil {
                sets.append(whole)
                continue
            }
            let parts = splits[name]!
            let partSets = parts.compactMap { pixels($0, size) }
            guard partSets.count == parts.count else { return nil }
            sets += partSets
            lines[name] = parts
        }
        guard sets.allSatisfy({ $0.width <= width }) else { return nil }
        let layout = NameLayout(
            pixelSize: size, ascent: sets.map(\.ascent).max()!, descent: sets.map(\.descent).max()!, lines: lines,
            lineCount: lines.isEmpty ? 1 : 2)
        guard layout.rows <= rows, layout.ascent + layout.descent >= smallestLine else { return nil }
        return layout
    }

    /// For each name that can be split (after a space or a hyphen), the two lines closest in
    /// length.
    static func twoLineSplits(_ names: [String]) -> [String: [String]] {
        var splits: [String: [String]] = [:]
        for name in names {
            let characters = Array(name)
            // The longer line's width, then a space before a hyphen.
            var best: (Int, Int, [String])?
            for index in characters.indices.dropLast() where characters[index] == " " || characters[index] == "-" {
                let first = String(characters[...index]).trimmingSpaces
                let second = String(characters[(index + 1)...]).trimmingSpaces
                guard !first.isEmpty, !second.isEmpty else { continue }
                let rank = (max(first.displayWidth, second.displayWidth), characters[index] == " " ? 0 : 1)
                if best == nil || rank < (best!.0, best!.1) { best = (rank.0, rank.1, [first, second]) }
            }
            if let best { splits[name] = best.2 }
        }
        return splits
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
