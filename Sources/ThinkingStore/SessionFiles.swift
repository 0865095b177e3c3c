import Foundation

/// A session log on disk.
public struct SessionFile: Equatable, Sendable {
    /// `2026-11-22T10-04-12Z-round.jsonl`
    public let name: String
    public let path: String
}

/// Finds session logs: all of them, newest first, or one the user named.
public enum SessionFiles {
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case noSessions(directory: String)
        case ambiguous(reference: String, candidates: [String])
        case notFound(reference: String)

        public var description: String {
            switch self {
            case .noSessions(let directory):
                "no sessions yet in \(directory)"
            case .ambiguous(let reference, let candidates):
                "'\(reference)' could be any of: \(candidates.joined(separator: ", "))"
            case .notFound(let reference):
                "no session '\(reference)' (try `latest`, or the start of a file name)"
            }
        }
    }

    /// The `.jsonl` files of `directory`, newest first (names start with the UTC
    /// start time); none if the directory does not exist yet.
    public static func list(in directory: String) -> [SessionFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
            // The stem, so that `…-round-2` (the later) sorts after `…-round`.
            .sorted { stem($0) > stem($1) }
            .map { SessionFile(name: $0, path: StorePaths.join(directory, $0)) }
    }

    /// `latest`, a file name (with or without `.jsonl`), the unambiguous start of
    /// one, or a path to any log file.
    public static func resolve(_ reference: String, in directory: String) throws(LookupError) -> SessionFile {
        guard !reference.isEmpty else { throw .notFound(reference: reference) }
        let sessions = list(in: directory)
        if reference == "latest" {
            guard let newest = sessions.first else { throw .noSessions(directory: directory) }
            return newest
        }
        if reference.contains("/") {
            guard isRegularFile(reference) else { throw .notFound(reference: reference) }
            return SessionFile(name: String(reference.split(separator: "/").last ?? ""), path: reference)
        }
        if let exact = sessions.first(where: { $0.name == reference || stem($0.name) == reference }) {
            return exact
        }
        let matches = sessions.filter { $0.name.hasPrefix(reference) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw .ambiguous(reference: reference, candidates: matches.map(\.name)) }
        if isRegularFile(reference) { return SessionFile(name: reference, path: reference) }
        if sessions.isEmpty { throw .noSessions(directory: directory) }
        throw .notFound(reference: reference)
    }

    static func stem(_ name: String) -> Substring {
        name.hasSuffix(".jsonl") ? name.dropLast(6) : Substring(name)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
