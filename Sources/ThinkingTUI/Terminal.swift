import CNcurses
import Glibc  // Linux only (see docs/DECISIONS.md)

/// The ncurses backend: owns the terminal, copies `ScreenBuffer`s to it and reads keys.
///
/// Use it from one thread (the runner's loop), one `Terminal` at a time: ncurses state
/// is global. It installs no signal handler of its own; ncurses handles SIGWINCH and
/// reports it as `Key.resize`. Call `restore()` on every way out (it is idempotent).
public final class Terminal {
    /// Why the terminal could not be started.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The theme in effect: `mono` when `NO_COLOR` is set or the terminal has no colours.
    public private(set) var theme: Theme
    /// Cells copied to ncurses by the last `draw`, and since the start (for tests and the
    /// load budget: an unchanged frame copies none).
    public private(set) var cellsWrittenLastFrame = 0
    public private(set) var cellsWrittenTotal = 0

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let ownedFiles: [UnsafeMutablePointer<FILE>]
    /// The descriptor keys come from.
    let inputDescriptor: Int32
    /// When the terminal was started: `now` counts from here.
    let started = ContinuousClock.now
    private var previous: ScreenBuffer?
    private var isRestored = false
    private var colours = 0
    private var styles: [Style: (attributes: attr_t, pair: Int16)] = [:]

    /// Takes over the terminal on standard input and output (`TERM` says which kind).
    public convenience init(theme: Theme = .default) throws {
        try self.init(type: nil, output: cn_stdout(), input: cn_stdin(), owned: [], theme: theme)
    }

