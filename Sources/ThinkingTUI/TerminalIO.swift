/// What a runner needs of a terminal: its size, a frame drawn, a key read with a deadline,
/// the bell, and giving the terminal back. `Terminal` (ncurses) is the real one;
/// `ScriptedTerminal` plays keys from a script so that every screen is tested in-process.
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
    /// Waits up to `timeout` (nil: no limit) for a key or for `descriptor` to be readable,
    /// without reading either.
    func wait(timeout: Duration?, orReadable descriptor: Int32) -> TerminalWait
    /// A monotonic time, to tell a read that timed out from one that returned at once.
    var now: Duration { get }
    /// Rings the bell once.
    func bell()
    /// Gives the terminal back; drawing afterwards does nothing. Safe to call twice.
    func restore()
}

/// What ended a `TerminalIO.wait`.
public enum TerminalWait: Equatable, Sendable {
    /// A key can be read (or the input is closed: reading then gives nothing).
    case input
    /// The other descriptor is readable.
    case change
    case timeout
}

extension Terminal: TerminalIO {}
