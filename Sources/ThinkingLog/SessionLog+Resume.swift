import Foundation
import ThinkingCore

/// Taking up an unfinished session again: the same file, the same state, and the time the
/// program was down recorded as such. Only one process at a time: the writer's lock is taken
/// before the log is read, so what is replayed is what nobody else is adding to.
extension SessionLog {
    /// Why a session cannot be resumed.
    public enum ResumeError: Error, Equatable, Sendable, CustomStringConvertible {
        case finished(String)
        case cannotOpen(path: String, reason: String)
        /// Another process has the session open (it holds the writer's lock).
        case alreadyOpen(name: String, holder: WriterLock.Holder)
        /// A line breaks the order; the lines before `line` are the trustworthy record.
        case untrustworthy(name: String, stop: Replay.Stop, trustedLines: Int)
        case unreadable(SessionLoadError)
        /// `--from-line` asked for more lines than are trustworthy (or fewer than one).
        case cannotCopy(name: String, asked: Int, available: Int)

        public var description: String {
            switch self {
            case .finished(let name):
                "The session \(name) has finished; it cannot be resumed (`thinkenv show \(name)` reads it)."
            case .cannotOpen(let path, let reason): "Cannot open \(path) to continue it: \(reason)."
            case .alreadyOpen(let name, let holder):
                "The session \(name) is already open in another terminal\(Self.who(holder)). "
                    + "Nothing was written. Leave it there (q, then y) to take it up here."
            case .untrustworthy(let name, let stop, let trusted):
                "The session \(name) cannot be continued: \(stop). Nothing was written. "
                    + "To continue from the trustworthy part (its first \(trusted) lines) in a copy: "
                    + "thinkenv resume \(name) --from-line \(trusted)"
            case .unreadable(let error): error.description
            case .cannotCopy(let name, let asked, let available):
                "The session \(name) has \(available) trustworthy line(s); --from-line takes 1 to \(available), "
                    + "not \(asked)."
            }
        }

        /// " (pid 4242 since 10:04)", in local time.
        static func who(_ holder: WriterLock.Holder) -> String {
            var parts: [String] = []
            if let pid = holder.pid { parts.append("pid \(pid)") }
            if let since = holder.since {
                let date = Date(timeIntervalSince1970: Double(since.milliseconds) / 1000)
                parts.append("since \(since.timeOfDay(utcOffset: TimeZone.current.secondsFromGMT(for: date)))")
            }
            return parts.isEmpty ? "" : " (\(parts.joined(separator: " ")))"
        }
    }

    /// A session taken up again: the open log, the session as it stands, the session time
    /// now, what was wrong in its files, and the text that was being typed.
    public struct Resumed {
        public let log: SessionLog
        public let session: Session
        public let now: Duration
        public let problems: [String]
        public let draft: Draft?
    }

    /// Takes a loaded session up again (it is read again under the writer's lock).
    public static func resume(
        _ loaded: LoadedSession, paths: StorePaths, clock: WallClock = .system
    ) throws(ResumeError) -> (log: SessionLog, session: Session, now: Duration) {
        let stem = String(SessionFiles.stem(URL(fileURLWithPath: loaded.path).lastPathComponent))
        let file = SessionFile(
            name: stem + ".jsonl", path: loaded.path,
            fallbacks: FallbackFiles.files(forStem: stem, in: paths.fallbackDirectories))
        let resumed = try resume(file, paths: paths, clock: clock)
        return (resumed.log, resumed.session, resumed.now)
    }

    /// Opens a session's log for writing (refused while another process has it open), folds
    /// back the lines its fallback files hold, and records the recovery. Returns the log, the
    /// session as it stands now, and the session time now. Writes nothing when it refuses.
    public static func resume(
        _ file: SessionFile, paths: StorePaths, clock: WallClock = .system
    ) throws(ResumeError) -> Resumed {
        let opened = try openLocked(file)
        let (fd, loaded) = (opened.fd, opened.loaded)
        if let stop = loaded.stop {
            Glibc.close(fd)
            throw .untrustworthy(name: loaded.name, stop: stop, trustedLines: (stop.line ?? 1) - 1)
        }
        let writer: LogWriter
        do {
            writer = try LogWriter(fd: fd, path: loaded.path, fallbackDirectories: paths.fallbackDirectories)
        } catch {
            Glibc.close(fd)
            throw .cannotOpen(path: loaded.path, reason: error.description)
        }
        if !endsWithNewline(writer) { writer.append(Array()) }  // a torn last line stands alone
        foldBack(loaded, into: writer)
        guard !loaded.isFinished else {
            _ = writer.close()
            throw .finished(loaded.name)
        }
        let (since, now, wallNow) = moments(loaded, wallNow: clock.now())
        let origin = loaded.header.startedAt ?? wallNow
        let log = SessionLog(
            header: loaded.header, writer: writer, seq: loaded.replay.lastSeq, clock: clock, origin: origin,
            drift: wallNow.milliseconds - origin.milliseconds - now.milliseconds)
        log.note(.opened(resumed: true), at: now)
        var session = loaded.session
        if let facts = try? session.handle(.recover(since: since), at: now) {
            log.record(.recover(since: since), at: now, facts: facts)
        }
        let draft = loaded.heartbeat?.draft
        log.heartbeat(at: now, draft: draft)
        return Resumed(log: log, session: session, now: now, problems: loaded.problems, draft: draft)
    }

