import Glibc  // Linux only (see docs/DECISIONS.md)

/// What a file is, as far as the log writer needs to know: which inode, how many
/// names it has, how long it is.
public struct FileIdentity: Equatable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let linkCount: UInt64
    public let size: Int64

    public func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// The few system calls the log writer makes on an open log, behind a protocol so
/// that tests can make any of them fail (`FailingFileSystem` in the tests).
public protocol LogFileSystem {
    /// One `write(2)`: the number of bytes written (possibly fewer than asked).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemCallError>
    func fsync(_ fd: Int32) -> SystemCallError?
    func identity(ofDescriptor fd: Int32) -> Result<FileIdentity, SystemCallError>
    func identity(ofPath path: String) -> Result<FileIdentity, SystemCallError>
    func close(_ fd: Int32)
}

/// The real thing: POSIX calls, retried on EINTR.
public struct PosixFileSystem: LogFileSystem, Sendable {
    public init() {}

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return .success(n) }
            if errno != EINTR { return .failure(.last("write")) }
        }
    }

    public func fsync(_ fd: Int32) -> SystemCallError? {
        while true {
            let status = Glibc.fsync(fd)
            if status == 0 { return nil }
            if errno != EINTR { return .last("fsync") }
        }
    }

    public func identity(ofDescriptor fd: Int32) -> Result<FileIdentity, SystemCallError> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.last("fstat")) }
        return .success(FileIdentity(info))
    }

    public func identity(ofPath path: String) -> Result<FileIdentity, SystemCallError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.last("stat", path: path)) }
        return .success(FileIdentity(info))
    }

    public func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}

extension FileIdentity {
    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            linkCount: UInt64(info.st_nlink), size: Int64(info.st_size))
    }
}
