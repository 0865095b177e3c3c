import CNcurses

/// Reading back what ncurses holds, for tests of the backend (nothing here touches the
/// physical terminal).
extension Terminal {
    /// Row `y` of the ncurses window as text, trailing spaces trimmed (`mvwinnwstr`,
    /// which gives a wide character once).
    func windowRow(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: size.width + 1)
        let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(size.width))
        guard count != cn_err() else { return "" }
        var row = String.UnicodeScalarView()
        for value in buffer.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { row.append(scalar) }
        }
        var text = String(row)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The first character, attributes and colour pair of the cell at (x, y)
    /// (`mvwin_wch` and `getcchar`).
    func windowCell(x: Int, y: Int) -> (character: Character, attributes: attr_t, pair: Int16)? {
        var cc = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cc) != cn_err() else { return nil }
        var chars = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cc, &chars, &attributes, &pair, nil) != cn_err(),
            let scalar = Unicode.Scalar(UInt32(bitPattern: chars[0]))
        else { return nil }
        return (Character(scalar), attributes & ~cn_color_pair(255), pair)
    }

    /// Pretends the terminal became `width`×`height` (`resizeterm`), as a SIGWINCH would.
    func simulateResize(width: Int, height: Int) {
        resizeterm(Int32(height), Int32(width))
        repaintAll()
    }
}
