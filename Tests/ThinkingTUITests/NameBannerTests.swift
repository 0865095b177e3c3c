import Testing
import ThinkingCore

@testable import ThinkingTUI

@Suite("Names in block letters")
struct NameBannerTests {
    @Test func accentsSitAboveTheirLetters() throws {
        let bitmap = try #require(NameBanner.bitmap("Zoë"))
        #expect(bitmap.count == 6)
        #expect(bitmap[0].count == 5 + 1 + 5 + 1 + 5)
        let accents = String(bitmap[0].map { $0 ? "#" : " " })
        #expect(accents == "             # # ")  // the diaeresis over the E only
        #expect(NameBanner.bitmap("zoë") == NameBanner.bitmap("ZOË"))
        #expect(NameBanner.bitmap("Dvořák") != nil)
    }

    @Test("names that cannot be drawn", arguments: ["李", "🦊 Fox", "Øyvind", "Ana\u{1B}", ""])
    func undrawable(name: String) {
        #expect(NameBanner.bitmap(name) == nil)
    }

    @Test func sizes() throws {
        // The small size of "Ana", derived by hand from the 5x5 letters (half blocks).
        #expect(NameBanner.width(of: "Ana", size: .small) == 17)
        #expect(NameBanner.width(of: "Ana", size: .medium) == 34)
        #expect(NameBanner.width(of: "Ana", size: .large) == 68)
        #expect(
            ScreenFixtures.banner("Ana", size: .small) == ["▄▄▄  ▄   ▄  ▄▄▄", "█▄▄▄█ █▀▄ █ █▄▄▄█", "█   █ █  ▀█ █   █"])
    }

    @Test func everyNameOfASessionIsDrawnTheSameWay() throws {
        let latin = try ScreenFixtures.session(ScreenFixtures.round, ["Ana", "Zoë", "Ben"], [(.begin, 0)])
        let big = ScreenFixtures.render(latin, at: 3)
        #expect(ScreenFixtures.banner("Ana", size: .small).allSatisfy { row in big.contains { $0.trimmed == row } })
        #expect(!big.contains { $0.trimmed == "Ana" })
        // One name the font cannot draw: everyone's name is text, nobody's smaller than another's.
        let mixed = try ScreenFixtures.session(ScreenFixtures.round, ["Ana", "李", "Ben"], [(.begin, 0)])
        #expect(ScreenFixtures.render(mixed, at: 3).contains { $0.trimmed == "Ana" })
        // A projector-sized window draws them larger.
        let projector = ScreenFixtures.render(latin, at: 3, width: 250, height: 70)
        #expect(
            ScreenFixtures.banner("Ana", size: .large).allSatisfy { row in projector.contains { $0.trimmed == row } })
    }
}
