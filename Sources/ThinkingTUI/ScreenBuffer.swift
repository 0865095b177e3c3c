import ThinkingCore

/// An in-memory grid of cells, `width`×`height`, that screens draw into (as ratatui's
/// `Buffer`). Pure data: the ncurses backend copies it to the terminal, and tests compare
/// it as text with `lines()`.
///
/// Invariant: a wide cell is always followed, on the same row, by its continuation cell;
/// a continuation cell always follows a wide one. Every writing method keeps it.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cell at (x, y); must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(width)x\(height)")
        return cells[y * width + x]
    }

    // MARK: - Writing

    /// Puts one grapheme at (x, y), clipped to the grid, and returns the column after it.
    /// Zero-width graphemes are dropped; a wide one that does not fit before the right
    /// edge (or `limit`) leaves a space instead of half a character. Overwriting half of
    /// a wide character blanks its other half. Controls must already be neutralised.
    @discardableResult
    mutating func put(_ character: Character, x: Int, y: Int, style: Style, limit: Int? = nil)
        -> Int
    {
        let w = character.displayWidth
        guard w > 0 else { return x }
        let right = min(limit ?? width, width)
        guard y >= 0, y < height, x < right else { return x + w }
        if x < 0 {
            if x + w > 0 { setCell(.blank(style), x: 0, y: y) }  // wide char cut by the left edge
            return x + w
        }
        if x + w > right {
            setCell(.blank(style), x: x, y: y)
            return x + w
        }
        setCell(Cell(character, style: style), x: x, y: y)
        if w == 2 { setCell(.continuation(style), x: x + 1, y: y) }
        return x + w
    }

    /// Sets one cell, blanking the other half of any wide character it cuts through.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation && x > 0 && !cell.isContinuation {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        if cells[i].isWide && x + 1 < width && !cell.isWide {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Writes one line of text at (x, y) in `style`, clipped to the grid and to `maxWidth`
    /// columns; returns the column after the text. The text is `neutralised` first, so no
    /// control character, escape sequence or bidi override can reach a cell.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil
    ) -> Int {
        let limit = maxWidth.map { x + max(0, $0) }
        var column = x
        for ch in neutralised(text) {
            if let limit, column >= limit { break }
            if column >= width { break }
            column = put(ch, x: column, y: y, style: style, limit: limit)
        }
        return column
    }

    /// Sets every cell of `rect` (clipped to the grid) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            var x = r.x
            while x < r.maxX {
                x = put(cell.character, x: x, y: y, style: cell.style, limit: r.maxX)
            }
        }
    }

    // MARK: - Reading

    /// The grid as text, one string a row, trailing spaces trimmed: what a person sees.
    public func lines() -> [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width where !self[x, y].isContinuation { row.append(self[x, y].character) }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The indices into `cells` that differ from `previous`: every index when there is no
    /// previous frame or its size differs. Continuation cells are left out (their wide
    /// cell, which changed with them, draws both columns).
    public func changedCells(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else {
            return cells.indices.filter { !cells[$0].isContinuation }
        }
        return cells.indices.filter { cells[$0] != previous.cells[$0] && !cells[$0].isContinuation }
    }
}
