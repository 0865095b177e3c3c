import Foundation
import Testing
import ThinkingCore
import ThinkingLog
import ThinkingReview
import ThinkingTUI
import ThinkingTranscripts

/// The review's screens as text, at 80x24 and at a projector's 200x60.
@Suite struct ReviewScreenTests {
    /// Two sessions: a finished round of four (a pass, an overtime turn, a note) and an
    /// unfinished council-like round of two.
    static func sessions(_ sandbox: Sandbox) throws -> [ReviewEntry] {
        let first = try Controller(Plans.round(["Ana", "Ben", "Chloé", "Dev"]), paths: sandbox.paths)
        for (action, t) in [
            (Action.begin, 0.0), (.handOn, 60), (.addNote(text: "the new rota helps"), 70), (.handOn, 250),
            (.pass, 255), (.handOn, 330), (.handOn, 332), (.begin, 340), (.handOn, 370), (.handOn, 400),
            (.handOn, 430), (.handOn, 460), (.finish, 461),
        ] {
            try first.act(action, at: t)
        }
        _ = first.log.close(finished: true)
        let second = try Controller(
            Plans.round(["Zoë", "李"], question: "What matters most now?"), paths: sandbox.paths)
        try second.act(.begin, at: 0)
        try second.act(.handOn, at: 30)
        _ = second.log.close(finished: false)
        return try [second.log.path, first.log.path].map { path in
            ReviewEntry(path: path, transcript: Transcript(try SessionLoader.load(path: path)))
        }
    }

    static func render(_ state: ReviewState, _ width: Int, _ height: Int) -> [String] {
        ReviewScreen(state: state).render(width: width, height: height).lines().map { $0.trimmingSuffixSpaces }
    }

