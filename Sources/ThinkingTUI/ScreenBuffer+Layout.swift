import ThinkingCore

/// Writing helpers for screens: centring and truncation.
extension ScreenBuffer {
    /// Writes `text` on row `y` of `rect`, centred, truncated with an ellipsis when it is
    /// wider than the rectangle; returns the rectangle the text took.
    @discardableResult
    public mutating func writeCentred(
        _ text: String, y: Int, in rect: Rect? = nil, style: Style = .normal
    )
        -> Rect
    {
        let bounds = rect ?? area
        let fitted = neutralised(text).truncated(toWidth: bounds.width)
        let w = fitted.displayWidth
        let x = bounds.x + (bounds.width - w) / 2
        write(fitted, x: x, y: y, style: style, maxWidth: bounds.maxX - x)
        return Rect(x: x, y: y, width: w, height: 1)
    }

    /// Writes `text` at (x, y), truncated with an ellipsis to `width` columns.
    @discardableResult
    public mutating func writeTruncated(
        _ text: String, x: Int, y: Int, width: Int, style: Style = .normal
    )
        -> Int
    {
        write(
            neutralised(text).truncated(toWidth: width), x: x, y: y, style: style, maxWidth: width)
    }
}
