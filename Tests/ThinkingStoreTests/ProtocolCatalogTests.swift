import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite struct ProtocolCatalogTests {
    let validRound = """
        name: Our opening round
        summary: What is going well, in our own words.
        steps:
          - kind: round
            title: Opening round
            question: What is going well?
            turn: 2m
            components: [Attention, Appreciation]
        """

    @Test func withoutAUserDirectoryTheCatalogHoldsTheBuiltIns() throws {
        let catalog = ProtocolCatalog(environment: [:])
        #expect(catalog.userDirectory == nil)
        #expect(
            catalog.entries.map(\.id) == [
                "council", "dialogue", "open-discussion", "round", "thinking-pairs", "thinking-partnership",
                "timed-talk", "transforming-meeting",
            ])
        #expect(catalog.entries.allSatisfy { $0.source == .builtIn && $0.definition != nil })
        #expect(catalog.problems.isEmpty)
        #expect(try catalog.resolve("council").get().steps.count == 9)
    }

    @Test func userDirectoryFollowsXDGThenHome() {
        #expect(
            ProtocolCatalog.userDirectory(["XDG_CONFIG_HOME": "/c", "HOME": "/h"])
                == "/c/thinkenv/protocols")
        #expect(ProtocolCatalog.userDirectory(["HOME": "/h"]) == "/h/.config/thinkenv/protocols")
        #expect(
            ProtocolCatalog.userDirectory(["XDG_CONFIG_HOME": "relative", "HOME": "/h"])
                == "/h/.config/thinkenv/protocols")
    }

    @Test func aUserFileReplacesTheBuiltInOfTheSameIdAndAddsItsOwn() throws {
        let config = try TemporaryFolder()
        try config.write("thinkenv/protocols/round.yaml", validRound)
        try config.write(
            "thinkenv/protocols/check-in.yaml",
            validRound.replacingOccurrences(of: "Our opening round", with: "Check-in"))
        try config.write("thinkenv/protocols/notes.txt", "not a protocol")
        let catalog = ProtocolCatalog(environment: [
            "XDG_CONFIG_HOME": config.path, "HOME": "/nowhere",
        ])
        #expect(
            catalog.entries.map(\.id) == EmbeddedProtocols.files.map(\.id).sorted().filter { $0 != "round" } + [
                "check-in", "round",
            ])
        let round = try #require(catalog.entry(id: "round"))
        #expect(round.source == .user(path: config.path + "/thinkenv/protocols/round.yaml"))
        #expect(round.replacesBuiltIn)
        #expect(try catalog.resolve("round").get().name == "Our opening round")
        #expect(catalog.entry(id: "check-in")?.replacesBuiltIn == false)
    }

    @Test func anInvalidUserFileIsReportedAndTheOthersStillLoad() throws {
        let config = try TemporaryFolder()
        try config.write(
            "thinkenv/protocols/broken.yaml",
            "name: Broken\nsummary: S\nsteps:\n  - kind: round\n    titel: R\n")
        try config.write("thinkenv/protocols/binary.yaml", "\u{0}\u{1}\u{2}")
        try config.write("thinkenv/protocols/mine.yaml", validRound)
        let catalog = ProtocolCatalog(environment: [
            "HOME": config.path + "/home", "XDG_CONFIG_HOME": config.path,
        ])
        #expect(catalog.entry(id: "mine")?.definition != nil)
        #expect(catalog.entry(id: "council")?.definition != nil)
        let broken = try #require(catalog.entry(id: "broken"))
        #expect(broken.definition == nil)
        let file = config.path + "/thinkenv/protocols/broken.yaml"
        let descriptions = catalog.problems.map(\.description)
        #expect(descriptions.contains("\(file):5:5: unknown key 'titel' (expected 'title')"))
        #expect(
            descriptions.contains {
                $0.hasSuffix(
                    "binary.yaml:1:1: NUL byte: this is not a text file (expected a YAML text file)"
                )
            })
        guard case .failure(let failure) = catalog.resolve("broken") else {
            Issue.record("an invalid protocol resolved")
            return
        }
        #expect(failure.diagnostics.first?.file == file)
    }

    @Test func anInvalidUserOverrideDoesNotFallBackToTheBuiltIn() throws {
        let config = try TemporaryFolder()
        try config.write("thinkenv/protocols/council.yaml", "name: Council\n")
        let catalog = ProtocolCatalog(environment: ["XDG_CONFIG_HOME": config.path])
        guard case .failure(let failure) = catalog.resolve("council") else {
            Issue.record("the built-in council ran instead of the user's broken one")
            return
        }
        #expect(failure.diagnostics.map(\.message).contains("the protocol has no 'summary'"))
    }

    @Test func aPathIsLoadedDirectlyAndItsStemIsTheId() throws {
        let folder = try TemporaryFolder()
        try folder.write("Team Day.yaml", validRound)
        let catalog = ProtocolCatalog(environment: [:])
        let definition = try catalog.resolve(folder.path + "/Team Day.yaml").get()
        #expect(definition.id == "Team Day")
        guard case .failure(let missing) = catalog.resolve(folder.path + "/absent.yaml") else {
            Issue.record("a missing file resolved")
            return
        }
        #expect(missing.diagnostics.first?.message.hasPrefix("cannot read the file") == true)
        guard case .failure(let directory) = catalog.resolve(folder.path + "/") else {
            Issue.record("a directory resolved")
            return
        }
        #expect(directory.diagnostics.first?.message == "not a regular file")
    }

    @Test func anUnknownNameSuggestsTheNearestProtocol() {
        let catalog = ProtocolCatalog(environment: [:])
        guard case .failure(let failure) = catalog.resolve("councel") else {
            Issue.record("an unknown name resolved")
            return
        }
        #expect(
            failure.description == "councel:1:1: no protocol with this name (expected 'council')")
    }
}
