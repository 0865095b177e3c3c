import Foundation
import Testing

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// The umask is the whole process's: these tests run one at a time, and put it back.
@Suite(.serialized) struct PermissionTests {
    func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let saved = umask(mask)
        defer { umask(saved) }
        return try body()
    }

    @Test(arguments: [mode_t(0o000), mode_t(0o077), mode_t(0o022), mode_t(0o277)])
    func modesDoNotDependOnTheUmask(mask: mode_t) throws {
        let temp = try TemporaryDirectory()
        let paths = try temp.paths
        let writer = try withUmask(mask) {
            try LogWriter.create(protocolID: "round", startedAt: startOfMeeting, paths: paths)
        }
        #expect(mode(of: paths.dataDirectory) == 0o700)
        #expect(mode(of: paths.sessionsDirectory) == 0o700)
        #expect(mode(of: writer.path) == 0o600)
        #expect(mode(of: temp.sub("data")) == 0o700)  // a missing XDG_DATA_HOME, as the spec asks
        #expect(writer.close() == .closed)
    }

    @Test func aLooseSessionsDirectoryIsTightened() throws {
        let temp = try TemporaryDirectory()
        let paths = try temp.paths
        try withUmask(0) {
            try FileManager.default.createDirectory(atPath: paths.sessionsDirectory, withIntermediateDirectories: true)
        }
        chmod(paths.dataDirectory, 0o755)
        chmod(paths.sessionsDirectory, 0o777)
        let writer = try LogWriter.create(protocolID: "pair", startedAt: startOfMeeting, paths: paths)
        #expect(mode(of: paths.dataDirectory) == 0o700)
        #expect(mode(of: paths.sessionsDirectory) == 0o700)
        #expect(writer.close() == .closed)
    }

    @Test func aSessionsPathThatIsAFileIsRefused() throws {
        let temp = try TemporaryDirectory()
        let paths = try temp.paths
        try FileManager.default.createDirectory(atPath: paths.dataDirectory, withIntermediateDirectories: true)
        writeFile(paths.sessionsDirectory, "not a directory")
        #expect(throws: SystemCallError.self) { try PrivateFiles.prepareSessionsDirectory(paths) }
    }

    @Test func theFallbackFileIsPrivateUnderAnOpenUmask() throws {
        let temp = try TemporaryDirectory()
        let failing = FailingFileSystem()
        failing.failAllWrites = (from: 2, code: ENOSPC)
        let outcome = try withUmask(0) {
            let writer = try LogWriter.create(
                protocolID: "round", startedAt: startOfMeeting, paths: try temp.paths, fileSystem: failing)
            writer.append(event(1))
            writer.append(event(2))
            return writer.close()
        }
        guard case .savedToFallback(let path, _) = outcome else {
            Issue.record("expected a fallback file, got \(outcome)")
            return
        }
        #expect(mode(of: path) == 0o600)
    }
}
