import Testing
import ThinkingCore
import ThinkingFonts
import ThinkingTUI

/// The room's big names, set in this machine's fonts (CI installs DejaVu and Noto): every
/// name of the test set is drawn big at 80x24 and at 250x70, all of a session's names at
/// one size, and none is ever cut.
@Suite("Big names in any script")
struct BigNamesTests {
    static let letters = NameLetters(FontLettering())

    /// The test set's names of up to 12 characters.
    static let names = ["Zoë", "Chloé", "Dvořák", "李", "王小明", "Σοφία", "Дмитрий", "محمد", "प्रिया", "🦊 Fox"]
    static let long = "Maria-Carmen Fernández-López"

    static let round = ProtocolDefinition(
        id: "round", name: "Round", summary: "",
        steps: [StepDefinition(kind: .round, title: "Opening round", turn: .seconds(120), components: [.attention])])

    /// The turn screen of person `index` of `people`, with the question in force.
    static func screen(_ people: [String], thinker index: Int, width: Int, height: Int) throws -> ScreenBuffer {
        var session = Session(
            plan: try SessionPlan.make(
                definition: round, names: people, question: "What is going well for you at the moment?"))
        _ = try session.handle(.begin, at: .seconds(0))
        for second in 0..<index { _ = try session.handle(.handOn, at: .seconds(Int64(second + 1))) }
        var screen = SessionScreen(session: session, controls: Controls(), now: .seconds(Int64(index)))
        screen.letters = letters
        return screen.render(width: width, height: height)
    }

    /// The rows in which the name is drawn in blocks, and its leftmost and rightmost columns.
    static func nameInk(_ buffer: ScreenBuffer) -> (rows: Int, left: Int, right: Int) {
        var rows = 0
        var left = Int.max
        var right = -1
        for y in 0..<buffer.height {
            var inked = false
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                guard cell.style.role == .name, "▀▄█".contains(cell.character) else { continue }
                inked = true
                left = min(left, x)
                right = max(right, x)
            }
            if inked { rows += 1 }
        }
        return (rows, left, right)
    }

    @Test(arguments: [(250, 70, 10), (80, 24, 3)])
    func everyNameOfTheTestSetIsBig(width: Int, height: Int, rows: Int) throws {
        for index in Self.names.indices {
            let buffer = try Self.screen(Self.names, thinker: index, width: width, height: height)
            let ink = Self.nameInk(buffer)
            #expect(ink.rows >= rows, "\(Self.names[index]) is \(ink.rows) rows tall at \(width)x\(height)")
            #expect(ink.left >= 1 && ink.right <= width - 2, "\(Self.names[index]) touches the edge")
        }
    }

    @Test(arguments: [(250, 70), (80, 24)])
    func everyNameOfASessionIsSetAtOneSize(width: Int, height: Int) throws {
        // One layout for the room: the same pixel size and band, whoever is thinking.
        let layout = try #require(Self.letters.layout(for: Self.names, width: width - 4, rows: height / 3))
        for name in Self.names {
            #expect(layout.lines[name] == nil, "\(name) fits on one line")
        }
        let heights = try Self.names.indices.map { index in
            Self.nameInk(try Self.screen(Self.names, thinker: index, width: width, height: height)).rows
        }
        // Ink differs by script (a descender, a mark above, a character as tall as the em),
        // the size does not: the Latin names stand within two rows of each other.
        let latin = heights.prefix(3)
        #expect(latin.max()! - latin.min()! <= 2, "\(heights)")
        #expect(heights.allSatisfy { $0 > 0 })
    }

    @Test func aLongNameTakesTwoLinesAndIsNeverCut() throws {
        let people = ["Zoë", "李", Self.long]
        let buffer = try Self.screen(people, thinker: 2, width: 250, height: 70)
        let ink = Self.nameInk(buffer)
        #expect(ink.left >= 1 && ink.right <= 248)
        let layout = try #require(Self.letters.layout(for: people, width: 246, rows: 49))
        #expect(layout.lines[Self.long] == ["Maria-Carmen", "Fernández-López"])
        #expect(layout.lines["Zoë"] == nil)
        // Zoë is drawn at the long name's size, on one line.
        let zoe = Self.nameInk(try Self.screen(people, thinker: 0, width: 250, height: 70))
        #expect(zoe.rows >= 8 && zoe.rows < ink.rows)
    }

    @Test func whereBigLettersCannotBeReadEveryNameIsText() throws {
        // At 80x24 the long name cannot be set at a readable size even on two lines: the
        // whole session's names are then text, whole, for everyone.
        let people = ["Zoë", "李", Self.long]
        for index in people.indices {
            let buffer = try Self.screen(people, thinker: index, width: 80, height: 24)
            #expect(Self.nameInk(buffer).rows == 0)
            #expect(buffer.lines().contains { $0.contains(people[index]) })
        }
    }

    @Test func arabicIsJoinedAndDevanagariIsShaped() throws {
        // Joined letters make one unbroken stroke along the baseline; unjoined ones would not.
        let arabic = try #require(Self.letters.lettering.set("محمد", pixelSize: 32))
        let longestRun = (0..<arabic.height).map { row in
            var best = 0
            var run = 0
            for x in 0..<arabic.width {
                run = arabic.isInk(x: x, row: row) ? run + 1 : 0
                best = max(best, run)
            }
            return best
        }.max()!
        #expect(longestRun * 2 >= arabic.width, "longest stroke \(longestRun) of \(arabic.width)")
        // प्रि: the conjunct is narrower than its letters set apart.
        let conjunct = try #require(Self.letters.lettering.set("प्रि", pixelSize: 32))
        let apart = try ["प", "्", "र", "ि"].map { try #require(Self.letters.lettering.set($0, pixelSize: 32)).width }
        #expect(conjunct.width < apart.reduce(0, +))
    }

    @Test func anEmojiNoFontCanDrawStaysTextBesideTheLetters() throws {
        let set = try #require(Self.letters.lettering.set("🦊 Fox", pixelSize: 32))
        if let span = set.textSpans.first {
            #expect(span.text.hasPrefix("🦊"))
            #expect(span.x == 0)
        }
        #expect(set.width > 40)  // "Fox" is drawn
    }

    @Test func theNameIsBoldInColourAndWithNoColor() {
        for theme in [Theme.default, .mono, .highContrast] {
            let appearance = theme.appearance(of: .name, colours: 256)
            #expect(appearance.attributes.contains(.bold))
            #expect(!appearance.attributes.contains(.dim))
        }
    }

    @Test func aShortQuestionIsDrawnBigOnAProjectorAndAsTextAt80x24() throws {
        func questionRows(_ buffer: ScreenBuffer) -> Int {
            (0..<buffer.height).filter { y in
                (0..<buffer.width).contains { x in
                    buffer[x, y].style.role == .accent && "▀▄█".contains(buffer[x, y].character)
                }
            }.count
        }
        let big = try Self.screen(["Zoë", "李"], thinker: 0, width: 250, height: 70)
        #expect(questionRows(big) >= 4)
        #expect(!big.lines().contains { $0.contains("What is going well") })
        let small = try Self.screen(["Zoë", "李"], thinker: 0, width: 80, height: 24)
        #expect(questionRows(small) == 0)
        #expect(small.lines().contains { $0.contains("What is going well for you at the moment?") })
    }
}
