import Glibc
import Synchronization
import ThinkingTUI

/// Names set in a short-lived helper process (`thinkenv letters-helper`), so that the font
/// stack (fontconfig's font list, the faces, HarfBuzz's and FreeType's memory: about 11 MB)
/// never sits in the screen's process, which runs for the whole session. The screen keeps only
/// the pixels (`NameLetters` caches them). The helper leaves after `idleTime` without a request,
/// or when the screen's process goes; it is started again when a new name must be set.
///
/// One request at a time over a socket pair: `SIZE HEX(TEXT)\n`, answered with
/// `WIDTH ASCENT DESCENT HEX(INK BITS) SPANS [X HEX(TEXT)]...\n`, or `-\n` when no font
/// loads. If the helper cannot be started or does not answer within `answerTime`, the
/// names are set in this process instead (`FontLettering`): slower to free, never lost.
public final class HelperLettering: Lettering {
    /// How long the helper waits for a request before it leaves.
    public static let idleTime: Int32 = 10_000  // ms
    /// How long the screen waits for an answer before it sets names itself.
    static let answerTime: Int32 = 3_000  // ms

    private let executable: String
    private let state = Mutex(Connection())
    private let fallback = FontLettering()

    private struct Connection {
        var pid: pid_t = 0
        var socket: Int32 = -1
        var failed = false
        /// The last request had no answer in `answerTime` (not the helper leaving): asking a
        /// second helper would only make the screen wait twice as long.
        var silent = false
        var pending: [UInt8] = []
    }

    /// Starts `executable letters-helper` when a name is first set (`/proc/self/exe`: this program).
    public init(executable: String = "/proc/self/exe") {
        self.executable = executable
    }

    deinit {
        state.withLock { connection in Self.stop(&connection) }
    }

    public func set(_ text: String, pixelSize: Int) -> LetterPixels? {
        let answer: LetterPixels?? = state.withLock { connection in
            guard !connection.failed else { return .none }
            for _ in 0..<2 {
                if connection.socket < 0, !start(&connection) { break }
                if let line = Self.ask("\(pixelSize) \(Hex.encode(Array(text.utf8)))\n", on: &connection) {
                    return .some(Self.parse(line))
                }
                Self.stop(&connection)
                if connection.silent { break }  // too slow: set in this process from now on
                // it left (idle) or broke: once more with a new one
            }
            connection.failed = true
            return .none
        }
        if let answer { return answer }
        return fallback.set(text, pixelSize: pixelSize)
    }

    private func start(_ connection: inout Connection) -> Bool {
        Self.reap(&connection)
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            return false
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let arguments = ["thinkenv", "letters-helper"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        close(pair[1])
        guard status == 0 else {
            close(pair[0])
            return false
        }
        connection.pid = pid
        connection.socket = pair[0]
        connection.pending = []
        return true
    }

    /// Sends one request and reads one answer line; nil if the helper is gone or silent.
    private static func ask(_ request: String, on connection: inout Connection) -> String? {
        var bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeMutableBytes {
                send(connection.socket, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            sent += n
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = connection.pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: connection.pending[..<newline], as: UTF8.self)
                connection.pending.removeFirst(newline + 1)
                return line
            }
            var poller = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, answerTime)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else {
                connection.silent = ready == 0
                return nil
            }
            let n = buffer.withUnsafeMutableBytes { recv(connection.socket, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            connection.pending += buffer[..<n]
        }
    }

    /// Closing the socket is the helper's word to leave (it reads the end of it). No signal
    /// is sent: the screen's loop may already have collected it, and its pid be another's.
    private static func stop(_ connection: inout Connection) {
        if connection.socket >= 0 { close(connection.socket) }
        connection.socket = -1
        reap(&connection)
    }

    /// A helper that left on its own is collected before the next one starts.
    private static func reap(_ connection: inout Connection) {
        guard connection.pid > 0 else { return }
        var status: Int32 = 0
        waitpid(connection.pid, &status, WNOHANG)
        connection.pid = 0
    }

    static func parse(_ line: String) -> LetterPixels? {
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count >= 5, let width = Int(fields[0]), let ascent = Int(fields[1]),
            let descent = Int(fields[2]), let bits = Hex.decode(fields[3]), let spanCount = Int(fields[4]),
            width >= 0, ascent >= 0, descent >= 0, fields.count == 5 + 2 * spanCount
        else { return nil }
        let count = width * (ascent + descent)
        guard bits.count * 8 >= count else { return nil }
        let ink = (0..<count).map { bits[$0 / 8] & (0x80 >> UInt8($0 % 8)) != 0 }
        var spans: [LetterPixels.TextSpan] = []
        for index in 0..<spanCount {
            guard let x = Int(fields[5 + 2 * index]), let text = Hex.decode(fields[6 + 2 * index]) else { return nil }
            spans.append(LetterPixels.TextSpan(x: x, text: String(decoding: text, as: UTF8.self)))
        }
        return LetterPixels(width: width, ascent: ascent, descent: descent, ink: ink, textSpans: spans)
    }

    static func format(_ pixels: LetterPixels?) -> String {
        guard let pixels else { return "-\n" }
        var bits = [UInt8](repeating: 0, count: (pixels.ink.count + 7) / 8)
        for (index, inked) in pixels.ink.enumerated() where inked { bits[index / 8] |= 0x80 >> UInt8(index % 8) }
        var fields = ["\(pixels.width)", "\(pixels.ascent)", "\(pixels.descent)", Hex.encode(bits)]
        fields.append("\(pixels.textSpans.count)")
        for span in pixels.textSpans { fields += ["\(span.x)", Hex.encode(Array(span.text.utf8))] }
        return fields.joined(separator: " ") + "\n"
    }

    /// The helper's side: answers requests on standard input until it is idle for
    /// `idleTime` or the screen's process goes.
    public static func serve() {
        let lettering = FontLettering()
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let request = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                let parts = request.split(separator: " ")
                var answer = "-\n"
                if parts.count == 2, let size = Int(parts[0]), (1...2000).contains(size),
                    let text = Hex.decode(String(parts[1]))
                {
                    answer = format(lettering.set(String(decoding: text, as: UTF8.self), pixelSize: size))
                }
                var bytes = Array(answer.utf8)
                var sent = 0
                while sent < bytes.count {
                    let n = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + sent, $0.count - sent) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return }
                    sent += n
                }
            }
            var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, idleTime)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return }
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            pending += buffer[..<n]
        }
    }
}

/// Bytes as lowercase hexadecimal text ("." for none, so a field is never empty), and back.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return bytes.isEmpty ? "." : String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        if text == "." { return [] }
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = value(chars[index]), let low = value(chars[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
