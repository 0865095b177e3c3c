import Testing
import ThinkingCore
import ThinkingLog
import ThinkingReview
import ThinkingTUI
import ThinkingTranscripts

/// The review in every shipped language, at 80x24 and at a projector's 250x70: the list, a
/// search, one session and the export question, each with its own words there whole.
@Suite struct ReviewLanguageTests {
    static let sizes = [(80, 24), (250, 70)]

    /// `text` with its words in one run (a line may break between words).
    static func run(_ lines: [String]) -> String {
        lines.joined(separator: "\n").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func expectWhole(
        _ wanted: [String], in lines: [String], _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let text = run(lines)
        for word in wanted {
            let word = word.split(separator: " ").joined(separator: " ")
            #expect(
                text.contains(word), "\(context): no \"\(word)\" in\n\(lines.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["en", "fr", "de", "es", "nl"])
    func theReviewSpeaksTheLanguage(code: String) throws {
        let words = try #require(Words.shipped(code))
        let sandbox = try Sandbox()
        let entries = try ReviewScreenTests.sessions(sandbox)
        for (width, height) in Self.sizes {
            let context = "\(code) \(width)x\(height)"
            var state = ReviewState(entries: entries, words: words)
            var lines = ReviewScreenTests.render(state, width, height)
            Self.expectWhole(
                [
                    words[.reviewSessions], words[.reviewKeysList], words[.reviewUnfinishedMark],
                    words.fill(.reviewTurns, ["count": "9"]),
                ],
                in: lines, "\(context) list")
            for key in [Key.character("/"), .character("z"), .character("o")] { _ = state.handle(key) }
            lines = ReviewScreenTests.render(state, width, height)
            Self.expectWhole(
                [words.fill(.reviewSearch, ["query": "zo▏"]), words[.reviewKeysSearch]], in: lines, "\(context) search")
            _ = state.handle(.escape)

            state.selected = 1
            state.transcript = Transcript(try SessionLoader.load(path: entries[1].path))
            lines = ReviewScreenTests.render(state, width, height)
            #expect(!lines.joined().contains("…"), "\(context): cut off:\n\(lines.joined(separator: "\n"))")
            var wanted = [
                words[.statusFinished], words.fill(.reviewSessionOf, ["n": "2", "count": "2"]),
                words.fill(.reviewQuestion, ["text": "What is going well?"]), words[.reviewMarkTurn],
                words[.reviewMarkOvertime], words[.reviewMarkPass], words[.reviewSpeakingTime], words[.figureShare],
                words.fill(.reviewInAll, ["time": "7:27"]), words.fill(.reviewTurns, ["count": "4"]),
                words[.reviewOnePass], words[.reviewKeysSession],
                words.fill(.reviewQuestionSession, ["text": "What is going well?"]),
            ]
            if width >= 120 { wanted += [words[.reviewTimeline], words[.figureTurns], words[.figurePasses]] }
            if height >= 40 { wanted += [words.name(of: .equality), words.name(of: .attention)] }
            Self.expectWhole(wanted, in: lines, "\(context) session")
            _ = state.handle(.character("e"))
            lines = ReviewScreenTests.render(state, width, height)
            Self.expectWhole(
                [words[.reviewExportAs], words[.reviewExportWhere], words[.reviewExportBack]], in: lines,
                "\(context) export")
            _ = state.handle(.escape)
            #expect(state.handle(.right) == .none && state.message == words[.reviewOldest])
        }
    }

    /// An export written from the review carries the review's language in its headings.
    @Test func anExportFromTheReviewIsInItsLanguage() throws {
        let sandbox = try Sandbox()
        let entries = try ReviewScreenTests.sessions(sandbox)
        let transcript = Transcript(try SessionLoader.load(path: entries[1].path))
        let german = try #require(Words.shipped("de"))
        let path = try ReviewModel.export(transcript, as: .markdown, into: sandbox.root, words: german)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(german[.headingEquality]) && text.contains(german[.figureTurns]))
    }
}
