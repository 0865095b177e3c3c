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
    /// Lines the log lacks that were taken from fallback files (a full disk, a removed log),
    /// to be appended to the log when it can be written again.
    public var recovered: RecoveredLines?
    /// The heartbeat beside the log, if the screen was up later than the last line.
    public var heartbeat: Heartbeat?

    public var session: Session { replay.session }
    /// Where the trustworthy record ends, when a line broke the order (resume refuses to
    /// append to such a log).
    public var stop: Replay.Stop? { replay.stop }
    /// The last moment the screen is known to have been up: the last line, or the heartbeat.
    public var lastSeen: Duration { max(replay.lastMoment, heartbeat?.t ?? .zero) }
    public var name: String { header.session }
    public var isFinished: Bool { session.stage == .finished }
}

/// Lines found in fallback files that continue a log.
public struct RecoveredLines: Sendable {
    /// The fallback files they came from, to remove once the lines are in the log.
    public var files: [String]
    /// The lines, without their `\n`, in order (the header first when the log had none).
    public var lines: [Data]
    /// Whether the log file is missing or empty, so that the lines make the whole log.
    public var replacesLog: Bool
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
    /// Reads a session found by `SessionFiles`, with the fallback files that belong to it.
    public static func load(_ file: SessionFile, checkFacts: Bool = false) throws(SessionLoadError) -> LoadedSession {
        try load(path: file.path, fallbacks: file.fallbacks, checkFacts: checkFacts)
    }

    /// Reads a session: its log, then what its fallback files hold that the log lacks.
    /// Replay needs only the actions: the facts (two thirds of the lines) are decoded only
    /// when `checkFacts` asks for them to be compared with the replay's.
    public static func load(
        path: String, fallbacks: [String] = [], checkFacts: Bool = false
    ) throws(SessionLoadError) -> LoadedSession {
        let (contents, recovered) = try lines(path: path, fallbacks: fallbacks)
        let decoder = JSONDecoder()
        guard let first = contents.lines.first, first.number == 1 || recovered?.replacesLog == true else {
            throw .notASession(path: path)
        }
        let header = try decodeHeader(first.data, path: path, decoder: decoder)
        var problems = contents.problems.map(\.description)
        if let recovered {
            let count = recovered.lines.count - (recovered.replacesLog ? 1 : 0)
            problems.append(
                "\(count) line(s) the log lacks were taken from \(recovered.files.joined(separator: ", "))")
        }
        var entries: [LogEntry] = []
        entries.reserveCapacity(contents.lines.count)
        var replay = Replay(header: header)
        for line in contents.lines.dropFirst() {
            if let entry = replay.take(line, decoder: decoder, decodeFacts: checkFacts) { entries.append(entry) }
        }
        replay.finishFactCheck()
        let readProblems = problems
        problems += replay.problems
        return LoadedSession(
            path: path, header: header, entries: entries, replay: replay, problems: problems,
            readProblems: readProblems, recovered: recovered, heartbeat: Heartbeat.read(forLog: path))
    }

    static func decodeHeader(_ data: Data, path: String, decoder: JSONDecoder) throws(SessionLoadError) -> LogHeader {
        let header: LogHeader
        do {
            header = try decoder.decode(LogHeader.self, from: data)
        } catch {
            if let probe = try? decoder.decode(FormatProbe.self, from: data),
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
        return header
    }

    /// The log's lines, then those its fallback files add (a missing log is no error when
    /// fallbacks hold it).
    static func lines(path: String, fallbacks: [String]) throws(SessionLoadError) -> (LogContents, RecoveredLines?) {
        var contents: LogContents
        do {
            contents = try LogReader.read(path: path)
        } catch let error where error.code == ENOENT && !fallbacks.isEmpty {
            contents = LogContents()
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        let recovered = recover(from: fallbacks, into: &contents)
        return (contents, recovered)
    }

    // MARK: - Fallback files

    /// Appends to `contents` the lines of the fallback files that continue the log: the one
    /// with the next `seq`, then the next, each once (a line may stand in both the log and a
    /// fallback, or in two fallbacks). The header comes from a fallback when the log has none.
    static func recover(from fallbacks: [String], into contents: inout LogContents) -> RecoveredLines? {
        guard !fallbacks.isEmpty else { return nil }
        var header: Data?
        var bySeq: [Int: Data] = [:]
        var readable: [String] = []
        for file in fallbacks {
            guard let kept = try? LogReader.read(path: file) else { continue }
            readable.append(file)
            for line in kept.lines {
                if let seq = topLevelSeq(line.data) {
                    if bySeq[seq] == nil { bySeq[seq] = line.data }
                } else if header == nil, line.data.starts(with: headerPrefix) {
                    header = line.data
                }
            }
        }
        guard !readable.isEmpty else { return nil }
        var taken: [Data] = []
        let replacesLog = contents.lines.isEmpty
        if replacesLog {
            guard let header else { return nil }
            taken.append(header)
        }
        var next = (contents.lines.last.flatMap { topLevelSeq($0.data) } ?? 0) + 1
        while let line = bySeq[next] {
            taken.append(line)
            next += 1
        }
        for data in taken {
            contents.lines.append(LogLine(number: contents.nextLineNumber, data: data))
            contents.nextLineNumber += 1
        }
        return RecoveredLines(files: readable, lines: taken, replacesLog: replacesLog)
    }

    // MARK: - Reading a line without decoding it

    /// The `seq` of a line without decoding it. Only the top level of a line has a `seq`
    /// key, and a `"` inside text is always escaped, so the first `"seq":` is that key.
    static func topLevelSeq(_ data: Data) -> Int? {
        LineScan.seqAndTime(data, needsTime: false)?.seq
    }

    /// The `seq` and `t` of a line: sorted keys put `"t":` right after the `seq`.
    static func seqAndTime(_ data: Data) -> (seq: Int, t: Duration)? {
        guard let found = LineScan.seqAndTime(data, needsTime: true), let t = found.t else { return nil }
        return (found.seq, t)
    }

    /// How the header starts (sorted keys).
    static let headerPrefix = Data(#"{"format":"#.utf8)

    private struct FormatProbe: Decodable {
        var format: Int
        var kind: String
    }
}

extension Replay {
    /// Replays one line of a log, as `SessionLoader` and `LiveSession` both do: a fact line is
    /// only checked for its place in the order (unless `decodeFacts`), any other line is
    /// decoded and applied. Returns the entry when it was decoded and accepted.
    mutating func take(_ line: LogLine, decoder: JSONDecoder, decodeFacts: Bool) -> LogEntry? {
        guard stop == nil else { return nil }
        if !decodeFacts, LineScan.hasPrefix(line.data, LineScan.factPrefix),
            let (seq, t) = SessionLoader.seqAndTime(line.data)
        {
            admit(seq: seq, t: t, line: line.number)
            return nil
        }
        guard let entry = LineScan.plainAction(line.data) ?? (try? decoder.decode(LogEntry.self, from: line.data))
        else {
            halt(line: line.number, "not a session event")
            return nil
        }
        apply(entry, line: line.number)
        return stop == nil ? entry : nil
    }
}
