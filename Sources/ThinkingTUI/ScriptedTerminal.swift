import ThinkingCore

/// A terminal that plays a script: keys, and waits on a manual clock. Every frame drawn is
/// kept (and handed to `onDraw` as it is drawn), so a test reads the screen as the room
/// would, at the moment it was shown. When the script runs out, the terminal is lost: every
/// read returns nil at once, as a closed standard input does.
public final class ScriptedTerminal: TerminalIO {
    public enum Step: Equatable, Sendable {
        case key(Key)
        /// Time passes with no key (the runner's reads time out on the way).
        case wait(Duration)
        /// The window is resized to this size (a `.resize` key follows).
        case resize(width: Int, height: Int)
    }

    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames: [ScreenBuffer] = []
    public private(set) var bells = 0
    public private(set) var isRestored = false
    /// Called with each frame as it is drawn.
    public var onDraw: ((ScreenBuffer) -> Void)?
    public let clock: ManualClock
    private var script: [Step]
    /// Time still to pass before the next step.
    private var waiting: Duration = .zero

    public init(width: Int = 80, height: Int = 24, clock: ManualClock = ManualClock(), script: [Step]) {
        size = (width, height)
        self.clock = clock
        self.script = script
    }

    /// The last frame as text, one string a row.
    public var screen: [String] { frames.last?.lines() ?? [] }

    public func followWindowSize() {}

    public func draw(_ buffer: ScreenBuffer) {
        guard !isRestored else { return }
        frames.append(buffer)
        onDraw?(buffer)
    }

    public func readKey(timeout: Duration?) -> Key? {
        guard !isRestored else { return nil }
        while let step = script.first {
            switch step {
            case .wait(let length):
                if waiting == .zero { waiting = length }
                if let timeout, timeout < waiting {
                    clock.advance(by: timeout)
                    waiting -= timeout
                    return nil
                }
                clock.advance(by: waiting)
                waiting = .zero
                script.removeFirst()
            case .key(let key):
                script.removeFirst()
                return key
            case .resize(let width, let height):
                script.removeFirst()
                size = (width, height)
                return .resize
            }
        }
        return nil  // lost: at once, without time passing
    }

    public func bell() { bells += 1 }

    public func restore() { isRestored = true }
}

/// A clock that moves only when told: the session time a scripted run reads.
public final class ManualClock: @unchecked Sendable {
    public private(set) var now: Duration

    public init(now: Duration = .zero) { self.now = now }

    public func advance(by duration: Duration) { now += duration }
}
