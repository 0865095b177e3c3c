import Foundation

/// A session log on disk, with the fallback files that hold lines it lacks (the log itself
/// may be missing when it was removed while the session ran: its fallback then holds it all).
public struct SessionFile: Equatable, Sendable {
    /// `2026-11-22T10-04-12Z-round.jsonl`
    public let name: String
    public let path: String
    public var fallbacks: [String] = []

    public init(name: String, path: String, fallbacks: [String] = []) {
        self.name = name
        self.path = path
        self.fallbacks = fallbacks
    }
}

/// The sessions of a directory, and the files in it that were not taken as sessions.
public struct SessionListing: Sendable {
    public var files: [SessionFile]
    /// File names and why each was skipped ("a symbolic link").
    public var skipped: [(name: String, reason: String)]

    /// One line per skipped file, for `sessions` and `review` to print.
    public var skippedLines: [String] { skipped.map { "skipped \($0.name): \($0.reason)" } }
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
    public static func list(in directory: String, fallbackDirectories: [String] = []) -> [SessionFile] {
        scan(directory, fallbackDirectories: fallbackDirectories).files
    }

    /// The sessions kept under `paths`, with their fallback files.
    public static func scan(_ paths: StorePaths) -> SessionListing {
        scan(paths.sessionsDirectory, fallbackDirectories: paths.fallbackDirectories)
    }

    /// The regular files of ours named `*.jsonl` in `directory`, newest first; a link or
    /// anything else is skipped and said so. A session whose log is gone but whose fallback
    /// holds it whole is listed under its own name.
    public static func scan(_ directory: String, fallbackDirectories: [String] = []) -> SessionListing {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var fallbacks = FallbackFiles.index(in: fallbackDirectories)
        var files: [SessionFile] = []
        var skipped: [(name: String, reason: String)] = []
        for name in names where name.hasSuffix(".jsonl") && !name.hasPrefix(".") {
            let path = StorePaths.join(directory, name)
            if let problem = PrivateFiles.problem(atPath: path) {
                skipped.append((name, problem))
                continue
            }
            files.append(SessionFile(name: name, path: path, fallbacks: fallbacks[String(stem(name))] ?? []))
            fallbacks[String(stem(name))] = nil
        }
        for (stem, kept) in fallbacks {
            let name = stem + ".jsonl"
            let path = StorePaths.join(directory, name)
            if PrivateFiles.problem(atPath: path) == nil {
                files.append(SessionFile(name: name, path: path, fallbacks: kept))
            }
        }
        // The stem, so that `…-round-2` (the later) sorts after `…-round`.
        files.sort { stem($0.name) > stem($1.name) }
        skipped.sort { $0.name > $1.name }
        return SessionListing(files: files, skipped: skipped)
    }

    /// `latest`, a file name (with or without `.jsonl`), the unambiguous start of
    /// one, or a path to any log file.
    public static func resolve(
        _ reference: String, in directory: String, fallbackDirectories: [String] = []
    ) throws(LookupError) -> SessionFile {
        guard !reference.isEmpty else { throw .notFound(reference: reference) }
        let sessions = list(in: directory, fallbackDirectories: fallbackDirectories)
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

    /// A regular file of ours, not a link to one.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && PrivateFiles.problem(with: info) == nil
    }
}
