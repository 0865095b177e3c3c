import Testing

@testable import ThinkingCore

@Suite("Terminal text is neutralised")
struct TerminalTextTests {
    @Test("Ordinary text, accents, CJK and emoji pass through unchanged")
    func ordinaryText() {
        for text in ["Ada", "Zoë", "Zoe\u{301}", "李小龍", "👩‍👩‍👧 🇫🇷", "O'Brien-Smith"] {
            #expect(neutralised(text) == text)
        }
    }

    @Test(
        "C0 controls, ESC, BEL, NUL and DEL become Control Pictures",
        arguments: [
            ("\u{1B}[2J", "␛[2J"),
            ("bell\u{07}", "bell␇"),
            ("nul\u{00}", "nul␀"),
            ("del\u{7F}", "del␡"),
            ("\u{08}\u{1F}", "␈␟"),
        ])
    func c0Controls(input: String, expected: String) {
        #expect(neutralised(input) == expected)
    }

    @Test("C1 controls and bidi overrides are spelled out, never raw")
    func c1AndBidi() {
        #expect(neutralised("a\u{9B}31m") == "a\\u{9B}31m")
        #expect(neutralised("\u{80}") == "\\u{80}")
        #expect(neutralised("evil\u{202E}txt.exe") == "evil\\u{202E}txt.exe")
        #expect(neutralised("\u{2066}x\u{2069}") == "\\u{2066}x\\u{2069}")
    }

    @Test("Line breaks and tabs become one space in single-line text")
    func singleLine() {
        #expect(neutralised("one\ntwo") == "one two")
        #expect(neutralised("one\r\ntwo") == "one two")
        #expect(neutralised("one\rtwo\tthree") == "one two three")
        #expect(neutralised("a\u{2028}b\u{85}c") == "a b c")
    }

    @Test("Multi-line text keeps one newline per line break")
    func multiLine() {
        #expect(neutralised("one\r\ntwo\rthree\nfour", multiline: true) == "one\ntwo\nthree\nfour")
        #expect(neutralised("a\tb\u{1B}", multiline: true) == "a b␛")
    }

    @Test("Nothing unsafe survives, whatever the input")
    func nothingUnsafeSurvives() {
        var all = String.UnicodeScalarView()
        for v: UInt32 in 0...0x2100 { if let s = Unicode.Scalar(v) { all.append(s) } }
        let out = neutralised(String(all))
        #expect(!out.unicodeScalars.contains(where: TerminalText.isUnsafe))
        #expect(!out.unicodeScalars.contains("\n"))
    }

    @Test("Decoding bytes with replacement turns invalid UTF-8 into U+FFFD")
    func invalidBytes() {
        let bytes: [UInt8] = [0x41, 0xFF, 0x1B, 0x42]
        #expect(neutralised(String(decoding: bytes, as: UTF8.self)) == "A\u{FFFD}␛B")
    }
}
