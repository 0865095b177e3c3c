import Glibc

/// What woke a screen's loop.
public enum Wake: Equatable, Sendable {
    /// Time moved on: the loop is about to draw (once per wake, before the frame).
    case tick
    case key(Key)
    /// The model's `changeDescriptor` became readable (the followed log grew).
    case change
}

/// What a screen model asks of the loop, in order, besides the next frame.
public enum LoopEffect<Outcome> {
    /// The terminal's bell, once.
    case bell
    /// A shell command run in the background, never waited for (the `--on-time` chime).
    case run(String)
    /// The loop ends with this outcome (effects before it are carried out first).
    case end(Outcome)
}

/// A screen as `ScreenLoop` runs it: it is told what woke the loop, answers with effects,
/// and draws itself as a pure function of its state. The four screens are models: the
/// session, the room's display, the review and the setup form.
public protocol ScreenModel: AnyObject {
    associatedtype Outcome
    func handle(_ wake: Wake) -> [LoopEffect<Outcome>]
    /// SIGINT, SIGTERM or SIGHUP arrived (noted by the handler, acted on here).
    func handle(signal: Int32) -> [LoopEffect<Outcome>]
    /// How the loop ends when the terminal is gone (standard input closed).
    var outcomeWhenTerminalLost: Outcome { get }
    func render(width: Int, height: Int) -> ScreenBuffer
    /// The longest the loop may sleep before the screen changes by itself (nil: until a key).
    var nextWake: Duration? { get }
    /// A descriptor whose readability wakes the loop (the followed log's inotify), or nil.
    var changeDescriptor: Int32? { get }
}

extension ScreenModel {
    public var changeDescriptor: Int32? { nil }
}

/// The one loop behind every screen: it owns the signals, the window size, the lost terminal
/// and the wake-up times. Each wake it ticks the model, acts on a signal, draws, then sleeps
/// until a key, the model's next wake or its change descriptor.
public struct ScreenLoop {
    /// Empty reads in a row, each quicker than this, mean the input is closed.
    static let quickRead: Duration = .milliseconds(5)
    static let emptyReadsWhenLost = 50

    public let terminal: any TerminalIO
    /// Whether the terminal is given back when the loop ends (not after the setup form,
    /// which hands the screen on to the session).
    public var restoresTerminal: Bool

    public init(terminal: any TerminalIO, restoresTerminal: Bool = true) {
        self.terminal = terminal
        self.restoresTerminal = restoresTerminal
    }

    /// Runs `model` until it ends, a signal ends it or the terminal is lost; the terminal is
    /// restored on every way out (unless `restoresTerminal` is false).
    public func run<Model: ScreenModel>(_ model: Model) -> Model.Outcome {
        Signals.install()
        defer { if restoresTerminal { terminal.restore() } }
        var quickEmptyReads = 0
        while true {
            if let outcome = carryOut(model.handle(.tick)) { return outcome }
            if let signal = Signals.take(), let outcome = carryOut(model.handle(signal: signal)) { return outcome }
            terminal.followWindowSize()
            let size = terminal.size
            terminal.draw(model.render(width: size.width, height: size.height))
            reapChildren()
            let asked = terminal.now
            let keys: [Key]
            if let descriptor = model.changeDescriptor {
                switch terminal.wait(timeout: model.nextWake, orReadable: descriptor) {
                case .timeout: continue
                case .change:
                    if let outcome = carryOut(model.handle(.change)) { return outcome }
                    continue
                case .input: keys = drainKeys()
                }
            } else {
                keys = terminal.readKey(timeout: model.nextWake).map { [$0] } ?? []
            }
            guard !keys.isEmpty else {
                // A closed standard input returns at once, again and again: a lost terminal.
                quickEmptyReads = terminal.now - asked < Self.quickRead ? quickEmptyReads + 1 : 0
                if quickEmptyReads > Self.emptyReadsWhenLost && Signals.pending == nil {
                    return model.outcomeWhenTerminalLost
                }
                continue
            }
            quickEmptyReads = 0
            // A resize needs no more than the next frame, drawn at the new size.
            for key in keys where key != .resize {
                if let outcome = carryOut(model.handle(.key(key))) { return outcome }
            }
        }
    }

    /// Every key the terminal has now (ncurses may have read more than one at once).
    private func drainKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < 64, let key = terminal.readKey(timeout: .zero) { keys.append(key) }
        return keys
    }

    /// Carries out the effects in order; the outcome when one of them ends the loop.
    private func carryOut<Outcome>(_ effects: [LoopEffect<Outcome>]) -> Outcome? {
        for effect in effects {
            switch effect {
            case .bell: terminal.bell()
            case .run(let command): Chime.start(command)
            case .end(let outcome): return outcome
            }
        }
        return nil
    }

    /// Collects finished chimes so that none is left a zombie.
    private func reapChildren() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }
}
