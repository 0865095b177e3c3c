import Foundation
import Testing

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite struct SessionFilesTests {
    static let names = [
        "2026-11-22T10-04-12Z-round.jsonl", "2026-11-22T10-04-12Z-round-2.jsonl",
        "2026-11-21T09-00-00Z-council.jsonl", "2026-11-22T14-30-00Z-pair.jsonl",
    ]

    func directory(with names: [String] = names) throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory()
        for name in names { writeFile(temp.sub(name), "") }
        writeFile(temp.sub("notes.txt"), "")
        return temp
    }

    @Test func listIsNewestFirstAndOnlyLogs() throws {
        let temp = try directory()
        #expect(
            SessionFiles.list(in: temp.path).map(\.name) == [
                "2026-11-22T14-30-00Z-pair.jsonl", "2026-11-22T10-04-12Z-round-2.jsonl",
                "2026-11-22T10-04-12Z-round.jsonl", "2026-11-21T09-00-00Z-council.jsonl",
            ])
        #expect(SessionFiles.list(in: temp.sub("missing")) == [])
    }

    @Test func resolveByLatestNameStemOrPrefix() throws {
        let temp = try directory()
        let dir = temp.path
        #expect(try SessionFiles.resolve("latest", in: dir).name == "2026-11-22T14-30-00Z-pair.jsonl")
        #expect(
            try SessionFiles.resolve("2026-11-22T10-04-12Z-round.jsonl", in: dir).path
                == temp.sub("2026-11-22T10-04-12Z-round.jsonl"))
        #expect(
            try SessionFiles.resolve("2026-11-22T10-04-12Z-round", in: dir).name
                == "2026-11-22T10-04-12Z-round.jsonl")
        #expect(try SessionFiles.resolve("2026-11-21", in: dir).name == "2026-11-21T09-00-00Z-council.jsonl")
        #expect(try SessionFiles.resolve(temp.sub("notes.txt"), in: dir).name == "notes.txt")
    }

    @Test func anAmbiguousPrefixListsTheCandidates() throws {
        let temp = try directory()
        #expect(
            throws: SessionFiles.LookupError.ambiguous(
                reference: "2026-11-22T10",
                candidates: [
                    "2026-11-22T10-04-12Z-round-2.jsonl", "2026-11-22T10-04-12Z-round.jsonl",
                ])
        ) { try SessionFiles.resolve("2026-11-22T10", in: temp.path) }
    }

    @Test func missingSessionsAreNamedErrors() throws {
        let empty = try directory(with: [])
        #expect(throws: SessionFiles.LookupError.noSessions(directory: empty.path)) {
            try SessionFiles.resolve("latest", in: empty.path)
        }
        let full = try directory()
        #expect(throws: SessionFiles.LookupError.notFound(reference: "2025")) {
            try SessionFiles.resolve("2025", in: full.path)
        }
        #expect(throws: SessionFiles.LookupError.notFound(reference: "/no/such/file.jsonl")) {
            try SessionFiles.resolve("/no/such/file.jsonl", in: full.path)
        }
    }
}

/// Deleting a session takes everything of it: a fallback file left in HOME or TMPDIR would
/// keep what was said (and bring the session back into the list).
@Suite struct SessionDeleteTests {
    static let name = "2026-11-22T10-04-12Z-round.jsonl"

    func store() throws -> (temp: TemporaryDirectory, sessions: String, aside: String) {
        let temp = try TemporaryDirectory()
        let sessions = temp.sub("sessions"), aside = temp.sub("home")
        try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        writeFile(sessions + "/" + Self.name, "{\"format\":1}\n")
        writeFile(sessions + "/" + Self.name + ".alive", "{}")
        writeFile(aside + "/thinkenv-unsaved-2026-11-22T10-04-12Z-round.jsonl", "{\"seq\":9}\n")
        writeFile(aside + "/thinkenv-unsaved-2026-11-22T10-04-12Z-round~2.jsonl", "{\"seq\":10}\n")
        writeFile(aside + "/thinkenv-unsaved-2026-11-23T08-00-00Z-round.jsonl", "{\"seq\":1}\n")
        return (temp, sessions, aside)
    }

    @Test func theLogItsHeartbeatAndItsFallbacksGoTogether() throws {
        let (temp, sessions, aside) = try store()
        let file = try #require(
            SessionFiles.scan(sessions, fallbackDirectories: [aside]).files.first { $0.name == Self.name })
        #expect(file.fallbacks.count == 2)
        try SessionFiles.delete(file)
        let left =
            try FileManager.default.contentsOfDirectory(atPath: sessions)
            + FileManager.default.contentsOfDirectory(atPath: aside)
        #expect(left == ["thinkenv-unsaved-2026-11-23T08-00-00Z-round.jsonl"], "another session's fallback stays")
        _ = temp
    }

    @Test func aSessionBeingRunIsLeftAlone() throws {
        let (temp, sessions, aside) = try store()
        let path = sessions + "/" + Self.name
        let writer = open(path, O_RDWR)
        defer { close(writer) }
        #expect(flock(writer, LOCK_EX | LOCK_NB) == 0)
        let file = try #require(
            SessionFiles.scan(sessions, fallbackDirectories: [aside]).files.first { $0.name == Self.name })
        #expect(throws: SessionFiles.DeleteFailure.self) { try SessionFiles.delete(file) }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: aside).count == 3)
        _ = temp
    }

    @Test func aLinkInTheLogsPlaceIsRefusedAndItsTargetKept() throws {
        let (temp, sessions, _) = try store()
        let path = sessions + "/" + Self.name
        let target = temp.sub("precious.txt")
        writeFile(target, "not a session")
        unlink(path)
        symlink(target, path)
        do {
            try SessionFiles.delete(SessionFile(name: Self.name, path: path))
            Issue.record("a link was deleted through")
        } catch {
            #expect(error.description.contains("a symbolic link"))
        }
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func aFallbackWhoseLogIsGoneIsDeletedToo() throws {
        let (temp, sessions, aside) = try store()
        unlink(sessions + "/" + Self.name)
        let fallback = aside + "/thinkenv-unsaved-2026-11-22T10-04-12Z-round.jsonl"
        try SessionFiles.delete(SessionFile(name: Self.name, path: sessions + "/" + Self.name, fallbacks: [fallback]))
        #expect(!FileManager.default.fileExists(atPath: fallback))
        _ = temp
    }
}
