import Foundation

/// Lines a writer could not put in its log, kept elsewhere (HOME, then TMPDIR) as
/// `thinkenv-unsaved-STEM.jsonl` (`…~2.jsonl`, `…~3.jsonl` when one is already there): found
/// again by the session's name whenever the session is opened, and folded back into the log.
///
/// Only regular files of ours count: a file planted in /tmp by someone else, or a link, is
/// never read (and replay would refuse any line that does not continue the log anyway).
public enum FallbackFiles {
    static let prefix = "thinkenv-unsaved-"

    /// The n-th candidate name for a session's fallback.
    static func name(stem: String, attempt: Int) -> String {
        "\(prefix)\(stem)\(attempt > 1 ? "~\(attempt)" : "").jsonl"
    }

    /// The session stem a fallback file name belongs to, or nil for any other name.
    static func stem(ofFileName name: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(".jsonl") else { return nil }
        var stem = name.dropFirst(prefix.count).dropLast(".jsonl".count)
        if let tilde = stem.lastIndex(of: "~"), stem[stem.index(after: tilde)...].allSatisfy(\.isNumber) {
            stem = stem[..<tilde]
        }
        return stem.isEmpty ? nil : String(stem)
    }

    /// Every fallback file of ours in `directories`, by session stem, in the order they were
    /// written (first attempt first).
    public static func index(in directories: [String]) -> [String: [String]] {
        var found: [String: [(attempt: String, path: String)]] = [:]
        for directory in Set(directories) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names {
                guard let stem = stem(ofFileName: name) else { continue }
                let path = StorePaths.join(directory, name)
                guard PrivateFiles.problem(atPath: path) == nil else { continue }
                found[stem, default: []].append((name, path))
            }
        }
        return found.mapValues { files in
            files.sorted { ($0.attempt.count, $0.attempt) < ($1.attempt.count, $1.attempt) }.map(\.path)
        }
    }

    /// The fallback files of one session.
    public static func files(forStem stem: String, in directories: [String]) -> [String] {
        index(in: directories)[stem] ?? []
    }
}