    /// A terminal of type `terminalType` (e.g. "xterm-256color") that writes to `outputPath`
    /// (/dev/null unless a test wants to count the bytes) and reads nothing: for tests,
    /// which read back what was drawn (as tig's suite does).
    public convenience init(
        offscreen terminalType: String, theme: Theme = .default, outputPath: String = "/dev/null"
    ) throws {
        guard let output = fopen(outputPath, "w") else {
            throw StartError(description: "cannot open \(outputPath)")
        }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw StartError(description: "cannot open /dev/null")
        }
        try self.init(
            type: terminalType, output: output, input: input, owned: [output, input], theme: theme)
    }

    private init(
        type: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
        owned: [UnsafeMutablePointer<FILE>], theme: Theme
    ) throws {
        Terminal.prepareLocale()
        guard let screen = newterm(type, output, input) else {
            owned.forEach { fclose($0) }
            throw StartError(
                description:
                    "cannot start the terminal (TERM=\(type ?? Terminal.environment("TERM") ?? "unset"))"
            )
        }
        set_term(screen)
        self.screen = screen
        self.window = cn_stdscr()
        self.ownedFiles = owned
        self.inputDescriptor = fileno(input)
        self.theme = theme
        cbreak()
        Self.turnOffFlowControl(fileno(input))
        noecho()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        startColours()
    }

    /// Ctrl-S and Ctrl-Q are keys here (Ctrl-S starts a session from the setup form): the tty
    /// must not take them to stop and restart output, which looks like a hung program. The
    /// shell's own setting comes back with `endwin`; ncurses keeps this one as the program's.
    static func turnOffFlowControl(_ descriptor: Int32) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { return }
        def_prog_mode()
    }

    deinit {
        restore()
        delscreen(screen)
        ownedFiles.forEach { fclose($0) }
    }

    /// Gives the terminal back as it was (ncurses' `endwin`). Safe to call twice, and
    /// before any exit; drawing afterwards does nothing.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        endwin()
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(cn_cols()), Int(cn_lines()))
    }

    /// Catches up with the window's real size. ncurses learns of a resize from SIGWINCH;
    /// two resizes in quick succession can leave it with the first size (a signal that
    /// arrives while the first is handled is lost), so the runner checks on every wake.
    public func followWindowSize() {
        guard ownedFiles.isEmpty, !isRestored else { return }
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard cn_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return }
        if Int(rows) != Int(cn_lines()) || Int(columns) != Int(cn_cols()) {
            resizeterm(rows, columns)
            repaintAll()
        }
    }

    // MARK: - Setup

    /// The user's locale, so wide characters work; C.UTF-8 when the user has none (a
    /// bare `C` locale would turn every non-ASCII name into question marks).
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private func startColours() {
        let noColour = !(Terminal.environment("NO_COLOR") ?? "").isEmpty
        if noColour || !has_colors() || start_color() == cn_err()
            || use_default_colors() == cn_err()
        {
            theme = .mono
        }
        colours = theme == .mono ? 0 : Int(cn_colors())
        var nextPair: Int16 = 1
        for role in Style.Role.allCases {
            for bold in [false, true] {
                let style = Style(role, bold: bold)
                let look = theme.appearance(of: style, colours: colours)
                var pair: Int16 = 0
                if look.foreground >= 0 && Int(look.foreground) < colours {
                    if !bold { init_pair(nextPair, look.foreground, -1) }
                    pair = bold ? styles[Style(role)]!.pair : nextPair
                    if !bold { nextPair += 1 }
                }
                styles[style] = (Terminal.attributes(look.attributes), pair)
            }
        }
    }

    private static func attributes(_ a: Theme.Attributes) -> attr_t {
        var out = cn_a_normal()
        if a.contains(.bold) { out |= cn_a_bold() }
        if a.contains(.dim) { out |= cn_a_dim() }
        if a.contains(.underline) { out |= cn_a_underline() }
        if a.contains(.reverse) { out |= cn_a_reverse() }
        return out
    }

    // MARK: - Drawing

    /// Shows `buffer`: copies only the cells that changed since the previous frame (all
    /// of them after a resize or `repaintAll()`), then lets ncurses send the minimal
    /// update. Cells beyond the terminal's size are clipped.
    public func draw(_ buffer: ScreenBuffer) {
        guard !isRestored else { return }
        if previous?.width != buffer.width || previous?.height != buffer.height {
            werase(window)  // a first frame, or a new size: nothing stale may stay outside it
        }
        let (columns, lines) = size
        var written = 0
        for i in buffer.changedCells(since: previous) {
            let x = i % buffer.width
            let y = i / buffer.width
            guard x < columns, y < lines else { continue }
            paint(buffer.cells[i], x: x, y: y, columns: columns)
            written += 1
        }
        previous = buffer
        cellsWrittenLastFrame = written
        cellsWrittenTotal += written
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets the previous frame and clears the physical screen on the next `draw`
    /// (after a resize, or Ctrl-L when something else scribbled on the terminal).
    public func repaintAll() {
        previous = nil
        clearok(window, true)
    }

    private func paint(_ cell: Cell, x: Int, y: Int, columns: Int) {
        let look = styles[cell.style] ?? (cn_a_normal(), 0)
        let fitsWide = !cell.isWide || x + 1 < columns
        let glyph = fitsWide ? Terminal.glyph(for: cell) : (characters: [wchar_t(32)], pad: false)
        var cc = cchar_t()
        (glyph.characters + [0]).withUnsafeBufferPointer { chars in
            _ = setcchar(&cc, chars.baseAddress, look.attributes, look.pair, nil)
        }
        // add_wchnstr neither moves the cursor nor wraps, so the bottom right cell works too.
        _ = mvwadd_wchnstr(window, Int32(y), Int32(x), &cc, 1)
        if glyph.pad {
            var space = cchar_t()
            _ = setcchar(&space, [wchar_t(32), 0], look.attributes, look.pair, nil)
            _ = mvwadd_wchnstr(window, Int32(y), Int32(x + 1), &space, 1)
        }
    }

    /// What to hand ncurses for a cell: its base character and the zero-width scalars that
    /// ride with it, as long as the C library agrees on its width. When it does not (an
    /// emoji newer than libc, ❤️ which libc counts as 1), the cell still takes exactly its
    /// columns: the base alone plus a padding space, or U+FFFD.
    static func glyph(for cell: Cell) -> (characters: [wchar_t], pad: Bool) {
        let scalars = Array(cell.character.unicodeScalars)
        guard let base = scalars.first, !cell.isContinuation else { return ([32], false) }
        let libcWidth = Int(cn_wcwidth(wchar_t(base.value)))
        if libcWidth == Int(cell.width) {
            let marks = scalars.dropFirst().filter {
                $0 != "\u{200D}" && cn_wcwidth(wchar_t($0.value)) == 0
            }
            return ([wchar_t(base.value)] + marks.prefix(4).map { wchar_t($0.value) }, false)
        }
        if libcWidth == 1 { return ([wchar_t(base.value)], cell.width == 2) }
        let replacement: wchar_t = cn_wcwidth(0xFFFD) == 1 ? 0xFFFD : 63  // "?"
        return ([replacement], cell.width == 2)
    }

    // MARK: - Keys

    /// Waits for a key up to `timeout` (nil: until one comes; zero: just look) and
    /// returns it, or nil when the time ran out. A resize comes back as `.resize`, after
    /// which the next `draw` repaints everything.
    ///
    /// When standard input is closed, ncurses returns at once with nothing: a loop must
    /// not treat nil as "wait again" without checking its own deadline or quit flag.
    public func readKey(timeout: Duration?) -> Key? {
        guard !isRestored else { return nil }
        wtimeout(window, timeout.map(Terminal.milliseconds) ?? -1)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == cn_key_code_yes() {
            let key = Key(keyCode: Int32(bitPattern: UInt32(value)))
            if key == .resize { repaintAll() }
            return key
        }
        return result == cn_ok() ? Key(scalarValue: UInt32(value)) : nil
    }

    /// Whole milliseconds, rounded up (so a wait never ends before a deadline).
    static func milliseconds(_ d: Duration) -> Int32 {
        let (seconds, atto) = d.components
        guard seconds >= 0 else { return 0 }
        let ms = seconds * 1000 + (atto + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: ms)
    }
}
