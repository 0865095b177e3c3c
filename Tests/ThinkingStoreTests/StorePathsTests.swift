import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite struct StorePathsTests {
    @Test func defaultsLiveUnderHome() throws {
        let paths = try StorePaths(environment: ["HOME": "/home/ada"])
        #expect(paths.sessionsDirectory == "/home/ada/.local/share/thinkenv/sessions")
        #expect(paths.dataDirectory == "/home/ada/.local/share/thinkenv")
        #expect(paths.configDirectory == "/home/ada/.config/thinkenv")
        #expect(paths.fallbackDirectories == ["/home/ada", "/tmp"])
    }

    @Test func xdgVariablesOverrideTheDefaults() throws {
        let paths = try StorePaths(environment: [
            "HOME": "/home/ada", "XDG_DATA_HOME": "/data/", "XDG_CONFIG_HOME": "/etc/ada", "TMPDIR": "/scratch",
        ])
        #expect(paths.sessionsDirectory == "/data/thinkenv/sessions")
        #expect(paths.configDirectory == "/etc/ada/thinkenv")
        #expect(paths.fallbackDirectories == ["/home/ada", "/scratch"])
    }

    @Test(arguments: ["", "relative/data", "./data"])
    func emptyOrRelativeXDGIsIgnored(value: String) throws {
        let paths = try StorePaths(environment: ["HOME": "/home/ada", "XDG_DATA_HOME": value, "XDG_CONFIG_HOME": value])
        #expect(paths.sessionsDirectory == "/home/ada/.local/share/thinkenv/sessions")
        #expect(paths.configDirectory == "/home/ada/.config/thinkenv")
    }

    @Test func noHomeAndNoXDGIsAnError() {
        #expect(throws: StorePaths.Failure.noHomeDirectory) { try StorePaths(environment: [:]) }
        #expect(throws: StorePaths.Failure.noHomeDirectory) {
            try StorePaths(environment: ["XDG_DATA_HOME": "/data"])  // config home still unknown
        }
    }

    @Test func sessionFileNamesSayWhenAndWhat() {
        #expect(
            StorePaths.sessionFileName(protocolID: "round", startedAt: startOfMeeting)
                == "2026-11-22T10-04-12Z-round.jsonl")
        #expect(
            StorePaths.sessionFileName(protocolID: "round", startedAt: startOfMeeting, attempt: 3)
                == "2026-11-22T10-04-12Z-round-3.jsonl")
        #expect(
            StorePaths.sessionFileName(protocolID: "pair", startedAt: WallTime(milliseconds: 900))
                == "1970-01-01T00-00-00Z-pair.jsonl")
    }

    @Test(arguments: [
        ("round", "round"), ("Thinking Pair", "thinking-pair"), ("../../etc/passwd", "etc-passwd"),
        ("Café--Council!", "caf-council"), ("日本", "session"), ("", "session"),
    ])
    func protocolIDsAreSanitised(id: String, expected: String) {
        #expect(StorePaths.sanitisedID(id) == expected)
    }

    @Test func aTakenNameGetsASuffix() throws {
        let temp = try TemporaryDirectory()
        let paths = try temp.paths
        let first = try LogWriter.create(protocolID: "round", startedAt: startOfMeeting, paths: paths)
        let second = try LogWriter.create(protocolID: "round", startedAt: startOfMeeting, paths: paths)
        let third = try LogWriter.create(protocolID: "round", startedAt: startOfMeeting, paths: paths)
        #expect(first.path == paths.sessionsDirectory + "/2026-11-22T10-04-12Z-round.jsonl")
        #expect(second.path == paths.sessionsDirectory + "/2026-11-22T10-04-12Z-round-2.jsonl")
        #expect(third.path == paths.sessionsDirectory + "/2026-11-22T10-04-12Z-round-3.jsonl")
        #expect([first.close(), second.close(), third.close()] == [.closed, .closed, .closed])
    }
}