    /// The log opened with its writer's lock held, and read under it.
    static func openLocked(_ file: SessionFile) throws(ResumeError) -> (fd: Int32, loaded: LoadedSession) {
        var info = stat()
        let missing = lstat(file.path, &info) != 0 && errno == ENOENT
        let fd: Int32
        do {
            fd = try WriterLock.open(file.path, create: missing && !file.fallbacks.isEmpty)
        } catch {
            switch error {
            case .held(let holder):
                let name = String(SessionFiles.stem(file.name))
                throw .alreadyOpen(name: name, holder: holder)
            case .system(let failure): throw .cannotOpen(path: file.path, reason: failure.reason)
            }
        }
        do {
            return (fd, try SessionLoader.load(file))
        } catch {
            Glibc.close(fd)
            throw .unreadable(error)
        }
    }

    /// Writes the lines taken from fallback files into the log; once every one of them is on
    /// disk, the fallback files go. (Still full? They stay, and are read again next time.)
    static func foldBack(_ loaded: LoadedSession, into writer: LogWriter) {
        guard let recovered = loaded.recovered else { return }
        var status = LogWriter.AppendStatus.written
        for line in recovered.lines { status = writer.append(line) }
        guard status == .written, writer.pendingLineCount == 0 else { return }
        for file in recovered.files { unlink(file) }
    }

    /// Until when was the screen up (the later of the last line and the heartbeat), and the
    /// session time now: that moment plus the wall-clock time since.
    static func moments(
        _ loaded: LoadedSession, wallNow: WallTime
    ) -> (since: Duration, now: Duration, wallNow: WallTime) {
        var since = loaded.replay.lastMoment
        var wallAtSince = loaded.entries.last?.wall ?? loaded.header.startedAt ?? wallNow
        if let beat = loaded.heartbeat, beat.t > since {
            since = beat.t
            wallAtSince = beat.wall
        }
        let down = Duration.milliseconds(max(0, wallNow.milliseconds - wallAtSince.milliseconds))
        return (since, since + down, wallNow)
    }

    /// Whether the file ends with a `\n` (or is empty): its last byte, read through the descriptor.
    private static func endsWithNewline(_ writer: LogWriter) -> Bool {
        var info = stat()
        guard fstat(writer.fd, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        return pread(writer.fd, &last, 1, info.st_size - 1) != 1 || last == 0x0A
    }
}

extension SessionLog {
    /// Copies the first `lines` lines of a session (its log, then what its fallback files add)
    /// into a new session file, `STEM-from-N.jsonl`, whose header names the copy: the way to
    /// continue a session whose record stops being trustworthy. The original is not touched.
    public static func copy(_ file: SessionFile, throughLine lines: Int, paths: StorePaths) throws(ResumeError)
        -> SessionFile
    {
        let loaded: LoadedSession
        let contents: LogContents
        do {
            loaded = try SessionLoader.load(file)
            (contents, _) = try SessionLoader.lines(path: file.path, fallbacks: file.fallbacks)
        } catch {
            throw .unreadable(error)
        }
        let available = loaded.stop.map { ($0.line ?? 1) - 1 } ?? (contents.lines.last?.number ?? 1)
        guard (1...max(1, available)).contains(lines) else {
            throw .cannotCopy(name: loaded.name, asked: lines, available: available)
        }
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
        let stem = "\(SessionFiles.stem(file.name))-from-\(lines)"
        do throws(SystemCallError) {
            let (fd, path) = try PrivateFiles.createExclusive(in: directory) { attempt in
                attempt == 1 ? "\(stem).jsonl" : "\(stem)-\(attempt).jsonl"
            }
            defer { Glibc.close(fd) }
            var header = loaded.header
            header.session = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var bytes = [UInt8]((try? encoder.encode(header)) ?? Data()) + [0x0A]
            for line in contents.lines.dropFirst() where line.number <= lines {
                bytes += [UInt8](line.data) + [0x0A]
            }
            if let error = LogWriter.writeFully(bytes, to: fd, PosixFileSystem()) { throw error }
            guard fsync(fd) == 0 else { throw .last("fsync", path: path) }
            try PrivateFiles.syncDirectory(directory)
            return SessionFile(name: URL(fileURLWithPath: path).lastPathComponent, path: path, fallbacks: [])
        } catch {
            throw .cannotOpen(path: directory, reason: error.reason)
        }
    }
}
