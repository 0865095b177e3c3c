import Foundation

/// Directories and files only their owner can read, whatever the umask: modes are
/// set with chmod/fchmod after creation, not left to the umask.
public enum PrivateFiles {
    public static let directoryMode: mode_t = 0o700
    public static let fileMode: mode_t = 0o600

    /// Creates the sessions directory and its missing parents (0700, as the XDG
    /// spec asks), and sets the `thinkenv` and `sessions` directories to 0700 even
    /// if they already existed with looser modes.
    @discardableResult
    public static func prepareSessionsDirectory(_ paths: StorePaths) throws(SystemCallError) -> String {
        try makeDirectories(paths.sessionsDirectory)
        try makePrivate(directory: paths.dataDirectory)
        try makePrivate(directory: paths.sessionsDirectory)
        return paths.sessionsDirectory
    }

    /// `mkdir -p`, each new directory 0700.
    static func makeDirectories(_ path: String) throws(SystemCallError) {
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, directoryMode) == 0 {
                guard chmod(prefix, directoryMode) == 0 else { throw .last("chmod", path: prefix) }
            } else {
                let code = errno
                if code != EEXIST, !isDirectory(prefix) {
                    throw SystemCallError("mkdir", path: prefix, code: code)
                }
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// A directory of ours, 0700; refuses one owned by someone else or not a directory.
    static func makePrivate(directory path: String) throws(SystemCallError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .last("lstat", path: path) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw SystemCallError("open directory", path: path, code: ENOTDIR)
        }
        guard info.st_uid == geteuid() else { throw SystemCallError("own directory", path: path, code: EPERM) }
        if info.st_mode & 0o777 != directoryMode, chmod(path, directoryMode) != 0 {
            throw .last("chmod", path: path)
        }
    }

    /// Creates `directory/name` that did not exist (O_EXCL), 0600, opened for appending (and
    /// reading: a writer whose file was removed reads it back through the descriptor).
    /// `name(n)` gives the n-th candidate: a taken name moves on to the next one.
    public static func createExclusive(
        in directory: String, name: (Int) -> String, maxAttempts: Int = 1000
    ) throws(SystemCallError) -> (fd: Int32, path: String) {
        for attempt in 1...maxAttempts {
            let path = StorePaths.join(directory, name(attempt))
            let fd = open(path, O_CREAT | O_EXCL | O_APPEND | O_RDWR | O_CLOEXEC | O_NOFOLLOW, fileMode)
            if fd >= 0 {
                guard fchmod(fd, fileMode) == 0 else {
                    let failure = SystemCallError.last("fchmod", path: path)
                    close(fd)
                    throw failure
                }
                return (fd, path)
            }
            if errno != EEXIST { throw .last("open", path: path) }
        }
        throw SystemCallError("open", path: StorePaths.join(directory, name(maxAttempts)), code: EEXIST)
    }

    /// Flushes a directory's entries, so that a file just created in it survives a
    /// power cut too.
    public static func syncDirectory(_ path: String) throws(SystemCallError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .last("open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .last("fsync", path: path) }
    }
}

extension PrivateFiles {
    /// Writes `data` to `path`, replacing the file, readable by its owner only (an export holds
    /// the same names and notes as the log).
    public static func write(_ data: Data, toPath path: String) throws(SystemCallError) {
        let temporary = path + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw SystemCallError.last("open", path: temporary) }
        defer { Glibc.close(fd) }
        fchmod(fd, fileMode)
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            let error = SystemCallError.last("write", path: temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = SystemCallError.last("rename", path: path)
            unlink(temporary)
            throw error
        }
    }
}

// MARK: - Opening a file of ours

extension PrivateFiles {
    /// Opens a file of ours: never through a symbolic link (`O_NOFOLLOW`), and only a regular
    /// file owned by this user; anything else is refused, saying what it is. (`O_NONBLOCK`, which
    /// changes nothing for a regular file, keeps a FIFO planted in its place from blocking.)
    public static func openOwn(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(SystemCallError) -> Int32 {
        let fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode)
        guard fd >= 0 else {
            if errno == ELOOP { throw SystemCallError("open", path: path, code: ELOOP, detail: "a symbolic link") }
            throw .last("open", path: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = SystemCallError.last("fstat", path: path)
            Glibc.close(fd)
            throw failure
        }
        if let problem = problem(with: info) {
            Glibc.close(fd)
            throw SystemCallError("open", path: path, code: EPERM, detail: problem)
        }
        return fd
    }

    /// Why a file is not one of ours, as `stat`/`lstat` describe it; nil when it is.
    public static func problem(with info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: break
        case S_IFDIR: return "a directory"
        default: return "not a regular file"
        }
        guard info.st_uid == geteuid() else { return "owned by another user" }
        return nil
    }

    /// Why the file at `path` (not followed) is not one of ours; nil when it is, or is missing.
    public static func problem(atPath path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return problem(with: info)
    }
}
