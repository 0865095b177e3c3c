import Foundation
import ThinkingCore

/// The session log open for appending, one JSON line per event.
///
/// `append` returns only once the line is written and fsync'ed: the caller shows an
/// event after `append` said `.written`. When the disk fails (full, I/O error, the
/// file removed), nothing is thrown away: the line waits in memory, in order, is
/// retried before any newer line, `warning` says what is wrong, and `close()` saves
/// whatever is still waiting to a fallback file. Use from one thread.
public final class LogWriter {
    /// What became of an append.
    public enum AppendStatus: Equatable, Sendable {
        /// On disk (fsync returned), with every line before it.
        case written
        /// Kept in memory, to be retried; the reason, for the user.
        case pending(String)
    }

    public let path: String
    /// What is wrong with the log right now, for the UI to show; nil when all is well.
    public private(set) var warning: String?
    /// Lines acknowledged by `append` but not yet on disk.
    public var pendingLineCount: Int { pending.count }

    let fileSystem: any LogFileSystem
    let fallbackDirectories: [String]
    var fd: Int32
    let identity: FileIdentity
    /// Each line with its `\n`, oldest first.
    var pending: [[UInt8]] = []
    /// After a failed write the file may end with a fragment: the next line starts
    /// with a `\n` so that the fragment stands alone (the reader skips it).
    var fileMayEndMidLine = false
    var fileRemoved = false

    /// Takes over `fd`, a file opened for appending at `path` (whose writer's lock it holds,
    /// when it is a session log: the lock goes with the descriptor).
    public init(
        fd: Int32, path: String, fileSystem: any LogFileSystem = PosixFileSystem(),
        fallbackDirectories: [String] = []
    ) throws(SystemCallError) {
        self.fd = fd
        self.path = path
        self.fileSystem = fileSystem
        self.fallbackDirectories = fallbackDirectories
        identity = try fileSystem.identity(ofDescriptor: fd).get()
    }

    /// Creates a new session file (`2026-11-22T10-04-12Z-round.jsonl`, 0600) in the
    /// sessions directory, which it creates (0700) if need be, and holds its writer's lock.
    public static func create(
        protocolID: String, startedAt: WallTime, paths: StorePaths,
        fileSystem: any LogFileSystem = PosixFileSystem()
    ) throws(SystemCallError) -> LogWriter {
        let directory = try PrivateFiles.prepareSessionsDirectory(paths)
        let (fd, path) = try PrivateFiles.createExclusive(in: directory) { attempt in
            StorePaths.sessionFileName(protocolID: protocolID, startedAt: startedAt, attempt: attempt)
        }
        do throws(SystemCallError) {
            // New and ours: nobody else can hold it, but the lock is what says so to a `resume`.
            if try WriterLock.take(fd, path: path) != nil {
                throw SystemCallError("flock", path: path, code: EWOULDBLOCK)
            }
            try PrivateFiles.syncDirectory(directory)
            return try LogWriter(
                fd: fd, path: path, fileSystem: fileSystem,
                fallbackDirectories: paths.fallbackDirectories)
        } catch {
            fileSystem.close(fd)
            throw error
        }
    }

    deinit {
        let outcome = close()
        if let message = outcome.message { FileHandle.standardError.write(Data((neutralised(message) + "\n").utf8)) }
        if case .unsaved(let lines, _) = outcome {
            for line in lines {
                FileHandle.standardError.write(Data((neutralised(String(decoding: line, as: UTF8.self)) + "\n").utf8))
            }
        }
    }

    // MARK: - Appending

    /// Writes one line (a `\n` is added; a raw `\n` or `\r` inside, which valid JSON
    /// has only as whitespace, becomes a space), after any lines still waiting.
    @discardableResult
    public func append(_ line: some Sequence<UInt8>) -> AppendStatus {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.underestimatedCount + 1)
        for byte in line { bytes.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
        bytes.append(0x0A)
        pending.append(bytes)
        return flush()
    }

    /// Encodes `value` as one JSON line and appends it. (A label of its own: `Data`
    /// and `[UInt8]` are `Encodable` too, and must not become base64 or arrays.)
    @discardableResult
    public func append(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws -> AppendStatus {
        append(try encoder.encode(value))
    }

    /// Tries again to write the lines that are waiting (also done by every `append`).
    @discardableResult
    public func retryPending() -> AppendStatus {
        pending.isEmpty && warning == nil ? .written : flush()
    }

    func flush() -> AppendStatus {
        guard fd >= 0 else { return failed("the log \(path) is closed") }
        if let problem = fileOutOfPlace() { return failed(problem) }
        var done = 0
        var failure: SystemCallError?
        for line in pending {
            failure = writeDurably(line)
            if failure != nil { break }
            done += 1
        }
        pending.removeFirst(done)
        if let failure { return failed("cannot write the log \(path): \(failure.reason)") }
        warning = nil
        return .written
    }

    /// The whole line, through partial writes, then fsync.
    func writeDurably(_ line: [UInt8]) -> SystemCallError? {
        let bytes = fileMayEndMidLine ? [0x0A] + line : line
        if let error = Self.writeFully(bytes, to: fd, fileSystem) {
            // Some of it may be in the file (even on EIO): assume a fragment.
            fileMayEndMidLine = true
            return error
        }
        fileMayEndMidLine = false
        // A failed fsync leaves the line pending: written again, it may stand twice
        // in the file, which the reader skips (better twice than lost).
        return fileSystem.fsync(fd)
    }

    /// One `write` after another until all of `bytes` is written or one fails.
    static func writeFully(_ bytes: [UInt8], to fd: Int32, _ fileSystem: any LogFileSystem) -> SystemCallError? {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                fileSystem.write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
            }
            switch result {
            case .success(let count) where count > 0: offset += count
            case .success: return SystemCallError("write", code: EIO)
            case .failure(let error): return error
            }
        }
        return nil
    }

    /// Whether the events would go into a file nobody can find any more.
    func fileOutOfPlace() -> String? {
        if fileRemoved { return removedWarning }
        switch fileSystem.identity(ofDescriptor: fd) {
        case .failure(let error): return "cannot check the log \(path): \(error.reason)"
        case .success(let current) where current.linkCount == 0:
            fileRemoved = true
        case .success:
            switch fileSystem.identity(ofPath: path) {
            case .success(let named) where named.isSameFile(as: identity): return nil
            case .success: fileRemoved = true
            case .failure(let error) where error.code == ENOENT: fileRemoved = true
            case .failure(let error): return "cannot check the log \(path): \(error.reason)"
            }
        }
        return removedWarning
    }

    var removedWarning: String {
        "the log \(path) was removed or replaced: events are kept in memory and saved elsewhere at the end"
    }

    func failed(_ reason: String) -> AppendStatus {
        let count = pending.count
        warning = "\(reason) (\(count) event\(count == 1 ? "" : "s") not yet saved)"
        return .pending(reason)
    }
}
