import Foundation
import ThinkingCore

/// One process writes a session: the writer holds an exclusive `flock` on the log itself.
///
/// The kernel ties the lock to the open file and drops it when the process ends, however it
/// ends (`kill -9`, a closed terminal, lost power), so no pid file can go stale and the next
/// `resume` needs no cleanup. Readers (`display`, `show`, `export`, `review`) open the log
/// read-only and never ask for the lock.
public enum WriterLock {
    /// Who holds a session open, as its heartbeat says.
    public struct Holder: Equatable, Sendable {
        public var pid: Int32?
        /// When it opened the session.
        public var since: WallTime?
    }

    /// Takes the lock on an open log without waiting. Nil when taken; the holder when another
    /// process has the session open.
    static func take(_ fd: Int32, path: String) throws(SystemCallError) -> Holder? {
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK {
                let beat = Heartbeat.read(forLog: path)
                return Holder(pid: beat?.pid, since: beat?.openedAt)
            }
            throw .last("flock", path: path)
        }
        return nil
    }

    /// Opens a log for appending (and reading), creating it (0600) when `create` and it is
    /// missing, and takes the writer's lock. Only a regular file of ours, never through a link.
    static func open(_ path: String, create: Bool) throws(OpenFailure) -> Int32 {
        var fd: Int32
        do {
            fd = try PrivateFiles.openOwn(
                path, O_RDWR | O_APPEND | (create ? O_CREAT | O_EXCL : 0), mode: PrivateFiles.fileMode)
            if create { fchmod(fd, PrivateFiles.fileMode) }
        } catch let error where create && error.code == EEXIST {
            return try open(path, create: false)  // someone made it meanwhile: theirs to hold
        } catch {
            throw .system(error)
        }
        let holder: Holder?
        do {
            holder = try take(fd, path: path)
        } catch {
            Glibc.close(fd)
            throw .system(error)
        }
        if let holder {
            Glibc.close(fd)
            throw .held(holder)
        }
        return fd
    }

    enum OpenFailure: Error {
        case held(Holder)
        case system(SystemCallError)
    }
}
