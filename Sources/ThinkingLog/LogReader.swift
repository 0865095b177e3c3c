import Foundation

/// One complete line of a log, as written: its 1-based line number and its bytes
/// (without the `\n`), ready for `JSONDecoder`.
public struct LogLine: Equatable, Sendable {
    public let number: Int
    public let data: Data
}

/// Something wrong in a log that the reader stepped over. Never fatal.
public struct LogProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The last line has no `\n` or is not JSON: a write cut short. Ignored.
        case tornLastLine
        /// A line before the last is not JSON (a fragment of a failed write). Skipped.
        case malformedLine
        /// A line the same as the one before it: an append retried after a failed
        /// fsync. Skipped.
        case repeatedLine
        /// The file is shorter than what was already read from it.
        case fileShrank
    }

    public let kind: Kind
    public let lineNumber: Int

    public var description: String {
        switch kind {
        case .tornLastLine: "line \(lineNumber): the last line is incomplete (a write cut short); ignored"
        case .malformedLine: "line \(lineNumber): not valid JSON; skipped"
        case .repeatedLine: "line \(lineNumber): repeats the line before (a retried write); skipped"
        case .fileShrank: "the log is shorter than before (line \(lineNumber) onwards is gone)"
        }
    }
}

/// The lines of a log in order, what was wrong, and where the complete lines end.
public struct LogContents: Equatable, Sendable {
    public var lines: [LogLine] = []
    public var problems: [LogProblem] = []
    /// Bytes up to and including the last `\n`: where a `LogFollower` goes on.
    public var endOffset: Int64 = 0
    /// The number the next line will have.
    public var nextLineNumber = 1
}

/// Reads a JSON Lines log at once: every complete, valid line, in order, and a
/// report of the torn last line and malformed lines it skipped.
public enum LogReader {
    /// The whole file, read in one go.
    public static func read(path: String) throws(SystemCallError) -> LogContents {
        parse(try readAll(path: path))
    }

    /// Splits a whole log. A last line without `\n`, or not JSON, is reported once
    /// as torn and left out; bad lines before it are reported and left out.
    public static func parse(_ bytes: [UInt8]) -> LogContents {
        var scanner = LineScanner(firstLineNumber: 1, previous: nil)
        var contents = scanner.scan(bytes)
        let tailIsBlank = bytes[Int(contents.endOffset)...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if !tailIsBlank {
            contents.problems.append(LogProblem(kind: .tornLastLine, lineNumber: contents.nextLineNumber))
        } else if let last = contents.problems.last, last.kind == .malformedLine,
            last.lineNumber == scanner.lastNonEmptyLine
        {
            contents.problems[contents.problems.count - 1] = LogProblem(
                kind: .tornLastLine, lineNumber: last.lineNumber)
        }
        return contents
    }

    /// Decodes every line as `T`; a line that is JSON but not a `T` throws.
    public static func decode<T: Decodable>(
        _ type: T.Type, from contents: LogContents, decoder: JSONDecoder = JSONDecoder()
    ) throws -> [T] {
        try contents.lines.map { try decoder.decode(T.self, from: $0.data) }
    }

    static func readAll(path: String) throws(SystemCallError) -> [UInt8] {
        try readFrom(path: path, offset: 0) ?? []
    }

    /// The bytes from `offset` to the end; nil if the file is shorter than `offset`. Only a
    /// regular file of ours is read, never through a symbolic link.
    static func readFrom(path: String, offset: Int64) throws(SystemCallError) -> [UInt8]? {
        let fd = try PrivateFiles.openOwn(path, O_RDONLY)
        defer { close(fd) }
        return try readFrom(fd: fd, offset: offset, path: path)
    }

    /// The bytes of an open file from `offset` to its end; nil if it is shorter than `offset`.
    static func readFrom(fd: Int32, offset: Int64, path: String) throws(SystemCallError) -> [UInt8]? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .last("fstat", path: path) }
        guard Int64(info.st_size) >= offset else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(Int64(info.st_size) - offset))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .last("read", path: path) }
            if n == 0 { break }  // the file shrank meanwhile
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

/// Splits bytes on `\n` and checks each complete line; keeps what it needs to go on
/// with the next chunk of the same file (line numbers, the line before).
struct LineScanner: Sendable {
    var nextLineNumber: Int
    var previous: Data?
    var lastNonEmptyLine = 0

    init(firstLineNumber: Int, previous: Data?) {
        nextLineNumber = firstLineNumber
        self.previous = previous
    }

    /// The complete lines of `bytes`; `endOffset` is relative to `bytes`.
    mutating func scan(_ bytes: [UInt8]) -> LogContents {
        var contents = LogContents()
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var start = 0
            while start < all.count,
                let newline = memchr(base + start, 0x0A, all.count - start)
            {
                let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                take(UnsafeBufferPointer(rebasing: all[start..<end]), into: &contents)
                start = end + 1
            }
            contents.endOffset = Int64(start)
        }
        contents.nextLineNumber = nextLineNumber
        return contents
    }

    private mutating func take(_ line: UnsafeBufferPointer<UInt8>, into contents: inout LogContents) {
        let number = nextLineNumber
        nextLineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        lastNonEmptyLine = number
        guard JSONSyntax.isValid(line) else {
            contents.problems.append(LogProblem(kind: .malformedLine, lineNumber: number))
            return
        }
        let data = Data(buffer: line)
        if data == previous {
            contents.problems.append(LogProblem(kind: .repeatedLine, lineNumber: number))
            return
        }
        previous = data
        contents.lines.append(LogLine(number: number, data: data))
    }
}
