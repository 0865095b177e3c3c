import ArgumentParser
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTUI
import ThinkingTranscripts

/// Runs the setup form until the facilitator starts a valid session or cancels.
enum SetupFlow {
    static func ask(
        request: PlanRequest, catalog: ProtocolCatalog, words: Words, terminal: any TerminalIO
    ) -> SessionPlan? {
        let valid = catalog.entries.compactMap { entry in entry.definition.map { (entry.id, $0) } }
        let choices = valid.map {
            SetupForm.Choice(id: $0.0, name: $0.1.name, summary: $0.1.summary, needsPresenter: $0.1.needsPresenter)
        }
        let form = SetupForm(
            choices: choices, selected: choices.firstIndex { $0.id == request.protocolName } ?? 0,
            question: request.question ?? "", turn: request.turn ?? "", presenter: request.presenter ?? "", words: words
        )
        let model = SetupModel(form: form) { form in
            var answer = request
            answer.protocolName = form.choice?.id ?? request.protocolName
            answer.people = form.names.split(whereSeparator: \.isNewline).joined(separator: ",")
            answer.question = form.question.isEmpty ? nil : form.question
            answer.turn = form.turn.isEmpty ? nil : form.turn
            answer.presenter = form.presenter.isEmpty ? nil : form.presenter
            do {
                return try answer.plan(catalog: catalog)
            } catch let error as SetupError {
                throw Said(text: words.setup(error))
            }
        }
        return ScreenLoop(terminal: terminal, restoresTerminal: false).run(model)
    }

    /// Why the answers cannot start a session, in the form's language.
    struct Said: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }
}
