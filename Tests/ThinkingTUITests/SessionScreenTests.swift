import Testing
import ThinkingCore

@testable import ThinkingTUI

/// The screen as text, at a laptop's size, a projector's and a tiny window's.
@Suite("Session screen")
struct SessionScreenTests {
    let people = ["Ana", "Zoë 李", "Ben", "🦊 Fox"]
    let question = "What is going well for you at the moment?"

    func round(_ script: [(Action, Int64)]) throws -> Session {
        try ScreenFixtures.session(ScreenFixtures.round, people, question: question, script)
    }

    @Test func aRoundAt80x24() throws {
        let session = try round([(.begin, 0), (.pass, 5), (.handOn, 80)])
        let expected = [
            " Round · Opening round                                              Step 1 of 1",
            "",
            "                   What is going well for you at the moment?",
            "",
            "",
            "",
            "                                      Ben",
            "",  // no role: in a plain round everyone is a member
            "                                     of 2m",
            "",
            "                         ██          ██████████  ██████████",
            "                       ████                  ██  ██      ██",
            "                         ██      ██          ██  ██      ██",
            "                         ██            ████████  ██      ██",
            "                         ██      ██          ██  ██      ██",
            "                         ██                  ██  ██      ██",
            "                     ██████████      ██████████  ██████████",
            "",
            "",
            "",
            "                – Ana (passed)   ✓ Zoë 李   ▶ Ben   next: 🦊 Fox",
            "",
            "                          Attention · Equality · Ease",
            "       Space: finished · p: pass · u: undo · z: pause · ?: keys · q: quit",
        ]
        #expect(ScreenFixtures.render(session, at: 110) == expected)
    }

    @Test func overtimeIsSaidInWordsAndShape() throws {
        let session = try round([(.begin, 0)])
        let justOver = ScreenFixtures.render(session, at: 125)
        #expect(justOver.contains { $0.contains("TIME · over by 0:05") })
        var time = ScreenBuffer(width: 80, height: 7)
        BigClock.draw("TIME", in: time.area, buffer: &time, style: .clock)
        let glyphs = time.lines().filter { !$0.isEmpty }
        #expect(glyphs.allSatisfy { line in justOver.contains(line) })
        let later = ScreenFixtures.render(session, at: 162)
        #expect(later.contains { $0.contains("TIME · over by 0:42") })
        var over = ScreenBuffer(width: 80, height: 7)
        BigClock.draw("+0:42", in: over.area, buffer: &over, style: .clock)
        #expect(over.lines().filter { !$0.isEmpty }.allSatisfy { line in later.contains(line) })
    }

