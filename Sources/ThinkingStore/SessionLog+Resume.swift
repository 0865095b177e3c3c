import Foundation
import ThinkingCore

/// Taking up an unfinished session again: the same file, the same state, and the time the
/// program was down recorded as such.
extension SessionLog {
    /// Why a session cannot be resumed.
    public enum ResumeError: Error, Equatable, Sendable, CustomStringConvertible {
        case finished(String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .finished(let name):
                "The session \(name) has finished; it cannot be resumed (`thinkenv show \(name)` reads it)."
            case .cannotOpen(let path, let reason): "Cannot open \(path) to continue it: \(reason)."
            }
        }
    }

    /// Reopens a loaded session's log for appending and records the recovery. Returns the
    /// log, the session as it stands now, and the session time now.
    public static func resume(_ loaded: LoadedSession, paths: StorePaths) throws(ResumeError)
        -> (log: SessionLog, session: Session, now: Duration)
    {
        guard !loaded.isFinished else { throw .finished(loaded.name) }
        let wallNow = UTCTime.nowMillis()
        let origin = UTCTime.millis(fromISO: loaded.header.startedAt) ?? wallNow
        // Until when was the screen up? The later of the last event and the heartbeat.
        var since = loaded.replay.lastMoment
        var wallAtSince = loaded.entries.last.flatMap { UTCTime.millis(fromISO: $0.wall) } ?? origin
        if let beat = Heartbeat.read(forLog: loaded.path), beat.t > since,
            let wall = UTCTime.millis(fromISO: beat.wall)
        {
            since = beat.t
            wallAtSince = wall
        }
        let now = since + .milliseconds(max(0, wallNow - wallAtSince))

        let fd = open(loaded.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: loaded.path, reason: String(cString: strerror(errno))) }
        let writer: LogWriter
        do {
            writer = try LogWriter(fd: fd, path: loaded.path, fallbackDirectories: paths.fallbackDirectories)
        } catch {
            Glibc.close(fd)
            throw .cannotOpen(path: loaded.path, reason: error.description)
        }
        if !endsWithNewline(loaded.path) { writer.append(Array()) }  // a torn line stands alone
        let log = SessionLog(
            header: loaded.header, writer: writer, seq: loaded.replay.lastSeq, origin: origin,
            drift: wallNow - origin - now.milliseconds)
        log.note(.opened(resumed: true), at: now)
        var session = loaded.session
        let facts = (try? session.handle(.recover(since: since), at: now)) ?? []
        log.record(.recover(since: since), at: now, facts: facts)
        return (log, session, now)
    }

    private static func endsWithNewline(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), end > 0 else { return true }
        try? handle.seek(toOffset: end - 1)
        return (try? handle.read(upToCount: 1)) == Data([0x0A])
    }
}
