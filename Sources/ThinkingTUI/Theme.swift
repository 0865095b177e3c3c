/// The colour schemes the facilitator can choose (`--theme`). Every theme keeps the
/// terminal's own foreground and background, so it reads on a dark or a light screen;
/// colours are calm, emphasis is bold, and nothing ever blinks.
public enum Theme: String, CaseIterable, Sendable {
    /// Muted colours for the clock past its time, hints, accents and warnings.
    case `default`
    /// No colour but the terminal's own, bold and reverse for emphasis, nothing dimmed:
    /// for washed-out projectors.
    case highContrast = "high-contrast"
    /// Attributes only (used when `NO_COLOR` is set or the terminal has no colours).
    case mono

    /// How one role looks in this theme.
    public struct Appearance: Hashable, Sendable {
        /// A terminal colour number; -1 is the terminal's default foreground.
        public var foreground: Int16
        public var attributes: Attributes

        public init(_ foreground: Int16 = -1, _ attributes: Attributes = []) {
            self.foreground = foreground
            self.attributes = attributes
        }
    }

    /// Text attributes the themes use (there is deliberately no blink).
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
    }

    /// The look of `style` on a terminal with `colours` colours (8, 256...).
    public func appearance(of style: Style, colours: Int) -> Appearance {
        var a = appearance(of: style.role, colours: colours)
        if style.bold { a.attributes.insert(.bold) }
        return a
    }

    private func appearance(of role: Style.Role, colours: Int) -> Appearance {
        switch (self, role) {
        case (_, .normal): return Appearance()
        case (_, .name): return Appearance(-1, .bold)
        // Block glyphs are solid: bold would change nothing but cost bytes on every frame.
        case (_, .clock): return Appearance()
        case (_, .inverse): return Appearance(-1, .reverse)
        case (.default, _): return colourful(role, rich: colours >= 256)
        case (.highContrast, .clockOvertime), (.mono, .clockOvertime):
            return Appearance(-1, [.bold, .underline])
        case (.highContrast, .quiet): return Appearance()
        case (.mono, .quiet): return Appearance(-1, .dim)
        case (_, .accent): return Appearance(-1, .bold)
        case (_, .warning): return Appearance(-1, [.bold, .reverse])
        }
    }

    /// Mid-tone colours, readable on black and on white (xterm-256 numbers, or the basic
    /// eight on smaller terminals).
    private func colourful(_ role: Style.Role, rich: Bool) -> Appearance {
        switch role {
        case .clockOvertime: return Appearance(rich ? 166 : 5, .bold)  // dark orange / magenta
        case .quiet: return rich ? Appearance(244) : Appearance(-1, .dim)  // mid grey
        case .accent: return Appearance(rich ? 30 : 6)  // teal / cyan
        case .warning: return Appearance(rich ? 160 : 1, .bold)  // red
        default: return Appearance()
        }
    }
}
