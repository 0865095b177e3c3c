import Foundation
import ThinkingCore

/// A session read back from its log: the header, the entries, the replayed state, and
/// every problem found on the way (a torn last line, a lost line) — never fatal.
public struct LoadedSession: Sendable {
    public var path: String
    public var header: LogHeader
    public var entries: [LogEntry]
    public var replay: Replay
    /// What was wrong in the file, one line each, for the facilitator to read.
    public var problems: [String]
    /// The problems of reading the file itself (before replay).
    public var readProblems: [String]

    public var session: Session { replay.session }
    public var name: String { header.session }
    public var isFinished: Bool { session.stage == .finished }
}

/// Why a file could not be read as a session.
public enum SessionLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notASession(path: String)
    case newerFormat(path: String, format: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "Cannot read \(path): \(reason)."
        case .notASession(let path): "\(path) is not a thinkenv session log."
        case .newerFormat(let path, let format):
            "\(path) was written by a newer thinkenv (log format \(format)); update thinkenv to read it."
        }
    }
}

public enum SessionLoader {
    /// Reads a session. Replay needs only the actions: the facts (two thirds of the lines)
    /// are decoded only when `checkFacts` asks for them to be compared with the replay's.
    public static func load(path: String, checkFacts: Bool = false) throws(SessionLoadError) -> LoadedSession {
        let contents: LogContents
        do {
            contents = try LogReader.read(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        let decoder = JSONDecoder()
        guard let first = contents.lines.first, first.number == 1 else { throw .notASession(path: path) }
        let header: LogHeader
        do {
            header = try decoder.decode(LogHeader.self, from: first.data)
        } catch {
            if let probe = try? decoder.decode(FormatProbe.self, from: first.data),
                probe.kind == LogHeader.kindName, probe.format > LogHeader.currentFormat
            {
                throw .newerFormat(path: path, format: probe.format)
            }
            throw .notASession(path: path)
        }
        guard header.kind == LogHeader.kindName else { throw .notASession(path: path) }
        if header.format > LogHeader.currentFormat {
            throw .newerFormat(path: path, format: header.format)
        }
        var problems = contents.problems.map(\.description)
        var entries: [LogEntry] = []
        entries.reserveCapacity(contents.lines.count)
        var replay = Replay(header: header)
        for line in contents.lines.dropFirst() {
            if !checkFacts, line.data.starts(with: factPrefix), let seq = topLevelSeq(line.data) {
                replay.follow(seq: seq)
                continue
            }
            do {
                let entry = try decoder.decode(LogEntry.self, from: line.data)
                entries.append(entry)
                replay.apply(entry)
            } catch {
                problems.append("line \(line.number): not a session event; skipped")
            }
        }
        replay.finishFactCheck()
        let readProblems = problems
        problems += replay.problems
        return LoadedSession(
            path: path, header: header, entries: entries, replay: replay, problems: problems,
            readProblems: readProblems)
    }

    /// The `seq` of a line without decoding it. Only the top level of a line has a `seq`
    /// key, and a `"` inside text is always escaped, so the first `"seq":` is that key.
    static func topLevelSeq(_ data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            let key: [UInt8] = Array(#""seq":"#.utf8)
            guard bytes.count > key.count else { return nil }
            var start = 0
            search: while start <= bytes.count - key.count {
                for offset in 0..<key.count where bytes[start + offset] != key[offset] {
                    start += 1
                    continue search
                }
                break
            }
            var index = start + key.count
            var value = 0
            var digits = 0
            while index < bytes.count, digits < 18, (48...57).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
    }

    /// How a fact line starts: the log is written with sorted keys.
    private static let factPrefix = Data(#"{"fact":"#.utf8)

    private struct FormatProbe: Decodable {
        var format: Int
        var kind: String
    }
}
