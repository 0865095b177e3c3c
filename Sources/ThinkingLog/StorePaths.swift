import Foundation
import ThinkingCore

/// Where thinkenv keeps its files, worked out from an environment (a parameter, so
/// tests point it at temporary directories):
/// sessions in `$XDG_DATA_HOME/thinkenv/sessions/`, configuration in
/// `$XDG_CONFIG_HOME/thinkenv/`, with the XDG defaults under `$HOME`.
public struct StorePaths: Equatable, Sendable {
    /// `…/thinkenv`, the parent of `sessions`; created 0700.
    public let dataDirectory: String
    /// `…/thinkenv/sessions`; created 0700, one JSON Lines file per session.
    public let sessionsDirectory: String
    /// `…/thinkenv` under the XDG configuration home.
    public let configDirectory: String
    /// Where a log that cannot be written goes at the end, in order of preference.
    public let fallbackDirectories: [String]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noHomeDirectory
        public var description: String {
            "HOME is not set and XDG_DATA_HOME/XDG_CONFIG_HOME are not absolute paths"
        }
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) {
        guard let data = XDGBase.data.directory(in: environment),
            let config = XDGBase.config.directory(in: environment)
        else { throw .noHomeDirectory }
        dataDirectory = Self.join(data, "thinkenv")
        sessionsDirectory = Self.join(dataDirectory, "sessions")
        configDirectory = Self.join(config, "thinkenv")
        let temporary = XDGBase.absolute(environment["TMPDIR"]) ?? "/tmp"
        fallbackDirectories = [XDGBase.absolute(environment["HOME"]), temporary].compactMap { $0 }
    }

    static func join(_ directory: String, _ name: String) -> String { XDGBase.join(directory, name) }
}

// MARK: - Session file names

extension StorePaths {
    /// `2026-11-22T10-04-12Z-round.jsonl`: the start time in UTC (so names sort by
    /// start time), then the protocol id; `attempt` 2, 3… adds `-2`, `-3`… when the
    /// name is taken.
    public static func sessionFileName(protocolID: String, startedAt: WallTime, attempt: Int = 1) -> String {
        let suffix = attempt > 1 ? "-\(attempt)" : ""
        return "\(startedAt.fileStamp)-\(sanitisedID(protocolID))\(suffix).jsonl"
    }

    /// Lower case, `[a-z0-9-]` only, no leading, trailing or doubled dashes;
    /// `session` if nothing is left.
    public static func sanitisedID(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out.append("-")
            }
        }
        out = String(out.prefix(64))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "session" : out
    }
}
