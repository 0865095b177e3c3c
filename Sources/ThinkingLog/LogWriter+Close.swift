import Foundation

extension LogWriter {
    /// How the log ended.
    public enum CloseOutcome: Equatable, Sendable {
        /// Every line is in the log file.
        case closed
        /// Lines the log could not take are in this file (0600): print its path.
        case savedToFallback(path: String, lineCount: Int)
        /// Not even a fallback file could be written: print these lines to stderr.
        case unsaved(lines: [Data], reason: String)

        /// What to tell the user, if anything.
        public var message: String? {
            switch self {
            case .closed: nil
            case .savedToFallback(let path, let count):
                "thinkenv: the session log could not be written; \(count) line(s) saved to \(path)"
            case .unsaved(let lines, let reason):
                "thinkenv: the session log could not be saved (\(reason)); its \(lines.count) line(s) follow"
            }
        }
    }

    /// Retries what is waiting once more, closes the file, and saves what still
    /// could not be written to a fallback file. Calling it again does nothing.
    public func close() -> CloseOutcome {
        guard fd >= 0 else { return .closed }
        _ = flush()  // with nothing pending, still checks that the file is in place
        defer {
            fileSystem.close(fd)
            fd = -1
        }
        if pending.isEmpty, !fileRemoved { return .closed }
        // The whole log if its file was removed (its inode is still open), else
        // just what is missing from it.
        var lines: [[UInt8]] = []
        if fileRemoved, let earlier = contentOfOpenFile() {
            lines = LogReader.parse(earlier).lines.map { [UInt8]($0.data) + [0x0A] }
        }
        lines += pending
        switch saveFallback(lines) {
        case .success(let fallbackPath):
            pending.removeAll()
            return .savedToFallback(path: fallbackPath, lineCount: lines.count)
        case .failure(let error):
            let unsaved = lines.map { Data($0.dropLast()) }
            pending.removeAll()
            return .unsaved(lines: unsaved, reason: error.description)
        }
    }

    /// Writes the lines to a new 0600 file in the first fallback directory that
    /// takes it.
    func saveFallback(_ lines: [[UInt8]]) -> Result<String, SystemCallError> {
        let stem = String(path.split(separator: "/").last ?? "session").replacingOccurrences(of: ".jsonl", with: "")
        var lastError = SystemCallError("save", path: nil, code: ENOENT)
        for directory in fallbackDirectories {
            do throws(SystemCallError) {
                let (fallbackFD, fallbackPath) = try PrivateFiles.createExclusive(in: directory) { attempt in
                    FallbackFiles.name(stem: stem, attempt: attempt)
                }
                let system = PosixFileSystem()
                defer { system.close(fallbackFD) }
                if let error = Self.writeFully(Array(lines.joined()), to: fallbackFD, system)
                    ?? system.fsync(fallbackFD)
                {
                    throw error
                }
                return .success(fallbackPath)
            } catch {
                lastError = error
            }
        }
        return .failure(lastError)
    }

    /// Reads the file through its still open descriptor, which works even after the file
    /// was unlinked.
    func contentOfOpenFile() -> [UInt8]? {
        try? LogReader.readFrom(fd: fd, offset: 0, path: path)
    }
}
