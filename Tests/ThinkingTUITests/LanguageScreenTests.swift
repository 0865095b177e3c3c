import Testing
import ThinkingCore

@testable import ThinkingTUI

/// A round, pairs and a council drawn in every shipped language at 80x24 and 250x70: every word
/// whole (nothing cut off with "…"), and each screen's own words there in that language.
@Suite("The room's language on screen")
struct LanguageScreenTests {
    static let sizes = [(80, 24), (250, 70)]

    /// The screens of a session worth looking at, each with the words it must show whole.
    static func screens(_ words: Words) throws -> [(String, Session, Int64, Controls, [String])] {
        let people = ["Ana", "Zoë", "李", "محمد", "Dev"]
        var out: [(String, Session, Int64, Controls, [String])] = []
        var controls = Controls()
        controls.words = words
        let round = try ScreenFixtures.session(ScreenFixtures.round, people, question: "What is going well?", [])
        out.append(("round ready", round, 0, controls, [words[.keyBegin], words.fill(.starts, ["name": "Ana"])]))
        let turn = try ScreenFixtures.session(
            ScreenFixtures.round, people, question: "What is going well?", [(.begin, 0)])
        out.append(("round turn", turn, 30, controls, [words[.keyFinished], words.fill(.orderNext, ["name": "Zoë"])]))
        out.append(("round over", turn, 150, controls, [words.fill(.timeOverBy, ["time": "0:30"])]))
        var help = controls
        help.overlay = .help
        out.append(("keys", turn, 30, help, [words[.keysTitle], words[.helpCtrlR], words[.helpFigures]]))
        var cards = controls
        cards.overlay = .components
        out.append(("components", turn, 30, cards, Component.allCases.map { words.line(of: $0) }))
        var quit = controls
        quit.overlay = .confirmQuit
        out.append(("quit", turn, 30, quit, [words[.confirmQuit], words[.confirmQuitKeys]]))
        var script: [(Action, Int64)] = [(.begin, 0)]
        for n in 1...5 { script.append((.handOn, Int64(n * 20))) }
        let done = try ScreenFixtures.session(ScreenFixtures.round, people, script)
        out.append(("thanks", done, 200, controls, [words[.thankYou], words[.everyStepDone]]))
        var figures = controls
        figures.showsFigures = true
        out.append(("figures", done, 200, figures, [words[.figureFairShare], words[.keyFigures]]))
        let pairs = try ScreenFixtures.session(ScreenFixtures.pairs, people, [])
        out.append(("pairs ready", pairs, 0, controls, [words[.spaceStartsClock]]))
        let running = try ScreenFixtures.session(ScreenFixtures.pairs, people, [(.begin, 0)])
        out.append(("pairs running", running, 10, controls, [words[.keySwapEarly], words[.pairsExplained]]))
        var swap = controls
        swap.overlay = .confirmSwap
        out.append(("swap", running, 10, swap, [words[.confirmSwap], words[.confirmSwapWhy]]))
        let council = try ScreenFixtures.session(ScreenFixtures.council, people + ["Eun"], presenter: "Dev", [])
        out.append(("council ready", council, 0, controls, [words.fill(.presenterIs, ["name": "Dev"])]))
        let thinking = try ScreenFixtures.session(
            ScreenFixtures.council, people + ["Eun"], presenter: "Dev", [(.begin, 0)])
        out.append(("presenter", thinking, 30, controls, [words[.rolePresenter]]))
        let question = try ScreenFixtures.session(
            ScreenFixtures.council, people + ["Eun"], presenter: "Dev", [(.begin, 0), (.handOn, 60)])
        out.append(("question", question, 70, controls, [words[.enterSavesEscClears]]))
        let members = try ScreenFixtures.session(
            ScreenFixtures.council, people + ["Eun"], presenter: "Dev",
            [(.begin, 0), (.handOn, 60), (.frameQuestion(text: "How do I start?"), 70), (.begin, 80)])
        out.append(("council round", members, 90, controls, [words[.roleMember], words[.keyPass]]))
        return out
    }

    @Test(arguments: ["en", "fr", "de", "es", "nl"])
    func everyScreenFitsInEveryLanguage(code: String) throws {
        let words = try #require(Words.shipped(code))
        for (name, session, seconds, controls, wanted) in try Self.screens(words) {
            for (width, height) in Self.sizes {
                var moved = session
                _ = moved.advance(to: .seconds(seconds))
                var screen = SessionScreen(session: moved, controls: controls, now: .seconds(seconds))
                screen.words = words
                let lines = screen.render(width: width, height: height).lines()
                let text = lines.joined(separator: "\n")
                #expect(!text.contains("…"), "\(code) \(name) \(width)x\(height): cut off:\n\(text)")
                // A long line may wrap (the cards): read the screen as one run of words.
                let run = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
                for word in wanted {
                    let words = word.split(separator: " ").joined(separator: " ")
                    #expect(run.contains(words), "\(code) \(name) \(width)x\(height): no \"\(word)\" in\n\(text)")
                }
            }
        }
    }

