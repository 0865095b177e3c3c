/// How a cell should look, said by what it means rather than by colour: the backend maps
/// each `Role` to colours and attributes for the chosen theme (see `Theme`).
public struct Style: Hashable, Sendable {
    /// What the text is, on screen. Themes decide the colours; nothing ever blinks.
    public enum Role: UInt8, CaseIterable, Hashable, Sendable {
        /// Ordinary text.
        case normal
        /// The name of the person thinking.
        case name
        /// A running clock.
        case clock
        /// A clock past its time (calm, never alarming).
        case clockOvertime
        /// Secondary text: hints, the components line, totals.
        case quiet
        /// Something to notice: the current step, a selection.
        case accent
        /// Something the facilitator must act on (an invalid protocol, a write error).
        case warning
        /// Reversed video: status bars, the selected row.
        case inverse
    }

    public var role: Role
    public var bold: Bool

    public init(_ role: Role = .normal, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    /// The same role, in bold.
    public var emphasised: Style { Style(role, bold: true) }

    public static let normal = Style(.normal)
    public static let name = Style(.name)
    public static let clock = Style(.clock)
    public static let clockOvertime = Style(.clockOvertime)
    public static let quiet = Style(.quiet)
    public static let accent = Style(.accent)
    public static let warning = Style(.warning)
    public static let inverse = Style(.inverse)
}