    @Test func pairsWithATrio() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.pairs, ["Ana", "Ben", "Chloé", "Dev", "Eun"], [(.begin, 0)])
        let first = ScreenFixtures.render(session, at: 61)
        #expect(first.contains { $0.hasSuffix("Turn 1 of 3 · Step 1 of 1") })
        #expect(first.contains { $0.trimmingSpaces == "Ana thinks · Ben listens" })
        #expect(first.contains { $0.trimmingSpaces == "Chloé thinks · Dev, Eun listen" })
        let third = ScreenFixtures.render(session, at: 700)
        #expect(third.contains { $0.trimmingSpaces == "Ana & Ben: resting (the trio's third turn)" })
        #expect(third.contains { $0.trimmingSpaces == "Eun thinks · Chloé, Dev listen" })
        #expect(third.contains { $0.contains("Space: swap early") })
    }

    @Test("every pair is on the screen, in columns where needed", arguments: [(80, 24), (120, 40), (250, 70)])
    func manyPairs(width: Int, height: Int) throws {
        let people = (1...25).map { String(format: "P%02d", $0) }
        let session = try ScreenFixtures.session(ScreenFixtures.pairs, people, [(.begin, 0)])
        let screen = ScreenFixtures.render(session, at: 61, width: width, height: height).joined(separator: "\n")
        #expect(people.allSatisfy { screen.contains($0) })
        let ready = try ScreenFixtures.session(ScreenFixtures.pairs, people, [])
        let announced = ScreenFixtures.render(ready, at: 1, width: width, height: height).joined(separator: "\n")
        #expect(people.allSatisfy { announced.contains($0) })
    }

    @Test func morePairsThanTheWindowHoldsAreCountedNotDropped() throws {
        let people = (1...61).map { String(format: "P%02d", $0) }
        let session = try ScreenFixtures.session(ScreenFixtures.pairs, people, [(.begin, 0)])
        let lines = ScreenFixtures.render(session, at: 61).map(\.trimmingSpaces)
        let shown = lines.joined().components(separatedBy: " thinks").count - 1
        #expect(shown > 0)
        #expect(lines.contains { $0.hasSuffix("+ \(30 - shown) more") })
    }

    @Test func aCouncilShowsThePresentersQuestionAndWhomTheAppreciationIsFor() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Chloé",
            [
                (.begin, 0), (.handOn, 500), (.frameQuestion(text: "How might I lead this change with ease?"), 560),
                (.begin, 570), (.handOn, 600), (.handOn, 630), (.handOn, 660), (.begin, 670), (.handOn, 700),
            ])
        let lines = ScreenFixtures.render(session, at: 720)
        #expect(lines[0].hasSuffix("Step 4 of 4 · 12:00 of 40m"))
        #expect(lines.contains { $0.trimmingSpaces == "How might I lead this change with ease?" })
        #expect(lines.contains { $0.trimmingSpaces == "Member · appreciation for Chloé" })
        #expect(lines.contains { $0.trimmingSpaces == "✓ Ana   ▶ Ben   next: Dev" })
    }

    /// A council's end at 80x24: the Presenter's row apart (no share), and the spread in
    /// words whole, on two lines (it was cut with "…" at 80 columns).
    @Test func aCouncilsEndShowsThePresenterApartAndTheWholeSpread() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Chloé",
            [
                (.begin, 0), (.handOn, 500), (.frameQuestion(text: "How might I?"), 560),
                (.begin, 570), (.handOn, 600), (.handOn, 630), (.handOn, 660), (.begin, 670), (.handOn, 700),
                (.handOn, 710), (.handOn, 740),
            ])
        #expect(session.stage == .complete)
        var asked = Controls()
        asked.showsFigures = true
        let lines = ScreenFixtures.render(session, at: 750, controls: asked).map(\.trimmingSpaces)
        #expect(lines.contains { $0.hasPrefix("Chloé (Presenter)") && $0.hasSuffix("—            —") })
        let spread = lines.drop { !$0.hasPrefix("Spread among members") }.prefix(2).joined(separator: " ")
        #expect(
            spread
                == "Spread among members (the Presenter is apart): longest 1:00, shortest 0:40, difference 0:20, ratio 1.50"
        )
    }

    @Test func theQuestionStepShowsWhatIsTyped() throws {
        let session = try ScreenFixtures.session(
            ScreenFixtures.council, ["Ana", "Ben", "Chloé"], presenter: "Ana", [(.begin, 0), (.handOn, 300)])
        var controls = Controls()
        controls.questionDraft = "What if I"
        let lines = ScreenFixtures.render(session, at: 310, controls: controls)
        #expect(lines.contains { $0.trimmingSpaces == "What if I▏" })
        #expect(lines.contains { $0.contains("Ana frames the question, in their own words") })
    }

    @Test func theSummary() throws {
        let session = try round([
            (.begin, 0), (.pass, 5), (.handOn, 80), (.handOn, 200), (.handOn, 230), (.handOn, 250),
        ])
        // The room reads "Thank you" and the length; the figures only when the facilitator asks.
        let room = ScreenFixtures.render(session, at: 260).map(\.trimmingSpaces)
        #expect(room.contains("Thank you") && room.contains("The session took 4m10s."))
        #expect(!room.contains { $0.contains("Share") || $0.contains("Spread") })
        var asked = Controls()
        asked.showsFigures = true
        let lines = ScreenFixtures.render(session, at: 260, controls: asked).map(\.trimmingSpaces)
        let table = [
            "Name     Turns   Passes   Time   Share   Fair share",
            "Ana          1        1   0:20    8.2%         1:01",
            "Zoë 李       1        0   1:15   30.6%         1:01",
            "Ben          1        0   2:00   49.0%         1:01",
            "🦊 Fox       1        0   0:30   12.2%         1:01",
        ]
        #expect(table.allSatisfy { lines.contains($0) })
        #expect(lines.contains("Spread: longest 2:00, shortest 0:20, difference 1:40, ratio 6.00"))
        #expect(lines.contains("Every step is done"))
    }

    /// The end's figures agree with the transcripts: shares by largest remainder add up to
    /// 100.0 % (12.5 + 12.5 + 75 read 13 + 13 + 75 = 101 % before), every figure sits under
    /// its heading, and the spread counts the person who only passed as 0:00.
    @Test func theSummarysSharesAddUpAndSitUnderTheirHeadings() throws {
        let session = try round([(.begin, 0), (.handOn, 10), (.handOn, 20), (.handOn, 80), (.pass, 81), (.pass, 82)])
        var asked = Controls()
        asked.showsFigures = true
        let lines = ScreenFixtures.render(session, at: 90, controls: asked)
        let header = try #require(lines.first { $0.contains("Share") })
        let rows = lines.filter { $0.contains("%") }
        #expect(
            rows.map { $0.trimmingSpaces.split(separator: " ").dropLast().last } == ["12.5%", "12.5%", "75.0%", "0.0%"])
        for heading in ["Turns", "Passes", "Time", "Share", "Fair share"] {
            let column = try #require(header.range(of: heading)).upperBound
            let last = String(header[..<column]).displayWidth - 1  // the heading's last column
            for row in rows {
                #expect(Self.character(atColumn: last, of: row)?.isWhitespace == false, "\(heading): \(row)")
                #expect(Self.character(atColumn: last + 1, of: row)?.isWhitespace != false, "\(heading): \(row)")
            }
        }
        #expect(lines.contains { $0.trimmingSpaces == "Spread: longest 1:00, shortest 0:00, difference 1:00, ratio —" })
    }

    /// The character drawn at a display column (a wide character covers two).
    static func character(atColumn column: Int, of line: String) -> Character? {
        var at = 0
        for character in line {
            let width = String(character).displayWidth
            if column < at + width { return character }
            at += width
        }
        return nil
    }

    @Test func aSessionEndedBeforeAnyTurnClaimsNoLength() throws {
        let room = ScreenFixtures.render(try round([(.finish, 0)]), at: 5).map(\.trimmingSpaces)
        #expect(room.contains("Thank you"))
        #expect(!room.contains { $0.contains("The session took") })
    }

    @Test("below the minimum size the clock goes on", arguments: [(30, 10), (39, 24), (80, 11), (1, 1), (0, 0)])
    func tooSmall(width: Int, height: Int) throws {
        let session = try round([(.begin, 0)])
        let lines = ScreenFixtures.render(session, at: 30, width: width, height: height)
        #expect(lines.count == height)
        if height >= 5 && width >= 20 {
            #expect(lines.joined(separator: " ").contains("Make this window larger"))
            #expect(lines.contains { $0.contains("Ana · 1:30 left") })
        }
    }

    @Test func atProjectorSizeTheClockIsLarger() throws {
        let session = try round([(.begin, 0), (.pass, 5), (.handOn, 80)])
        let lines = ScreenFixtures.render(session, at: 110, width: 250, height: 70)
        let clockRows = lines.filter { $0.contains("█") }
        #expect(clockRows.count == BigClock.Size.huge.height)
        let nameRow = try #require(lines.firstIndex { $0.trimmingSpaces == "Ben" })
        #expect(lines[nameRow].count - "Ben".count == (250 - 3) / 2)
        #expect(lines.last?.contains("n: note · i: interruption") == true)
        let laptopClock = ScreenFixtures.render(session, at: 110).filter { $0.contains("█") }
        #expect(laptopClock.count == BigClock.Size.large.height)
    }

    @Test func escapeSequencesInNamesAreShownNotObeyed() throws {
        let session = try ScreenFixtures.session(ScreenFixtures.round, ["Ana\u{1B}[2J", "Ben\u{07}"], [(.begin, 0)])
        let text = ScreenFixtures.render(session, at: 1).joined(separator: "\n")
        #expect(text.contains("Ana␛[2J"))
        #expect(text.contains("Ben␇"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func aWarningFromTheLogStaysOnScreen() throws {
        let session = try round([(.begin, 0)])
        let lines = ScreenFixtures.render(session, at: 1, warning: "cannot write the log: disk full")
        #expect(lines[1].trimmingSpaces == "⚠ cannot write the log: disk full")
    }

    @Test func overlays() throws {
        let session = try round([(.begin, 0)])
        var controls = Controls()
        controls.overlay = .confirmQuit
        #expect(
            ScreenFixtures.render(session, at: 1, controls: controls).contains {
                $0.contains("End the session? It can be resumed.")
            })
        controls.overlay = .help
        let help = ScreenFixtures.render(session, at: 1, controls: controls)
        #expect(help.contains { $0.contains("undo the last hand-on or pass") })
        controls.overlay = .components
        let card = ScreenFixtures.render(session, at: 1, controls: controls).joined()
        #expect(Component.allCases.allSatisfy { card.contains($0.rawValue) })
        var paused = session
        _ = try paused.handle(.pause, at: .seconds(2))
        #expect(ScreenFixtures.render(paused, at: 3)[0].contains("PAUSED · z resumes"))
    }

    /// Paused, a long title stops (with "…") before the centred PAUSED label instead of being
    /// overwritten by it mid-word ("Time to Think Council · Coun PAUSED").
    @Test func aPausedLabelDoesNotCutTheTitleMidWord() throws {
        var definition = ScreenFixtures.council
        definition.name = "Time to Think Council"
        var session = try ScreenFixtures.session(
            definition, ["Ana", "Ben", "Chloé", "Dev"], presenter: "Dev",
            [(.begin, 0), (.handOn, 10), (.frameQuestion(text: "How?"), 12), (.begin, 13)])
        _ = try session.handle(.pause, at: .seconds(14))
        let top = ScreenFixtures.render(session, at: 15)[0]
        let label = try #require(top.range(of: " PAUSED · z resumes "))
        let before = top[..<label.lowerBound]
        #expect(before.hasPrefix(" Time to Think Council") && before.hasSuffix("… "), "\(top)")
        #expect(top.hasSuffix("Step 3 of 4 · 0:14 of 40m"), "\(top)")
    }
}

extension String {
    var trimmingSpaces: String { trimmed }
}