    /// The setup form: its labels, hints and keys whole in every language, an empty form and
    /// one with a council's Presenter, many names and a refused start.
    @Test(arguments: ["en", "fr", "de", "es", "nl"])
    func theSetupFormFitsInEveryLanguage(code: String) throws {
        let words = try #require(Words.shipped(code))
        let choices = [
            SetupForm.Choice(id: "council", name: "Time to Think Council", summary: "A Presenter", needsPresenter: true)
        ]
        var empty = SetupForm(choices: choices, words: words)
        empty.focus = .protocolChoice
        var full = SetupForm(
            choices: choices, names: (1...30).map { "Person \($0)" }.joined(separator: "\n"), words: words)
        full.error = "Type at least two names, one per line."
        for (name, form, wanted) in [
            (
                "empty", empty,
                [
                    words[.setupTitle], words[.setupProtocol], words[.setupNames], words[.setupOnePerLine],
                    words[.setupQuestion], words[.setupOptional], words[.setupTurn], words[.setupTurnHelp],
                    words[.setupPresenter], words[.setupPresenterHelp], "[ \(words[.setupStart]) ]",
                ]
                    + words[.setupKeys].components(separatedBy: " · ")
            ),
            ("full", full, ["Person 30"] + words[.setupMoreAbove].components(separatedBy: "{count}")),
        ] {
            for (width, height) in Self.sizes {
                let lines = form.render(width: width, height: height).lines()
                let text = lines.joined(separator: "\n")
                #expect(!text.contains("…"), "\(code) \(name) \(width)x\(height): cut off:\n\(text)")
                let run = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
                // Thirty names fit at 250x70: nothing is "above" there.
                for word in wanted where !word.isEmpty && !(name == "full" && word != "Person 30" && height > 24) {
                    let word = word.split(separator: " ").joined(separator: " ")
                    #expect(run.contains(word), "\(code) \(name) \(width)x\(height): no \"\(word)\" in\n\(text)")
                }
            }
        }
    }

    /// A key the engine refuses says why on the facilitator's line, in the room's language.
    @Test(arguments: ["en", "fr", "de", "es", "nl"])
    func aRefusalIsSaidInTheLanguage(code: String) throws {
        let words = try #require(Words.shipped(code))
        let session = try ScreenFixtures.session(ScreenFixtures.round, ["Ana", "Zoë"], [])
        let terminal = ScriptedTerminal(
            width: 80, height: 24, script: [.key(.character("u")), .key(.character("q")), .key(.character("y"))])
        var options = RunOptions()
        options.words = words
        let model = SessionModel(
            session: session, clock: SessionClock(terminal.clock), recorder: SessionModelTests.Recorder(),
            options: options)
        _ = ScreenLoop(terminal: terminal).run(model)
        let shown = terminal.frames.map { $0.lines().joined(separator: "\n") }
        #expect(shown.contains { $0.contains(words.refusal(.nothingToUndo)) }, "\(code): \(shown.last ?? "")")
        #expect(code == "en" || words.refusal(.nothingToUndo) != Words.english.refusal(.nothingToUndo))
    }

    /// Paused, the label never covers the step and the time on the right, in any language, down
    /// to the smallest window (the German label wrote over "Schritt" at 80 columns).
    @Test(arguments: ["en", "fr", "de", "es", "nl"])
    func thePausedLabelLeavesTheStepAndTimeWhole(code: String) throws {
        let words = try #require(Words.shipped(code))
        var definition = ScreenFixtures.council
        definition.name = "Time to Think Council"
        var session = try ScreenFixtures.session(
            definition, ["Ana", "Zoë", "李", "محمد", "Dev", "Eun"], presenter: "Dev",
            [(.begin, 0), (.handOn, 10), (.frameQuestion(text: "How?"), 12), (.begin, 13)])
        _ = try session.handle(.pause, at: .seconds(14))
        let right =
            words.fill(.stepOf, ["n": "3", "count": "4"]) + " · "
            + words.fill(.usedOf, ["used": "0:14", "total": "40m"])
        for width in [80, 60, SessionScreen.minimumWidth] {
            var screen = SessionScreen(session: session, controls: Controls(), now: .seconds(15))
            screen.words = words
            let top = screen.render(width: width, height: 24).lines()[0]
            #expect(top.hasSuffix(right), "\(code) \(width): \(top)")
            #expect(
                top.contains(" \(words[.pausedResume]) ") || top.contains(" \(words[.paused]) "),
                "\(code) \(width): \(top)")
        }
    }

    /// In a small window the setup form is drawn whole or not at all: its keys were drawn over
    /// its fields at 40x12 (hostile trial). Every size from the smallest up either asks for a
    /// larger window or shows every label once, above the keys.
    @Test(arguments: ["en", "de"])
    func theSetupFormIsWholeOrAsksForRoom(code: String) throws {
        let words = try #require(Words.shipped(code))
        let choices = [
            SetupForm.Choice(id: "council", name: "Time to Think Council", summary: "A Presenter", needsPresenter: true)
        ]
        let form = SetupForm(choices: choices, names: "Ana\nBen", words: words)
        let labels = [.setupProtocol, .setupNames, .setupQuestion, .setupTurn, .setupPresenter].map { words[$0] }
        for (width, height) in [(40, 12), (41, 13), (50, 16), (60, 18), (60, 21), (70, 22), (80, 22), (80, 24)] {
            let lines = form.render(width: width, height: height).lines()
            let text = lines.joined(separator: "\n")
            let needed = form.minimumSize(width: width)
            if width < needed.width || height < needed.height {
                #expect(
                    text.contains(
                        words.fill(.tooSmall, ["width": "\(needed.width)", "height": "\(needed.height)"]).prefix(10)))
                continue
            }
            let start = try #require(
                lines.firstIndex { $0.contains("[ \(words[.setupStart]) ]") }, "\(width)x\(height)")
            let firstKeys = try #require(
                lines.firstIndex { $0.contains(words[.setupKeys].components(separatedBy: " · ")[0]) },
                "\(width)x\(height)")
            #expect(start < firstKeys, "\(code) \(width)x\(height):\n\(text)")
            for label in labels {
                let rows = lines.indices.filter { lines[$0].hasPrefix("  " + label) }
                #expect(rows.count == 1 && rows[0] < start, "\(code) \(width)x\(height) \(label):\n\(text)")
            }
        }
        #expect(form.minimumSize(width: 80).height <= 24, "the form fits the smallest projector terminal")
    }
}
