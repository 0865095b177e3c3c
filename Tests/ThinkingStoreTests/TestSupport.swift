import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// A fresh directory under /tmp, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/thinkenv-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw SystemCallError.last("mkdtemp") }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func sub(_ name: String) -> String { path + "/" + name }

    /// HOME and the XDG variables all under this directory; HOME exists.
    var environment: [String: String] {
        try? FileManager.default.createDirectory(atPath: sub("home"), withIntermediateDirectories: true)
        return ["HOME": sub("home"), "XDG_DATA_HOME": sub("data"), "TMPDIR": sub("no-such-tmp")]
    }

    var paths: StorePaths { get throws { try StorePaths(environment: environment) } }
}

/// The real file system, except that chosen calls fail with a chosen errno or
/// write only part of what they are given.
final class FailingFileSystem: LogFileSystem {
    private let real = PosixFileSystem()
    private(set) var writeCalls = 0
    private(set) var fsyncCalls = 0
    /// Write call number (from 1) → errno for that call.
    var failingWrites: [Int: Int32] = [:]
    /// Every write from this call number on fails with this errno.
    var failAllWrites: (from: Int, code: Int32)?
    /// Write call number → how many bytes that call really writes.
    var shortWrites: [Int: Int] = [:]
    /// Fsync call number (from 1) → errno.
    var failingFsyncs: [Int: Int32] = [:]

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
        writeCalls += 1
        if let code = failingWrites[writeCalls] { return .failure(SystemCallError("write", code: code)) }
        if let rule = failAllWrites, writeCalls >= rule.from {
            return .failure(SystemCallError("write", code: rule.code))
        }
        if let count = shortWrites[writeCalls] {
            return real.write(fd, UnsafeRawBufferPointer(rebasing: bytes.prefix(count)))
        }
        return real.write(fd, bytes)
    }

    func fsync(_ fd: Int32) -> SystemCallError? {
        fsyncCalls += 1
        if let code = failingFsyncs[fsyncCalls] { return SystemCallError("fsync", code: code) }
        return real.fsync(fd)
    }

    func identity(ofDescriptor fd: Int32) -> Result<FileIdentity, SystemCallError> { real.identity(ofDescriptor: fd) }
    func identity(ofPath path: String) -> Result<FileIdentity, SystemCallError> { real.identity(ofPath: path) }
    func close(_ fd: Int32) { real.close(fd) }
}

/// `{"seq":7,"type":"turnStarted"}`
func event(_ seq: Int) -> [UInt8] { Array(#"{"seq":\#(seq),"type":"turnStarted"}"#.utf8) }

func seqs(_ contents: LogContents) throws -> [Int] {
    struct Seq: Decodable { let seq: Int }
    return try LogReader.decode(Seq.self, from: contents).map(\.seq)
}

func mode(of path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0o7777 }
    return info.st_mode & 0o777
}

func writeFile(_ path: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

let startOfMeeting = WallTime(milliseconds: 1_795_341_852_000)  // 2026-11-22T10:04:12Z
