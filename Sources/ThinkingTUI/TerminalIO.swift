/// What a runner needs of a terminal: its size, a frame drawn, a key read with a deadline,
/// the bell, and giving the terminal back. `Terminal` (ncurses) is the real one;
/// `ScriptedTerminal` plays keys from a script so that runners are tested in-process.
public protocol TerminalIO: AnyObject {
    /// The size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Catches up with the window's real size (checked on every wake).
    func followWindowSize()
    /// Shows a frame (only the cells that changed reach the terminal).
    func draw(_ buffer: ScreenBuffer)
    /// A key within `timeout` (nil: until one comes; zero: just look), or nil when the time
    /// ran out. A closed input returns nil at once, again and again: a lost terminal.
    func readKey(timeout: Duration?) -> Key?
    /// Rings the bell once.
    func bell()
    /// Gives the terminal back; drawing afterwards does nothing. Safe to call twice.
    func restore()
}

extension Terminal: TerminalIO {}
