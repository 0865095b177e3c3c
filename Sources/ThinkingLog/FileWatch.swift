import Foundation

/// Linux inotify on one file: a descriptor that becomes readable when the file is written
/// to (or replaced), for a loop to wait on with `poll` together with its other inputs.
/// Reading the file is the follower's business; this only says "look again".
public final class FileWatch {
    /// The inotify descriptor, to poll for `POLLIN`.
    public let descriptor: Int32

    /// Watches `path`; nil when inotify is not available (the caller then waits a bounded time).
    public init?(path: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_MOVE_SELF | IN_DELETE_SELF)
        guard inotify_add_watch(fd, path, mask) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads the pending events (their content does not matter), so the next poll waits again.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
