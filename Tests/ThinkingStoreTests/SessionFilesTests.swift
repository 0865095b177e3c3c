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
