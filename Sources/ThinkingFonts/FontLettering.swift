internal import CFontLoader
internal import CFontStack
import Synchronization
import ThinkingCore
import ThinkingTUI

/// Names set in the fonts this machine has: fontconfig lists them (a user's own fonts,
/// DejaVu, Noto), each character takes the first bold, plain (not colour) font that has it,
/// HarfBuzz shapes each run of one font (so Arabic joins and reads right to left, Devanagari
/// stacks its marks), and FreeType draws the glyphs.
///
/// Nothing is loaded until the first name is set, so the first frame does not wait for
/// fontconfig. A character no font has (an emoji, with no plain emoji font) is left as text
/// at its place. When fontconfig or FreeType cannot start, `set` returns nil and the screen
/// uses its block letters.
public final class FontLettering: Lettering {
    private let state = Mutex<FontState?>(nil)
    private let failed = Atomic<Bool>(false)

    public init() {}

    public func set(_ text: String, pixelSize: Int) -> LetterPixels? {
        guard pixelSize > 0, !failed.load(ordering: .relaxed) else { return nil }
        return state.withLock { state -> LetterPixels? in
            if state == nil {
                guard let loaded = FontState() else {
                    failed.store(true, ordering: .relaxed)
                    return nil
                }
                state = loaded
            }
            return state!.set(text, pixelSize: pixelSize)
        }
    }
}

/// fontconfig's sorted list of fonts and the FreeType faces opened from it.
private final class FontState {
    struct Candidate {
        var file: String
        var index: Int32
        var charset: OpaquePointer
    }

    private let library: FT_Library
    private let fontSet: UnsafeMutablePointer<FcFontSet>
    let candidates: [Candidate]
    private var faces: [Int: (face: FT_Face, font: OpaquePointer)] = [:]
    private var fontOfScalar: [UInt32: Int?] = [:]

    init?() {
        guard cfl_font_stack_loaded() != 0, FcInit() != 0 else { return nil }
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        guard let pattern = FcPatternCreate() else {
            FT_Done_FreeType(library)
            return nil
        }
        defer { FcPatternDestroy(pattern) }
        _ = "sans-serif".withCString { family in
            family.withMemoryRebound(to: FcChar8.self, capacity: 11) {
                FcPatternAddString(pattern, cfs_fc_family(), $0)
            }
        }
        FcPatternAddInteger(pattern, cfs_fc_weight(), cfs_fc_weight_bold())
        FcPatternAddBool(pattern, cfs_fc_scalable(), 1)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let sorted = FcFontSort(nil, pattern, 1, nil, &result) else {
            FT_Done_FreeType(library)
            return nil
        }
        var candidates: [Candidate] = []
        for index in 0..<Int(sorted.pointee.nfont) {
            guard let font = sorted.pointee.fonts[index] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            var faceIndex: Int32 = 0
            var charset: OpaquePointer?
            var colour: FcBool = 0
            guard FcPatternGetString(font, cfs_fc_file(), 0, &file) == FcResultMatch, let file,
                FcPatternGetCharSet(font, cfs_fc_charset(), 0, &charset) == FcResultMatch, let charset
            else { continue }
            // Colour fonts (emoji bitmaps) cannot be drawn as ink: their characters stay text.
            if FcPatternGetBool(font, cfs_fc_color(), 0, &colour) == FcResultMatch, colour != 0 { continue }
            _ = FcPatternGetInteger(font, cfs_fc_index(), 0, &faceIndex)
            candidates.append(Candidate(file: String(cString: file), index: faceIndex, charset: charset))
        }
        guard !candidates.isEmpty else {
            FcFontSetDestroy(sorted)
            FT_Done_FreeType(library)
            return nil
        }
        self.library = library
        self.fontSet = sorted
        self.candidates = candidates
    }

    deinit {
        // Each HarfBuzz font holds the last reference to its face: destroying it closes the face.
        for (_, font) in faces.values { hb_font_destroy(font) }
        FcFontSetDestroy(fontSet)
        FT_Done_FreeType(library)
    }

    /// The first font that has every scalar of `character`, if any.
    private func font(for character: Character) -> Int? {
        var chosen: Int?
        for scalar in character.unicodeScalars where !Self.isInvisible(scalar) {
            let value = scalar.value
            let font: Int?
            if let known = fontOfScalar[value] {
                font = known
            } else {
                font = candidates.firstIndex { FcCharSetHasChar($0.charset, value) != 0 }
                fontOfScalar[value] = font
            }
            guard let font else { return nil }
            // A cluster stays with its first font (a base letter's font has its marks, as a rule).
            if chosen == nil { chosen = font }
        }
        return chosen
    }

    private func covers(_ font: Int, _ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy {
            Self.isInvisible($0) || FcCharSetHasChar(candidates[font].charset, $0.value) != 0
        }
    }

