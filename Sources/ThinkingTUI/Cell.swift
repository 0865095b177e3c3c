/// One column of one row of a `ScreenBuffer`: a grapheme cluster and its style.
///
/// A wide character (李, 😀) sits in its first cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`) that draws nothing of its own.
public struct Cell: Hashable, Sendable {
    /// What the cell shows; a space when blank, a space for a continuation.
    public var character: Character
    public var style: Style
    /// 1 for an ordinary cell, 2 for the first half of a wide character, 0 for the second.
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .normal) {
        self.character = character
        self.style = style
        self.width = UInt8(clamping: max(1, character.displayWidth))
    }

    private init(continuationOf style: Style) {
        self.character = " "
        self.style = style
        self.width = 0
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .normal) -> Cell { Cell(" ", style: style) }

    /// The right half of a wide character drawn in `style`.
    public static func continuation(_ style: Style) -> Cell { Cell(continuationOf: style) }

    public var isContinuation: Bool { width == 0 }
    public var isWide: Bool { width == 2 }
}
