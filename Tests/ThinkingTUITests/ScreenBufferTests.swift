import Testing

@testable import ThinkingTUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("Text lands where it is written, rendered as trimmed lines")
    func writeAndRender() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        let end = buffer.write("Zoë", x: 2, y: 1, style: .name)
        #expect(end == 5)
        #expect(buffer.lines() == ["", "  Zoë", ""])
        #expect(buffer[2, 1].style == .name)
        #expect(buffer[5, 1].style == .normal)
    }

    @Test("A wide character takes two cells, the second a continuation")
    func wideCells() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("李a😀", x: 0, y: 0)
        #expect(buffer[0, 0].isWide && buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].character == "a")
        #expect(buffer[3, 0].isWide && buffer[4, 0].isContinuation)
        #expect(buffer.lines() == ["李a😀"])
    }

    @Test("Combining marks stay in their base cell; zero-width characters take none")
    func combiningAndZeroWidth() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let end = buffer.write("Zoe\u{301}\u{200B}!", x: 0, y: 0)
        #expect(end == 4)
        #expect(buffer[2, 0].character == "e\u{301}")
        #expect(buffer[3, 0].character == "!")
    }

    @Test("A wide character is never split at the right edge: a space takes its place")
    func wideAtRightEdge() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.write("abcd李", x: 0, y: 0)
        #expect(buffer.lines()[0] == "abcd")
        #expect(!buffer[4, 0].isWide)
        buffer.write("日本語", x: 0, y: 1, maxWidth: 3)
        #expect(buffer.lines()[1] == "日")
        #expect(buffer[2, 1].character == " " && !buffer[2, 1].isContinuation)
    }

    @Test("Writing is clipped on every side")
    func clipping() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.write("Ada Lovelace", x: 1, y: 0)
        buffer.write("xy李z", x: -3, y: 1)  // 李 cut by the left edge leaves a space
        buffer.write("nope", x: 0, y: 2)
        buffer.write("nope", x: 0, y: -1)
        #expect(buffer.lines() == [" Ada", " z"])
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("李李", x: 0, y: 0)
        buffer.write("a", x: 1, y: 0)  // the right half of the first 李
        buffer.write("b", x: 2, y: 0)  // the left half of the second
        #expect(buffer.lines() == [" ab"])
        #expect(!buffer.cells.contains(where: { $0.isContinuation }))
    }

    @Test("Control characters and escape sequences never reach a cell")
    func neutralisesText() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.write("A\u{1B}[2J\u{07}B\nC\u{202E}", x: 0, y: 0)
        #expect(buffer.lines() == ["A␛[2J␇B C\\u{202E}"])
        let unsafe = buffer.cells.flatMap { $0.character.unicodeScalars }.filter {
            $0.value < 0x20 || $0.value == 0x7F
        }
        #expect(unsafe.isEmpty)
    }

    @Test("Centred text is truncated with an ellipsis when it does not fit")
    func centring() {
        var buffer = ScreenBuffer(width: 11, height: 2)
        let placed = buffer.writeCentred("Ada", y: 0, style: .name)
        #expect(placed == Rect(x: 4, y: 0, width: 3, height: 1))
        buffer.writeCentred("Augusta Ada King", y: 1)
        #expect(buffer.lines() == ["    Ada", "Augusta Ad…"])
        #expect(
            Rect(x: 0, y: 0, width: 80, height: 24).centred(width: 10, height: 4)
                == Rect(x: 35, y: 10, width: 10, height: 4))
    }

    @Test("Only the cells that changed are reported; all of them for a first or resized frame")
    func changedCells() {
        var first = ScreenBuffer(width: 10, height: 2)
        first.write("Ada 4:05", x: 0, y: 0)
        var second = first
        second.write("4:04", x: 4, y: 0)
        #expect(second.changedCells(since: first) == [7])
        #expect(first.changedCells(since: first).isEmpty)
        #expect(second.changedCells(since: nil).count == 20)
        #expect(second.changedCells(since: ScreenBuffer(width: 5, height: 2)).count == 20)
        var wide = first
        wide.write("李", x: 0, y: 1)
        #expect(wide.changedCells(since: first) == [10])  // the continuation is drawn with it
    }
}