    /// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms).
    private static func isRightToLeft(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    /// Joiners and variation selectors: they have no glyph of their own to look for.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    private func face(_ index: Int) -> (face: FT_Face, font: OpaquePointer)? {
        if let open = faces[index] { return open }
        var face: FT_Face?
        guard FT_New_Face(library, candidates[index].file, FT_Long(candidates[index].index), &face) == 0, let face,
            let font = hb_ft_font_create_referenced(face)
        else { return nil }
        FT_Done_Face(face)  // the HarfBuzz font holds its own reference
        faces[index] = (face, font)
        return (face, font)
    }

    /// Below this many pixels to the em, glyphs are hinted and drawn in one bit.
    static let crispBelow: Int32 = 28

    /// One line: runs of one font each, shaped, then drawn glyph by glyph onto a canvas.
    func set(_ text: String, pixelSize: Int) -> LetterPixels? {
        // Runs of one font and one direction: HarfBuzz shapes each with the script and the
        // direction it guesses for it, so Arabic beside Latin ("Ana & محمد") still joins.
        var runs: [(font: Int?, rightToLeft: Bool, text: String)] = []
        for character in text {
            // Spaces and punctuation stay with the run before them when its font has them.
            let neutral = character.isWhitespace || character.isPunctuation
            let font: Int? =
                if neutral, let last = runs.last?.font, covers(last, character) { last } else {
                    self.font(for: character)
                }
            let rightToLeft = neutral ? (runs.last?.rightToLeft ?? false) : Self.isRightToLeft(character)
            if let last = runs.last, last.font == font, last.rightToLeft == rightToLeft, font != nil || neutral {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append((font, rightToLeft, String(character)))
            }
        }
        var canvas = Canvas()
        var pen = 0  // 26.6 fixed point
        for run in runs {
            guard let index = run.font, let (face, font) = face(index) else {
                // No font: the text keeps its place, one pixel column per terminal column.
                canvas.spans.append(LetterPixels.TextSpan(x: pen >> 6, text: run.text))
                pen += (run.text.displayWidth + 1) << 6
                continue
            }
            FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize))
            hb_ft_font_changed(font)
            pen = shape(run.text, face: face, font: font, pen: pen, onto: &canvas)
        }
        return canvas.pixels(advance: pen >> 6)
    }

    private func shape(_ text: String, face: FT_Face, font: OpaquePointer, pen start: Int, onto canvas: inout Canvas)
        -> Int
    {
        guard let buffer = hb_buffer_create() else { return start }
        defer { hb_buffer_destroy(buffer) }
        text.withCString { hb_buffer_add_utf8(buffer, $0, -1, 0, -1) }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
            let positions = hb_buffer_get_glyph_positions(buffer, &count)
        else { return start }
        var pen = start
        let flags =
            Int32(face.pointee.size.pointee.metrics.y_ppem) < Self.crispBelow
            ? cfs_load_render_mono() : cfs_load_render()
        for index in 0..<Int(count) {
            let position = positions[index]
            if FT_Load_Glyph(face, infos[index].codepoint, flags) == 0, let slot = face.pointee.glyph {
                let bitmap = slot.pointee.bitmap
                let left = (pen + Int(position.x_offset)) >> 6 + Int(slot.pointee.bitmap_left)
                let top = Int(position.y_offset) >> 6 + Int(slot.pointee.bitmap_top)
                canvas.add(bitmap, left: left, top: top)
            }
            pen += Int(position.x_advance)
        }
        return pen
    }
}

/// Inked pixels gathered around a baseline, turned into `LetterPixels` at the end.
private struct Canvas {
    /// (x, height above the baseline) of each inked pixel.
    var points: [(Int, Int)] = []
    var spans: [LetterPixels.TextSpan] = []

    /// Half coverage or more counts as ink.
    static let threshold: UInt8 = 110

    mutating func add(_ bitmap: FT_Bitmap, left: Int, top: Int) {
        guard let buffer = bitmap.buffer else { return }
        let pitch = Int(bitmap.pitch)
        if Int32(bitmap.pixel_mode) == cfs_pixel_mode_mono() {
            for row in 0..<Int(bitmap.rows) {
                for column in 0..<Int(bitmap.width)
                where buffer[row * pitch + column / 8] & (0x80 >> UInt8(column % 8)) != 0 {
                    points.append((left + column, top - row))
                }
            }
            return
        }
        for row in 0..<Int(bitmap.rows) {
            for column in 0..<Int(bitmap.width) where buffer[row * pitch + column] >= Self.threshold {
                points.append((left + column, top - row))
            }
        }
    }

    func pixels(advance: Int) -> LetterPixels {
        let minX = min(0, points.map(\.0).min() ?? 0)
        let maxX = max(advance - 1, points.map(\.0).max() ?? 0)
        let ascent = max(1, points.map(\.1).max() ?? 1)
        let descent = max(0, -(points.map(\.1).min() ?? 1) + 1)
        let width = maxX - minX + 1
        var ink = Array(repeating: false, count: width * (ascent + descent))
        for (x, up) in points {
            ink[(ascent - up) * width + (x - minX)] = true
        }
        let shifted = spans.map { LetterPixels.TextSpan(x: $0.x - minX, text: $0.text) }
        return LetterPixels(width: width, ascent: ascent, descent: descent, ink: ink, textSpans: shifted)
    }
}
