import CNcurses
import Testing

@testable import ThinkingTUI

@Suite("Keys and themes")
struct KeyAndThemeTests {
    @Test(
        "Characters from wget_wch",
        arguments: [
            (0x61, Key.character("a")), (0xEB, .character("ë")), (0x674E, .character("李")),
            (0x0A, .enter), (0x0D, .enter), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace),
            (0x09, .tab), (0x03, .ctrlC), (0x0C, .control("l")), (0x9B, .unknown(0x9B)),
        ] as [(UInt32, Key)])
    func characters(value: UInt32, expected: Key) {
        #expect(Key(scalarValue: value) == expected)
    }

    @Test("Key codes from wget_wch")
    func keyCodes() {
        #expect(Key(keyCode: KEY_UP) == .up)
        #expect(Key(keyCode: KEY_LEFT) == .left)
        #expect(Key(keyCode: KEY_ENTER) == .enter)
        #expect(Key(keyCode: KEY_BACKSPACE) == .backspace)
        #expect(Key(keyCode: cn_key_resize()) == .resize)
        #expect(Key(keyCode: KEY_F0 + 5) == .function(5))
        #expect(Key(keyCode: 0o777) == .unknown(0o777))
    }

    @Test("Themes: calm colours in default, none in mono, never a blink, bold added on request")
    func themes() {
        let overtime = Theme.default.appearance(of: .clockOvertime, colours: 256)
        #expect(overtime.foreground == 166)
        #expect(Theme.default.appearance(of: .clockOvertime, colours: 8).foreground < 8)
        for theme in [Theme.highContrast, .mono] {
            for role in Style.Role.allCases {
                #expect(theme.appearance(of: Style(role), colours: 256).foreground == -1)
            }
        }
        #expect(Theme.highContrast.appearance(of: .quiet, colours: 256).attributes.isEmpty)
        #expect(Theme.mono.appearance(of: Style.normal.emphasised, colours: 0).attributes == .bold)
        #expect(Theme(rawValue: "high-contrast") == .highContrast)
    }
}
