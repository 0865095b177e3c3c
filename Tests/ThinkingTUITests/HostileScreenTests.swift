import Testing
import ThinkingCore

@testable import ThinkingTUI

/// Hostile text in names, the question, notes, the typed question, a message and the log's
/// warning, through every phase and overlay of the screen, at three sizes: no cell holds a
/// control character (C0, DEL, C1) or a bidi override.
@Suite("Screen: hostile text in every phase")
struct HostileScreenTests {
    static let invalidUTF8 = String(decoding: [0x41, 0xFF, 0xC3, 0x28, 0x42], as: UTF8.self)
    static let names = [
        "Ana\u{1B}[2J", "Ben\u{1B}]0;owned\u{07}", "Chlo\u{7F}é", "Dev\u{9B}31m", "\u{202E}Eun", "Fay\u{0}",
        invalidUTF8, String(repeating: "L", count: 10_000),
    ]
    static let text = "What\u{1B}[31m now?\u{07}\u{85}\u{202E}\r\n\t" + invalidUTF8

    static func raw(_ lines: [String]) -> [UInt32] {
        lines.flatMap { $0.unicodeScalars.map(\.value) }.filter { value in
            switch value {
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// Every phase: ready, a turn, a second offer, pairs, the Presenter, the question step,
    /// a council round, the summary.
    static func moments() throws -> [Session] {
        let round = try ScreenFixtures.session(ScreenFixtures.round, names, question: text, [])
        let turn = try ScreenFixtures.session(
            ScreenFixtures.round, names, question: text, [(.begin, 0), (.addNote(text: text), 3), (.pass, 5)])
        var secondOffer = turn
        for second in 6..<13 { _ = try secondOffer.handle(.handOn, at: .seconds(Int64(second))) }
        let pairs = try ScreenFixtures.session(ScreenFixtures.pairs, names, question: text, [(.begin, 0)])
        let council = try ScreenFixtures.session(
            ScreenFixtures.council, names, presenter: names[1], question: text, [(.begin, 0)])
        var question = council
        _ = try question.handle(.handOn, at: .seconds(30))
        var councilRound = question
        _ = try councilRound.handle(.frameQuestion(text: text), at: .seconds(40))
        _ = try councilRound.handle(.begin, at: .seconds(41))
        var summary = turn
        _ = try summary.handle(.finish, at: .seconds(60))
        return [round, turn, secondOffer, pairs, council, question, councilRound, summary]
    }

    @Test func nothingRawReachesACell() throws {
        let overlays: [Controls.Overlay] = [.none, .help, .components, .confirmQuit, .confirmSwap, .note(Self.text)]
        for (index, session) in try Self.moments().enumerated() {
            for overlay in overlays {
                var controls = Controls()
                controls.overlay = overlay
                controls.questionDraft = Self.text
                controls.message = Self.text
                for (width, height) in [(80, 24), (250, 70), (30, 8)] {
                    let lines = SessionScreen(
                        session: session, controls: controls, now: .seconds(70), warning: Self.text
                    )
                    .render(width: width, height: height).lines()
                    let found = Self.raw(lines)
                    if !found.isEmpty {
                        Issue.record("moment \(index), \(overlay), \(width)x\(height): \(found)")
                    }
                }
            }
        }
    }
}
