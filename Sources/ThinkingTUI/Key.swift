import CNcurses

/// A key press, as the screens see it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space, any script).
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1...F63.
    case function(Int)
    /// Ctrl-C (arrives only when the terminal does not turn it into SIGINT).
    case ctrlC
    /// Another control key: Ctrl-A is `.control("a")`.
    case control(Character)
    /// The terminal changed size; ask `Terminal.size` for the new one.
    case resize
    /// Something ncurses reported that has no name here.
    case unknown(Int32)

    /// The key for a character `wget_wch` returned with `OK`.
    public init(scalarValue value: UInt32) {
        switch value {
        case 0x03: self = .ctrlC
        case 0x09: self = .tab
        case 0x0A, 0x0D: self = .enter
        case 0x08, 0x7F: self = .backspace
        case 0x1B: self = .escape
        case 0x01...0x1A: self = .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x00...0x1F, 0x80...0x9F: self = .unknown(Int32(bitPattern: value))
        default:
            if let scalar = Unicode.Scalar(value) {
                self = .character(Character(scalar))
            } else {
                self = .unknown(Int32(bitPattern: value))
            }
        }
    }

    /// The key for a code `wget_wch` returned with `KEY_CODE_YES`.
    public init(keyCode code: Int32) {
        if let named = Key.named[code] {
            self = named
        } else if code == cn_key_resize() {
            self = .resize
        } else if (KEY_F0 + 1)...(KEY_F0 + 63) ~= code {
            self = .function(Int(code - KEY_F0))
        } else {
            self = .unknown(code)
        }
    }

    private static let named: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_DC: .delete, KEY_IC: .insert, KEY_BACKSPACE: .backspace, KEY_ENTER: .enter,
        KEY_BTAB: .backTab,
    ]
}
