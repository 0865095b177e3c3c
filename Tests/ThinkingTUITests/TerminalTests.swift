import CNcurses
import Testing

@testable import ThinkingTUI

#if canImport(Glibc)
    import Glibc
#endif

/// The ncurses backend, offscreen: a real `newterm` writing to /dev/null, read back from
/// ncurses' window. Serialized: ncurses state is global.
@Suite("Terminal backend (offscreen)", .serialized)
struct TerminalTests {
    @Test("ASCII, Zoë, 李 and an emoji round-trip through ncurses")
    func roundTrip() throws {
        let terminal = try Terminal(offscreen: "xterm-256color")
        defer { terminal.restore() }
        let (width, height) = terminal.size
        #expect(width == 80 && height == 24)
        let colourWanted = (Terminal.environment("NO_COLOR") ?? "").isEmpty
        #expect(terminal.theme == (colourWanted ? .default : .mono))
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.write("Round: what is going well?", x: 0, y: 0)
        buffer.write("Zoë", x: 2, y: 1, style: Style.name.emphasised)
        buffer.write("李小龍 😀 Ada", x: 0, y: 2)
        buffer.write("Zoe\u{301}", x: 0, y: 3)
        terminal.draw(buffer)
        #expect(terminal.windowRow(0) == "Round: what is going well?")
        #expect(terminal.windowRow(1) == "  Zoë")
        #expect(terminal.windowRow(2) == "李小龍 😀 Ada")
        #expect(terminal.windowRow(3).unicodeScalars.elementsEqual("Zoe\u{301}".unicodeScalars))
        let z = try #require(terminal.windowCell(x: 2, y: 1))
        #expect(z.character == "Z")
        #expect(z.attributes & cn_a_bold() != 0)
        #expect(terminal.windowCell(x: 7, y: 2)?.character == "😀")
        #expect(terminal.windowCell(x: 9, y: 2)?.character == " ")
    }

    @Test("Only the changed cells are copied when the clock ticks")
    func diffDrawing() throws {
        let terminal = try Terminal(offscreen: "xterm-256color")
        defer { terminal.restore() }
        func frame(_ clock: String) -> ScreenBuffer {
            var buffer = ScreenBuffer(width: 80, height: 24)
            buffer.writeCentred("Ada Lovelace", y: 1, style: .name)
            BigClock.draw(
                clock, in: Rect(x: 0, y: 4, width: 80, height: 16), buffer: &buffer, style: .clock)
            buffer.writeCentred("Attention · Ease · Equality", y: 22, style: .quiet)
            return buffer
        }
        terminal.draw(frame("4:05"))
        #expect(terminal.cellsWrittenLastFrame == 80 * 24)
        terminal.draw(frame("4:04"))
        let tick = terminal.cellsWrittenLastFrame
        #expect(tick > 0 && tick < 80 * 24 / 10)
        terminal.draw(frame("4:04"))
        #expect(terminal.cellsWrittenLastFrame == 0)
        #expect(terminal.cellsWrittenTotal == 80 * 24 + tick)
        #expect(terminal.windowRow(1) == "                                  Ada Lovelace")
    }

    @Test("A running clock sends few bytes a second: a tick is a small diff, not a repaint")
    func bytesPerTick() throws {
        let path = "/tmp/thinkenv-tui-bytes-\(getpid()).out"
        defer { unlink(path) }
        let terminal = try Terminal(offscreen: "xterm-256color", outputPath: path)
        defer { terminal.restore() }
        terminal.simulateResize(width: 120, height: 40)
        func frame(_ seconds: Int) -> ScreenBuffer {
            var buffer = ScreenBuffer(width: 120, height: 40)
            buffer.writeCentred("Ada Lovelace", y: 1, style: .name)
            let reading = "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
            let area = Rect(x: 0, y: 3, width: 120, height: 7)
            #expect(BigClock.draw(reading, in: area, buffer: &buffer, style: .clock) == .large)
            return buffer
        }
        func bytesSoFar() -> Int {
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : -1
        }
        terminal.draw(frame(300))
        let firstFrame = bytesSoFar()
        for seconds in stride(from: 299, to: 239, by: -1) { terminal.draw(frame(seconds)) }
        let perTick = (bytesSoFar() - firstFrame) / 60
        #expect(perTick > 0 && perTick < 150)  // tty-clock: ~100 bytes/s (DESIGN.md)
        #expect(perTick * 4 < firstFrame)  // the first frame carries the whole clock
    }

    @Test("A resize repaints everything; restore is idempotent and drawing after it is a no-op")
    func resizeAndRestore() throws {
        let terminal = try Terminal(offscreen: "xterm-256color", theme: .mono)
        #expect(terminal.theme == .mono)
        var buffer = ScreenBuffer(width: 80, height: 24)
        buffer.write("李", x: 79, y: 0)  // no room: a space
        terminal.draw(buffer)
        terminal.simulateResize(width: 250, height: 70)
        #expect(terminal.size == (250, 70))
        var big = ScreenBuffer(width: 250, height: 70)
        big.write("Ada", x: 247, y: 69)
        terminal.draw(big)
        #expect(terminal.cellsWrittenLastFrame == 250 * 70)
        #expect(terminal.windowRow(69).hasSuffix("Ada"))
        terminal.draw(ScreenBuffer(width: 10, height: 10))  // a smaller frame clears the rest
        #expect(terminal.windowRow(69) == "")
        terminal.restore()
        terminal.restore()
        terminal.draw(buffer)
        #expect(terminal.cellsWrittenLastFrame == 100)
        #expect(terminal.readKey(timeout: .zero) == nil)
    }

    @Test("Reading keys from a closed input times out with nothing")
    func readKeyTimesOut() throws {
        let terminal = try Terminal(offscreen: "xterm")
        defer { terminal.restore() }
        #expect(terminal.readKey(timeout: .milliseconds(1)) == nil)
        #expect(Terminal.milliseconds(.microseconds(1500)) == 2)
        #expect(Terminal.milliseconds(.seconds(-1)) == 0)
    }

    @Test("A cell libc measures differently still takes exactly its columns")
    func glyphFallback() {
        _ = try? Terminal(offscreen: "xterm")  // sets the UTF-8 locale wcwidth needs
        #expect(Terminal.glyph(for: Cell("a")).characters == [97])
        #expect(Terminal.glyph(for: Cell("李")).pad == false)
        let heart = Terminal.glyph(for: Cell("❤️"))  // libc: 1 column, we: 2
        #expect(heart.characters == [0x2764] && heart.pad)
        #expect(Terminal.glyph(for: Cell("e\u{301}")).characters == [0x65, 0x301])
        #expect(Terminal.glyph(for: .continuation(.normal)).characters == [32])
    }
}
