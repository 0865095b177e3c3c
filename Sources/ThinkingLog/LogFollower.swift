import Foundation

/// Reads what has been added to a log since last time, for a live second display:
/// only complete lines; a partial last line is read again once its `\n` is there.
public struct LogFollower: Sendable {
    public let path: String
    /// Where the next read starts: just after the last complete line read.
    public private(set) var offset: Int64
    private var scanner: LineScanner

    /// Follows from `offset` (0: the start), numbering lines from `nextLineNumber`.
    public init(path: String, offset: Int64 = 0, nextLineNumber: Int = 1) {
        self.path = path
        self.offset = offset
        scanner = LineScanner(firstLineNumber: nextLineNumber, previous: nil)
    }

    /// Goes on where `LogReader.read` stopped.
    public init(path: String, after contents: LogContents) {
        self.init(path: path, offset: contents.endOffset, nextLineNumber: contents.nextLineNumber)
        scanner.previous = contents.lines.last?.data
    }

    /// The complete lines written since the last call (possibly none).
    public mutating func readNew() throws(SystemCallError) -> LogContents {
        guard let bytes = try LogReader.readFrom(path: path, offset: offset) else {
            var contents = LogContents()
            contents.problems = [LogProblem(kind: .fileShrank, lineNumber: scanner.nextLineNumber)]
            contents.endOffset = offset
            contents.nextLineNumber = scanner.nextLineNumber
            return contents
        }
        var contents = scanner.scan(bytes)
        offset += contents.endOffset
        contents.endOffset = offset
        return contents
    }
}
