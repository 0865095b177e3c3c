import Testing

@testable import ThinkingTUI

/// The layout of big names, with a fake lettering: every character a 6×10 box (8 above the
/// baseline, 2 below) at 10 pixels to the em, scaled with the size.
@Suite("Name layout")
struct NameLayoutTests {
    struct Boxes: Lettering {
        func set(_ text: String, pixelSize: Int) -> LetterPixels? {
            let advance = max(1, pixelSize * 6 / 10)
            let ascent = max(1, pixelSize * 8 / 10)
            let descent = max(0, pixelSize * 2 / 10)
            let width = advance * text.count
            return LetterPixels(
                width: width, ascent: ascent, descent: descent,
                ink: Array(repeating: true, count: width * (ascent + descent)))
        }
    }

    let letters = NameLetters(Boxes())

    @Test func theLargestSizeThatFitsForEveryone() throws {
        // Height-bound: 10 rows are 20 pixels; size 21 is 16 + 4 pixels, size 22 is 17 + 4.
        let tall = try #require(letters.layout(for: ["Ana", "Ben"], width: 200, rows: 10))
        #expect(tall.pixelSize == 21)
        #expect(tall.rows <= 10)
        // Width-bound by the longest name: 11 characters 6 pixels wide (size 11) in 66 columns.
        let wide = try #require(letters.layout(for: ["Ana", "Bartholomew"], width: 66, rows: 20))
        #expect(wide.pixelSize == 11)
        #expect(wide.lineCount == 1)
    }

    @Test func aLongNameTakesTwoLinesWhenThatIsLarger() throws {
        let layout = try #require(letters.layout(for: ["Zoë", "Maria-Carmen López"], width: 80, rows: 30))
        #expect(layout.lines["Maria-Carmen López"] == ["Maria-Carmen", "López"])
        #expect(layout.lines["Zoë"] == nil)
        #expect(layout.lineCount == 2)
        #expect(layout.rows <= 30)
    }

    @Test func tooSmallToReadIsNoLayout() {
        #expect(letters.layout(for: ["Ana"], width: 80, rows: 3) == nil)
        #expect(letters.layout(for: [String(repeating: "a", count: 40)], width: 80, rows: 20) == nil)
        #expect(letters.layout(for: [], width: 80, rows: 20) == nil)
    }

    @Test func theSplitIsAfterASpaceOrAHyphenWithLinesClosestInLength() {
        let splits = NameLayout.twoLineSplits(["Maria-Carmen Fernández-López", "Zoë", "Jean-Luc"])
        #expect(splits["Maria-Carmen Fernández-López"] == ["Maria-Carmen", "Fernández-López"])
        #expect(splits["Jean-Luc"] == ["Jean-", "Luc"])
        #expect(splits["Zoë"] == nil)
    }

    @Test func everyNameIsDrawnOnTheLayoutsBaseline() throws {
        let layout = try #require(letters.layout(for: ["Ana", "Bo"], width: 100, rows: 8))
        var buffer = ScreenBuffer(width: 100, height: 8)
        let rows = letters.draw("Bo", layout: layout, in: buffer.area, buffer: &buffer, style: .name)
        #expect(rows == layout.lineRows)
        #expect(buffer[50, 0].character != " " || buffer[50, 1].character != " ")
    }
}
