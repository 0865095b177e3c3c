import ThinkingCore

/// The setup form as the loop runs it. Nothing on it moves by itself, so the loop sleeps
/// until a key. A start is checked by `plan` (the catalog's rules); its error is shown on the
/// form and the facilitator corrects it. Ctrl-C, Escape, a signal or a lost terminal cancel.
public final class SetupModel: ScreenModel {
    public private(set) var form: SetupForm
    private let plan: (SetupForm) throws -> SessionPlan

    public init(form: SetupForm, plan: @escaping (SetupForm) throws -> SessionPlan) {
        self.form = form
        self.plan = plan
    }

    public func handle(_ wake: Wake) -> [LoopEffect<SessionPlan?>] {
        guard case .key(let key) = wake else { return [] }
        switch form.handle(key) {
        case .editing: return []
        case .cancel: return [.end(nil)]
        case .submit:
            do {
                return [.end(try plan(form))]
            } catch {
                form.error = "\(error)"
                return []
            }
        }
    }

    public func handle(signal: Int32) -> [LoopEffect<SessionPlan?>] { [.end(nil)] }

    public var outcomeWhenTerminalLost: SessionPlan? { nil }

    public func render(width: Int, height: Int) -> ScreenBuffer { form.render(width: width, height: height) }

    public var nextWake: Duration? { nil }
}
