import Testing
import ThinkingCore

@testable import ThinkingTUI

/// 1,000 random window sizes (0x0, 1x1, 1x200 and 300x1 among them) of a running screen:
/// the buffer has exactly the size asked, and whenever the window is large enough the
/// clock is on screen whole: as big glyphs, or as text in a small window.
@Suite("Screen: 1,000 random resizes")
struct ResizeFaultTests {
    static let sessions: [Session] = {
        let round = try? ScreenFixtures.session(
            ScreenFixtures.round, ["Ana", "Ben", "Chloé", "李", "🦊 Fox"], question: "What is going well?",
            [(.begin, 0), (.pass, 5), (.handOn, 80)])
        let paused = try? ScreenFixtures.session(ScreenFixtures.round, ["Ana", "Ben"], [(.begin, 0), (.pause, 20)])
        let pairs = try? ScreenFixtures.session(
            ScreenFixtures.pairs, ["Ana", "Ben", "Chloé", "Dev", "Eun"], [(.begin, 0)])
        let council = try? ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Chloé", [(.begin, 0)])
        return [round, paused, pairs, council].compactMap { $0 }
    }()

    /// The rows of `text` in big glyphs at `size`, trimmed on the right.
    static func glyphRows(_ text: String, _ size: BigClock.Size) -> [String] {
        let measured = BigClock.measure(text, size: size)
        var buffer = ScreenBuffer(width: measured.width, height: measured.height)
        BigClock.draw(text, size: size, x: 0, y: 0, buffer: &buffer, style: .clock)
        return buffer.lines()
    }

    /// Whether the clock's glyphs stand whole on consecutive rows, at one column.
    static func containsBigClock(_ lines: [String], _ text: String) -> Bool {
        let screen = lines.map(Array.init)
        return BigClock.Size.allCases.contains { size in
            let rows = glyphRows(text, size).map(Array.init)
            guard let top = rows.first, !top.isEmpty, rows.count <= screen.count else { return false }
            for start in 0...(screen.count - rows.count) where screen[start].count >= top.count {
                for offset in 0...(screen[start].count - top.count) {
                    let whole = rows.indices.allSatisfy { index in
                        let line = screen[start + index]
                        let row = rows[index]
                        return line.count >= offset + row.count && Array(line[offset..<offset + row.count]) == row
                    }
                    if whole { return true }
                }
            }
            return false
        }
    }

    /// Whether `line` holds `part`.
    static func contains(_ line: String, _ part: String) -> Bool {
        let line = Array(line)
        let part = Array(part)
        guard part.count <= line.count else { return false }
        return (0...(line.count - part.count)).contains { Array(line[$0..<$0 + part.count]) == part }
    }

    /// The overtime line under the name ("TIME · over by 2:03"), for a clock over time.
    func overBy(_ clock: RoomView.ClockState) -> String {
        guard case .over(let over) = clock else { return ClockText.big(clock) }
        return "over by " + DurationText.clock(over)
    }

    static let sizes: [(Int, Int)] = {
        var rng = SplitMix64(seed: 1000)
        var sizes = [(0, 0), (1, 1), (1, 200), (300, 1), (0, 50), (50, 0), (40, 12), (39, 12), (40, 11), (2, 2)]
        while sizes.count < 1000 {
            sizes.append((Int(rng.next() % 301), Int(rng.next() % 101)))
        }
        return sizes
    }()

    @Test func aThousandSizesKeepTheirShapeAndTheClock() {
        var rng = SplitMix64(seed: 7)
        var bigClocks = 0
        for (index, (width, height)) in Self.sizes.enumerated() {
            var session = Self.sessions[index % Self.sessions.count]
            let now = Duration.seconds(80) + .milliseconds(Int64(rng.next() % 400_000))
            _ = session.advance(to: now)
            let buffer = SessionScreen(session: session, controls: Controls(), now: now)
                .render(width: width, height: height)
            let lines = buffer.lines()
            guard buffer.width == width, buffer.height == height, buffer.cells.count == width * height,
                lines.count == height, lines.allSatisfy({ $0.displayWidth <= width })
            else {
                Issue.record("\(width)x\(height): a buffer of \(buffer.width)x\(buffer.height), \(lines.count) lines")
                continue
            }
            let view = session.roomView(at: now)
            guard let clock = view.clock else { continue }
            if width >= SessionScreen.minimumWidth, height >= SessionScreen.minimumHeight {
                let text = ClockText.big(clock)
                if Self.containsBigClock(lines, text) {
                    bigClocks += 1
                } else if !lines.contains(where: { line in
                    [text, ClockText.small(clock), overBy(clock)].contains { Self.contains(line, $0) }
                }) {
                    Issue.record(
                        "\(width)x\(height): the clock \(text) is not whole:\n\(lines.joined(separator: "\n"))")
                }
            } else if height >= 2 {
                let who = view.thinker ?? view.stepTitle ?? view.protocolName
                let line = who + " · " + ClockText.small(clock)
                if line.displayWidth <= width, !lines.contains(where: { Self.contains($0, line) }) {
                    Issue.record("\(width)x\(height): \"\(line)\" is not whole:\n\(lines.joined(separator: "\n"))")
                }
            }
        }
        #expect(bigClocks > 300)
    }
}

extension ResizeFaultTests {
    /// Found by the resizes: at 93x12 no row was left for the clock, and the room lost the time.
    @Test func justAboveTheMinimumTheTimeIsInWords() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.round, ["Ana", "Ben", "Chloé", "李", "🦊 Fox"], question: "What is going well?",
            [(.begin, 0), (.pass, 5), (.handOn, 80)])
        let lines = ScreenFixtures.render(session, at: 198, width: 93, height: 12)
        #expect(lines.contains { Self.contains($0, "0:02 left · of 2m") })
    }
}
