import Glibc

extension SessionFiles {
    /// Why a session could not be deleted.
    public enum DeleteFailure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Another process writes the session now.
        case inUse(WriterLock.Holder)
        case system(SystemCallError)

        public var description: String {
            switch self {
            case .inUse(let holder):
                "it is being run now\(holder.pid.map { " (process \($0))" } ?? ""): end it there first"
            case .system(let error): error.description
            }
        }
    }

    /// Deletes a session for good: its log, its heartbeat and every fallback file holding
    /// lines of it (left behind, they would bring the session back, or keep what was said in
    /// HOME or TMPDIR). Refused while another process writes it; the writer's lock is held
    /// while the files go, so no `resume` opens it meanwhile. Only files of ours are touched:
    /// the log is opened without following a link, and a link in its place is refused.
    public static func delete(_ file: SessionFile) throws(DeleteFailure) {
        var fd: Int32 = -1
        do {
            fd = try PrivateFiles.openOwn(file.path, O_RDONLY)
        } catch let error where error.code == ENOENT {
            fd = -1  // the log is gone; its fallbacks may not be
        } catch {
            throw .system(error)
        }
        defer { if fd >= 0 { close(fd) } }
        if fd >= 0 {
            let holder: WriterLock.Holder?
            do {
                holder = try WriterLock.take(fd, path: file.path)
            } catch {
                throw .system(error)
            }
            if let holder { throw .inUse(holder) }
        }
        for path in (fd >= 0 ? [file.path] : []) + [Heartbeat.path(forLog: file.path)] + file.fallbacks {
            guard unlink(path) == 0 || errno == ENOENT else {
                throw .system(.last("unlink", path: path))
            }
        }
        // The deletion itself made durable, as the log's creation was.
        if let slash = file.path.lastIndex(of: "/") {
            try? PrivateFiles.syncDirectory(String(file.path[..<slash]))
        }
    }
}
