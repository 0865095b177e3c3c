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
    public static func load(path: String) throws(SessionLoadError) -> LoadedSession {
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
        for line in contents.lines.dropFirst() {
            do {
                entries.append(try decoder.decode(LogEntry.self, from: line.data))
            } catch {
                problems.append("line \(line.number): not a session event; skipped")
            }
        }
        let replay = Replay.replay(header: header, entries: entries)
        problems += replay.problems
        return LoadedSession(path: path, header: header, entries: entries, replay: replay, problems: problems)
    }

    private struct FormatProbe: Decodable {
        var format: Int
        var kind: String
    }
}
