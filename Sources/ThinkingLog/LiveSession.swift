import Foundation
import ThinkingCore

/// A running session as a second display sees it: its log read so far, replayed, and
/// followed as it grows. It only ever reads the log (each read opens it `O_RDONLY`).
///
/// Session time is anchored on what the controlling program wrote last: each log line
/// and the heartbeat beside the log pair a session time `t` with the wall-clock time it
/// was written. The display computes session time now as
/// `t + (wallNow − wall)` of the latest of them (`sessionTime(wallNow:)`), and counts on
/// from there with its own monotonic clock until the next anchor. A controller that stops
/// writing (it quit, or crashed) leaves the clock held at most `heldAfter` past its last
/// sign of life; its `resume` records the time it was down, and the display follows.
public struct LiveSession: Sendable {
    /// The most the display counts past the controller's last line or heartbeat: more than
    /// the heartbeat's period (a second), so a running controller never makes it stall.
    public static let heldAfter: Duration = .milliseconds(1500)

    public let path: String
    public let header: LogHeader
    public private(set) var replay: Replay
    /// The latest session time the controller wrote, and when (nil: no time could be read).
    public private(set) var anchor: (t: Duration, wall: WallTime?)
    private var follower: LogFollower
    private let decoder = JSONDecoder()

    public var session: Session { replay.session }

    /// Reads the whole log as it stands (a torn last line waits for its newline).
    public init(path: String) throws(SessionLoadError) {
        var follower = LogFollower(path: path)
        let contents: LogContents
        do {
            contents = try follower.readNew()
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        guard let first = contents.lines.first, first.number == 1,
            let header = try? JSONDecoder().decode(LogHeader.self, from: first.data),
            header.kind == LogHeader.kindName
        else { throw .notASession(path: path) }
        guard header.format <= LogHeader.currentFormat else {
            throw .newerFormat(path: path, format: header.format)
        }
        self.path = path
        self.header = header
        self.follower = follower
        replay = Replay(header: header)
        anchor = (.zero, header.startedAt)
        apply(contents.lines.dropFirst())
        _ = readHeartbeat()
    }

    /// Reads the complete lines added since the last call and applies them; true when
    /// anything was applied. A file that cannot be read now is tried again next time.
    public mutating func update() -> Bool {
        guard let contents = try? follower.readNew(), !contents.lines.isEmpty else { return false }
        apply(contents.lines[...])
        return true
    }

    /// Takes the heartbeat as the anchor when it is later than the log's; true if it moved.
    public mutating func readHeartbeat() -> Bool {
        guard let beat = Heartbeat.read(forLog: path), beat.t > anchor.t else { return false }
        anchor = (beat.t, beat.wall)
        return true
    }

    /// The session time at wall-clock time `wallNow` (the anchor's own, when the anchor has
    /// no readable time).
    public func sessionTime(wallNow: WallTime) -> Duration {
        let since = Duration.milliseconds(max(0, wallNow.milliseconds - (anchor.wall ?? wallNow).milliseconds))
        return anchor.t + min(since, Self.heldAfter)
    }

    /// How long the controller has been silent at wall-clock time `wallNow` (nil: the anchor
    /// has no readable time).
    public func silence(wallNow: WallTime) -> Duration? {
        anchor.wall.map { .milliseconds(max(0, wallNow.milliseconds - $0.milliseconds)) }
    }

    /// The newest unfinished session in `paths` whose controller gave a sign of life (its
    /// heartbeat) within `runningSessionSilenceLimit` of `wallNow`, if any: what a display should follow.
    /// With `newerThan` (the log a display follows), only a session newer than that one, and
    /// that log is never read again.
    public static func newestRunning(in paths: StorePaths, wallNow: WallTime, newerThan: String? = nil) -> LiveSession?
    {
        // Newest first; a session with no heartbeat beside its log (finished, or only fallback
        // files left) costs one failed open.
        for file in SessionFiles.scan(paths).files {
            if file.path == newerThan { return nil }
            guard let beat = Heartbeat.read(forLog: file.path),
                Duration.milliseconds(wallNow.milliseconds - beat.wall.milliseconds) < runningSessionSilenceLimit,
                let live = try? LiveSession(path: file.path),
                live.session.stage != .finished
            else { continue }
            return live
        }
        return nil
    }

    /// Replays lines as `SessionLoader` does: facts are only counted, never decoded.
    private mutating func apply(_ lines: ArraySlice<LogLine>) {
        for line in lines {
            guard let entry = replay.take(line, decoder: decoder, decodeFacts: false) else { continue }
            if entry.t >= anchor.t, let wall = entry.wall {
                anchor = (entry.t, wall)
            }
        }
    }
}
