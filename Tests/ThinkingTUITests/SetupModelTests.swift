import Testing
import ThinkingCore

@testable import ThinkingTUI

/// The setup form's loop, in-process: keys from a script, the start checked by a stand-in
/// for the catalog's rules.
@Suite("The setup form's loop, in-process", .serialized)
struct SetupModelTests {
    struct TooFew: Error, CustomStringConvertible {
        var description: String { "Type at least two names, one per line." }
    }

    static let choices = [
        SetupForm.Choice(id: "round", name: "Round", summary: "Everyone in turn", needsPresenter: false),
        SetupForm.Choice(id: "council", name: "Council", summary: "A Presenter", needsPresenter: true),
    ]

    func model() -> SetupModel {
        SetupModel(form: SetupForm(choices: Self.choices)) { form in
            let names = form.names.split(whereSeparator: \.isNewline).map(String.init)
            guard names.count >= 2 else { throw TooFew() }
            return try SessionPlan.make(definition: ScreenFixtures.round, names: names, question: form.question)
        }
    }

    static func typed(_ text: String) -> [ScriptedTerminal.Step] { text.map { .key(.character($0)) } }

    /// A refused start shows why on the form and keeps what was typed; a good one ends the
    /// loop with the plan. Nothing moves on its own: one frame per key, however long the
    /// facilitator thinks.
    @Test func aRefusedStartSaysWhyThenTheCorrectedOneGivesThePlan() {
        let script: [ScriptedTerminal.Step] =
            Self.typed("Zoë") + [.key(.function(10)), .wait(.seconds(90)), .key(.enter)] + Self.typed("李")
            + [.key(.tab)] + Self.typed("What now?") + [.key(.control("s"))]
        let terminal = ScriptedTerminal(script: script)
        let setup = model()
        let plan = ScreenLoop(terminal: terminal, restoresTerminal: false).run(setup)
        #expect(plan?.people == ["Zoë", "李"])
        #expect(plan?.question == "What now?")
        #expect(!terminal.isRestored, "the session goes on in the same terminal")
        let keys = script.filter { if case .key = $0 { true } else { false } }.count
        #expect(terminal.frames.count == keys, "one frame first, then one after each key but the last")
        #expect(terminal.frames[4].lines().contains { $0.contains("Type at least two names") })
    }

    @Test(arguments: [Key.escape, Key.ctrlC])
    func escapeOrCtrlCCancels(key: Key) {
        let terminal = ScriptedTerminal(script: Self.typed("Zoë") + [.key(key)])
        #expect(ScreenLoop(terminal: terminal).run(model()) == nil)
        #expect(terminal.isRestored)
    }

    /// Standard input gone: the form cancels instead of waiting for ever.
    @Test func aLostTerminalCancels() {
        let terminal = ScriptedTerminal(script: Self.typed("Zoë"))
        #expect(ScreenLoop(terminal: terminal).run(model()) == nil)
        #expect(terminal.frames.count < 60)
    }
}