    @Test func listNewestFirstWithSearch() throws {
        let sandbox = try Sandbox()
        var state = ReviewState(entries: try Self.sessions(sandbox))
        var lines = Self.render(state, 80, 24)
        #expect(lines[0].hasPrefix(" Sessions · newest first") && lines[0].hasSuffix("2"))
        #expect(lines[2].contains("Round") && lines[2].contains("(unfinished) Zoë, 李"))
        let one = try Controller(Plans.round(["Ana"]), paths: sandbox.paths)
        try one.act(.begin, at: 0)
        _ = one.log.close(finished: false)
        let entry = ReviewEntry(path: one.log.path, transcript: Transcript(try SessionLoader.load(path: one.log.path)))
        let single = Self.render(ReviewState(entries: [entry]), 80, 24)[2]
        #expect(single.contains("     1 turn  (unfinished)"), "one turn, not '1 turns': \(single)")
        #expect(lines[3].contains("Ana, Ben, Chloé, Dev") && lines[3].contains("9 turns"))
        #expect(lines[23].contains("Enter: open · /: search · q: quit"))
        for key in [Key.character("/"), .character("c"), .character("h"), .character("l")] { _ = state.handle(key) }
        lines = Self.render(state, 80, 24)
        #expect(lines[1].hasPrefix(" Search: chl▏"))
        #expect(lines[0].hasSuffix("1 of 2") && lines[2].contains("Chloé") && lines[3].isEmpty)
        _ = state.handle(.enter)
        #expect(state.handle(.enter) == .open(state.entries[1]))
        _ = state.handle(.escape)
        for key in [Key.character("/"), .character("m"), .character("a"), .character("t"), .enter] {
            _ = state.handle(key)
        }
        #expect(state.visible.map(\.people) == [["Zoë", "李"]], "a question's words are searched")
        _ = state.handle(.escape)
        for key in [Key.character("/"), .character("z"), .character("o"), .character("e"), .enter] {
            _ = state.handle(key)
        }
        #expect(state.visible.map(\.people) == [["Zoë", "李"]], "zoe finds Zoë")
        let wide = Self.render(state, 200, 60)
        #expect(wide[2].contains("What matters most now?"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func oneSessionAtAGlance(size: (Int, Int)) throws {
        let sandbox = try Sandbox()
        let entries = try Self.sessions(sandbox)
        var state = ReviewState(entries: entries)
        state.selected = 1
        state.transcript = Transcript(try SessionLoader.load(path: entries[1].path))
        let (width, height) = size
        let lines = Self.render(state, width, height)
        let text = lines.joined(separator: "\n")
        #expect(lines[0].contains("Round · ") && lines[0].contains("finished") && lines[0].hasSuffix("Session 2 of 2"))
        #expect(lines[1] == " Question: What is going well?")
        #expect(lines[2].contains("Timeline  █ turn  ▒ overtime  ○ pass"))
        // One lane per person: Ben's long turn runs over (hatched), Chloé passed then spoke.
        let ben = try #require(lines.first { $0.hasPrefix(" Ben") })
        #expect(ben.contains("█▒") && ben.contains("3:40"))
        let chloe = try #require(lines.first { $0.hasPrefix(" Chloé") })
        #expect(chloe.contains("○"))
        #expect(text.contains("Speaking time in all: 7:27"))
        #expect(text.contains("▶ 1. Opening round · 4 turns, 1 pass · 5:27"))
        #expect(text.contains("Note · ") && text.contains("Ben: the new rota helps"))
        #expect(lines[height - 1].contains("←/→: other session · ↑/↓: step · e: export"))
        if height >= 40 { #expect(text.contains("Equality") && text.contains("Attention")) }
    }

    /// Zoë spoke 0:30 of 0:30: "100.0%" keeps a space from her time on a narrow screen (it
    /// read "0:30100.0%"), and the spread is the core's own sentence.
    @Test(arguments: [(80, 24), (200, 60)])
    func aWholeShareAndTheSpread(size: (Int, Int)) throws {
        let sandbox = try Sandbox()
        let entries = try Self.sessions(sandbox)
        var state = ReviewState(entries: entries)
        let transcript = Transcript(try SessionLoader.load(path: entries[0].path))
        state.transcript = transcript
        let lines = Self.render(state, size.0, size.1)
        let zoe = try #require(lines.first { $0.hasPrefix(" Zoë") })
        #expect(zoe.contains(" 0:30 100.0% "))
        let spread = "Speaking time in all: 0:30 · " + transcript.equality.spreadLine
        #expect(spread == "Speaking time in all: 0:30 · Spread: longest 0:30, shortest 0:00, difference 0:30, ratio —")
        let shown = try #require(lines.first { $0.hasPrefix(" Speaking time in all") })
        #expect(size.0 < spread.count + 2 ? shown.hasPrefix(" " + spread.prefix(60)) : shown == " " + spread)
    }

    /// Ana reached her 2:00 by half a second: not hatched as overtime (the transcripts do not
    /// call it over); Ben's five seconds over are.
    @Test func underASecondOverIsNotHatched() throws {
        let sandbox = try Sandbox()
        let controller = try Controller(Plans.round(["Ana", "Ben"]), paths: sandbox.paths)
        for (action, t) in [(Action.begin, 0.0), (.handOn, 120.5), (.handOn, 245.5)] {
            try controller.act(action, at: t)
        }
        _ = controller.log.close(finished: false)
        var state = ReviewState(entries: [])
        state.transcript = Transcript(try SessionLoader.load(path: controller.log.path))
        let lines = Self.render(state, 80, 24)
        let ana = try #require(lines.first { $0.hasPrefix(" Ana") })
        let ben = try #require(lines.first { $0.hasPrefix(" Ben") })
        #expect(!ana.contains("▒") && ben.contains("▒"))
    }

    /// The Presenter's question is read whole in a council's review at 80 columns (it was cut
    /// off at the screen's edge).
    @Test func thePresentersQuestionIsReadWhole() throws {
        let sandbox = try Sandbox()
        let steps = [
            StepDefinition(kind: .presenter, title: "The Presenter thinks aloud", turn: .seconds(600)),
            StepDefinition(kind: .question, title: "The Presenter's question"),
            StepDefinition(kind: .round, title: "Council round 1 of 3", turn: .seconds(60), who: .members),
        ]
        let plan = try SessionPlan.make(
            definition: ProtocolDefinition(id: "council", name: "Council", summary: "", steps: steps),
            names: ["Ana", "Ben", "Chloé", "Dev"], presenter: "Dev")
        let question =
            "How might I lead this change at school with ease, so that every colleague feels it is theirs too?"
        let controller = try Controller(plan, paths: sandbox.paths)
        for (action, t) in [
            (Action.begin, 0.0), (.handOn, 60), (.frameQuestion(text: question), 90), (.begin, 100), (.handOn, 130),
        ] {
            try controller.act(action, at: t)
        }
        _ = controller.log.close(finished: false)
        var state = ReviewState(entries: [])
        state.transcript = Transcript(try SessionLoader.load(path: controller.log.path))
        state.step = 1
        let lines = Self.render(state, 80, 24)
        let start = try #require(lines.firstIndex { $0.hasPrefix(" The Presenter's question: How might I") })
        let read = lines[start...].prefix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(read.contains(question), "\(lines.joined(separator: "\n"))")
        // The Presenter's name keeps its mark whole in the name column.
        #expect(lines.contains { $0.hasPrefix(" Dev (P) ") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func keysMoveBetweenSessionsAndSteps() throws {
        let sandbox = try Sandbox()
        let entries = try Self.sessions(sandbox)
        var state = ReviewState(entries: entries)
        #expect(state.handle(.enter) == .open(entries[0]))
        state.transcript = Transcript(try SessionLoader.load(path: entries[0].path))
        #expect(state.handle(.character("]")) == .open(entries[1]))
        state.transcript = Transcript(try SessionLoader.load(path: entries[1].path))
        #expect(state.handle(.right) == .none && state.message == "This is the oldest session.")
        _ = state.handle(.down)
        #expect(state.step == 1)
        #expect(Self.render(state, 80, 24).joined(separator: "\n").contains("▶ 2. Closing round"))
        _ = state.handle(.character("e"))
        #expect(Self.render(state, 80, 24).joined().contains("m: Markdown   c: CSV   j: JSON   h: HTML"))
        #expect(state.handle(.character("h")) == .export(.html))
        let path = try ReviewModel.export(state.transcript!, as: .html, into: sandbox.root)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600 && path.hasSuffix(".html"))
        let again = try ReviewModel.export(state.transcript!, as: .html, into: sandbox.root)
        #expect(again != path, "an existing export is never overwritten")
        _ = state.handle(.character("q"))
        #expect(state.transcript == nil)
        #expect(state.handle(.character("q")) == .quit)
    }
}

extension String {
    var trimmingSuffixSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
