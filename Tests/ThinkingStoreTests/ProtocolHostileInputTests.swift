import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// Inputs built to crash, hang or exhaust a parser: each must come back quickly with a
/// diagnostic, never a crash.
@Suite struct ProtocolHostileInputTests {
    /// Runs `body` and expects it to take less than `limit`.
    func quickly<T>(_ limit: Duration = .seconds(1), _ body: () -> T) -> T {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = clock.measure { result = body() }
        #expect(elapsed < limit, "took \(elapsed)")
        return result!
    }

    @Test func tenThousandNestedFlowListsAreRefusedBeforeParsing() throws {
        let yaml =
            "name: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let found = quickly { diagnostics(yaml) }
        let first = try #require(found.first)
        #expect(first.message.hasPrefix("nesting is too deep"))
        #expect((first.line, first.column) == (1, 6 + ProtocolTextScan.maximumDepth))
    }

    @Test(arguments: ["{a: ", "[? ", "[\n", "- [", "{\"a\":"])
    func deeplyNestedFlowCollectionsOfEveryShapeAreRefused(_ opening: String) throws {
        let yaml = "name: " + String(repeating: opening, count: 10_000)
        let first = try #require(quickly { diagnostics(yaml) }.first)
        #expect(first.message.hasPrefix("nesting is too deep"), "got: \(first)")
    }

    @Test func deeplyNestedBlockListsAreRefused() throws {
        let dashes = (0..<400).map { String(repeating: " ", count: $0 * 2) + "-\n" }.joined()
        let compact = String(repeating: "- ", count: 5_000) + "x\n"
        for yaml in ["steps:\n" + dashes, "steps:\n" + compact] {
            let first = try #require(quickly { diagnostics(yaml) }.first)
            #expect(first.message.hasPrefix("nesting is too deep"), "got: \(first)")
        }
    }

    @Test func aMebibyteFileIsRefusedUnread() throws {
        let yaml = "name: " + String(repeating: "a", count: 1 << 20)
        let first = try #require(quickly { diagnostics(yaml) }.first)
        #expect(
            first.description
                == "test.yaml:1:1: the file is 1024 KiB, too large for a protocol (expected at most 256 KiB)"
        )
    }

    @Test func aMebibyteFileOnDiskIsRefusedWithoutReadingIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/big.yaml"
        try Data(repeating: UInt8(ascii: "a"), count: 1 << 20).write(to: URL(fileURLWithPath: path))
        let result = quickly { ProtocolLoader.load(path: path) }
        guard case .failure(let failure) = result else {
            Issue.record("a 1 MiB file was accepted")
            return
        }
        #expect(
            failure.diagnostics.map(\.message) == ["the file is 1024 KiB, too large for a protocol"]
        )
    }

    @Test func billionLaughsIsRefusedAtTheFirstAnchor() throws {
        var yaml =
            "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            yaml += "\(name): &\(name) [\(aliases)]\n"
        }
        yaml += "? *j\n: x\n"
        let found = quickly { diagnostics(yaml) }
        let first = try #require(found.first)
        #expect(first.message == "an anchor (&name) is not allowed in a protocol file")
        #expect((first.line, first.column) == (1, 4))
        #expect(found.contains { $0.message.hasPrefix("an alias (*name)") && $0.line == 2 })
    }

    @Test func textWithAmpersandsAndStarsInsideValuesIsFine() throws {
        let yaml = oneStep("round", "    question: \"*What* & why?\"\n")
            .replacingOccurrences(of: "title: T", with: "title: Q & A * 2 [draft")
        let step = try load(yaml).get().steps[0]
        #expect(step.title == "Q & A * 2 [draft")
        #expect(step.question == "*What* & why?")
    }

    @Test func bracketsAndAmpersandsInBlockAndMultiLineTextAreOnlyText() throws {
        let yaml = """
            name: Text
            summary: |
              [[[[ &not-an-anchor *nor-an-alias {{{{
                - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
            steps:
              - kind: round
                title: "A title that goes on [ & on
                  over two lines"
                question: 'It''s [fine'
                components: [Ease]
            """
        let definition = try load(yaml).get()
        #expect(definition.summary.hasPrefix("[[[[ &not-an-anchor"))
        #expect(definition.steps[0].title == "A title that goes on [ & on over two lines")
        #expect(definition.steps[0].question == "It's [fine")
    }

    @Test func invalidUTF8IsReportedAtItsByte() throws {
        let bytes = Array("name: T\nsummary: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        guard
            case .failure(let failure) = ProtocolLoader.load(bytes: bytes, id: "t", file: "t.yaml")
        else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(
            failure.description
                == "t.yaml:2:13: invalid UTF-8 (byte 0xC3): this is not a text file (expected a YAML text file in UTF-8)"
        )
    }

    @Test func controlCharactersAreRefused() throws {
        let first = try #require(diagnostics("name: T\u{1B}[31m\n").first)
        #expect((first.line, first.column) == (1, 8))
        #expect(first.message == "control character 0x1B: this is not a text file")
    }

    @Test(arguments: 0..<200)
    func randomBytesNeverCrashAndAreNeverAccepted(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = Int(generator.next() % 4096)
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = quickly { ProtocolLoader.load(bytes: bytes, id: "noise", file: "noise.yaml") }
        guard case .failure(let failure) = result else {
            Issue.record("random bytes were accepted as a protocol")
            return
        }
        #expect(!failure.diagnostics.isEmpty)
        #expect(failure.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
    }

    @Test(arguments: 0..<100)
    func shuffledLinesOfARealProtocolNeverCrash(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Protocols/council.yaml"),
            encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.shuffle(using: &generator)
        let cut = Int(generator.next() % UInt64(lines.count))
        let result = quickly { load(lines[..<cut].joined(separator: "\n")) }
        if case .failure(let failure) = result {
            #expect(failure.diagnostics.allSatisfy { $0.line <= cut + 1 })
        }
    }

    @Test func aFileFullOfMistakesSaysTheFirstFiftyThenHowManyMore() {
        let steps = (0..<80).map { _ in "  - kind: dance\n    title: D\n    components: [Ease]\n" }
        let found = diagnostics(header + steps.joined())
        #expect(found.count == DiagnosticList.limit + 1)
        #expect(found.last?.message == "30 more problems not shown")
    }
}

/// A small seeded generator, so a failing random case can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A folder under the system's temporary directory, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("thinkenv-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// How many cases a fuzz test runs: all of them in CI (`THINKENV_FUZZ=full`, as `.ci/run`
/// sets), a tenth in a plain `swift test`, so that the suite runs at a speed people run.
enum Fuzz {
    static func cases(full: Int) -> Int {
        ProcessInfo.processInfo.environment["THINKENV_FUZZ"] == "full" ? full : max(1, full / 10)
    }
}
