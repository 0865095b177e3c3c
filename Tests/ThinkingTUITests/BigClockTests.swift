import Testing

@testable import ThinkingTUI

@Suite("Big clock")
struct BigClockTests {
    @Test(
        "4:05 as text at the two smallest sizes (half blocks) and at 5 rows (full blocks)",
        arguments: [
            (
                BigClock.Size.tiny,
                [
                    "█ █ ▄ █▀█ █▀▀",
                    "▀▀█ ▄ █ █ ▀▀█",
                    "  ▀   ▀▀▀ ▀▀▀",
                ]
            ),
            (
                .medium,
                [
                    "██  ██      ██████  ██████",
                    "██  ██  ██  ██  ██  ██",
                    "██████      ██  ██  ██████",
                    "    ██  ██  ██  ██      ██",
                    "    ██      ██████  ██████",
                ]
            ),
        ])
    func clockText(size: BigClock.Size, expected: [String]) {
        var buffer = ScreenBuffer(width: 30, height: size.height)
        BigClock.draw("4:05", size: size, x: 0, y: 0, buffer: &buffer, style: .clock)
        #expect(buffer.lines() == expected)
        #expect(buffer[0, 0].style == .clock)
    }

    @Test(
        "Chooses the largest size that fits",
        arguments: [
            ("4:05", 80, 24, BigClock.Size.huge),
            ("12:00", 80, 24, .large),
            ("+0:42", 80, 24, .large),
            ("4:05", 250, 70, .colossal),
            ("12:00", 250, 70, .colossal),
            ("TIME", 250, 70, .colossal),
            ("PAUSED", 250, 70, .giant),
            ("12:00", 250, 10, .large),  // the height limits
            ("4:05", 20, 4, .small),
            ("4:05", 13, 3, .tiny),
        ])
    func chooses(text: String, width: Int, height: Int, expected: BigClock.Size) {
        #expect(BigClock.size(for: text, fitting: width, height: height) == expected)
        let m = BigClock.measure(text, size: expected)
        #expect(m.width <= width && m.height <= height)
    }

    @Test("Every size is at least 11 rows on a projector, and too small a space gets plain text")
    func projectorAndFallback() {
        var big = ScreenBuffer(width: 250, height: 70)
        let size = BigClock.draw("12:00", in: big.area, buffer: &big, style: .clock)
        #expect(size.map { $0.height >= 11 } == true)
        #expect(big.lines().filter { $0.contains("█") }.count == size?.height)

        var small = ScreenBuffer(width: 10, height: 2)
        #expect(BigClock.draw("12:00", in: small.area, buffer: &small, style: .clock) == nil)
        #expect(small.lines() == ["", "  12:00"])
    }

    @Test("Every digit is the same width, so the clock does not jump as it counts")
    func monospacedDigits() {
        for size in BigClock.Size.allCases {
            let widths = Set((0...9).map { BigClock.measure("\($0)", size: size).width })
            #expect(widths.count == 1, "\(size)")
        }
        #expect(BigClock.measure("TIME", size: .large).width > 0)
    }
}
