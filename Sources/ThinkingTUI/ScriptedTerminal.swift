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
        /// The descriptor a screen watches becomes readable (the followed log grew);
        /// passed over by a plain key read, which does not watch it.
        case change
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
            if case .change = step {
                script.removeFirst()
            } else if passTime(within: timeout) == nil {
                return nil
            } else if let key = takeKey() {
                return key
            }
        }
        return nil  // lost: at once, without time passing
    }

    public func wait(timeout: Duration?, orReadable descriptor: Int32) -> TerminalWait {
        guard !isRestored else { return .input }
        while let step = script.first {
            switch step {
            case .change:
                script.removeFirst()
                return .change
            case .wait: guard passTime(within: timeout) != nil else { return .timeout }
            case .key, .resize: return .input
            }
        }
        return .input  // lost: input "readable" at once, with nothing to read
    }

    public var now: Duration { clock.now }

    /// Lets a `.wait` step pass, as far as `timeout` allows: nil when the timeout ran out
    /// first, otherwise the time passed (zero when the next step is not a wait).
    private func passTime(within timeout: Duration?) -> Duration? {
        guard case .wait(let length) = script.first else { return .zero }
        if waiting == .zero { waiting = length }
        if let timeout, timeout < waiting {
            clock.advance(by: timeout)
            waiting -= timeout
            return nil
        }
        clock.advance(by: waiting)
        let passed = waiting
        waiting = .zero
        script.removeFirst()
        return passed
    }

    /// The next step when it is a key or a resize (taken from the script).
    private func takeKey() -> Key? {
        switch script.first {
        case .key(let key):
            script.removeFirst()
            return key
        case .resize(let width, let height):
            script.removeFirst()
            size = (width, height)
            return .resize
        default: return nil
        }
    }

    public func bell() { bells += 1 }

    public func restore() { isRestored = true }
}
