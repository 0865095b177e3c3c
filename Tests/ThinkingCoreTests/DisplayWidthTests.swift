import Testing

@testable import ThinkingCore

@Suite("Display width")
struct DisplayWidthTests {
    @Test(
        "Grapheme widths",
        arguments: [
            ("a", 1), (" ", 1), ("ë", 1), ("e\u{301}", 1),  // precomposed and combining
            ("李", 2), ("日", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2),  // CJK, half- and fullwidth
            ("😀", 2), ("🇫🇷", 2), ("👍🏽", 2), ("👩‍👩‍👧", 2),  // emoji, flag, skin tone, ZWJ
            ("❤️", 2), ("1️⃣", 2), ("❤", 1),  // text-default emoji made emoji by FE0F
            ("\u{200B}", 0), ("\u{200D}", 0), ("\u{301}", 0), ("\u{1B}", 0),  // zero width, controls
            ("␛", 1), ("…", 1), ("█", 1),
        ] as [(Character, Int)])
    func graphemeWidth(character: Character, expected: Int) {
        #expect(character.displayWidth == expected)
    }

    @Test("Strings add up their graphemes")
    func stringWidth() {
        #expect(displayWidth(of: "Zoë") == 3)
        #expect(displayWidth(of: "Zoe\u{301}") == 3)
        #expect(displayWidth(of: "日本") == 4)
        #expect(displayWidth(of: "李 Ada 👩‍👩‍👧") == 2 + 1 + 3 + 1 + 2)
        #expect("".displayWidth == 0)
    }

    @Test("Truncation keeps the width and ends with an ellipsis")
    func truncation() {
        #expect("Ada Lovelace".truncated(toWidth: 20) == "Ada Lovelace")
        #expect("Ada Lovelace".truncated(toWidth: 12) == "Ada Lovelace")
        #expect("Ada Lovelace".truncated(toWidth: 6) == "Ada L…")
        #expect("日本語です".truncated(toWidth: 6) == "日本…")  // 語 would straddle the limit
        #expect("日本語です".truncated(toWidth: 6).displayWidth <= 6)
        #expect("Zoe\u{301} Ng".truncated(toWidth: 4) == "Zoe\u{301}…")
        #expect("Ada".truncated(toWidth: 1) == "…")
        #expect("Ada".truncated(toWidth: 0) == "")
    }
}
