import Foundation
import Testing
import ThinkingTUI

@testable import ThinkingFonts

/// Names set in the helper process come back exactly as set in-process.
@Suite("Names set in a helper process", .serialized)
struct HelperLetteringTests {
    static let local = FontLettering()
    static let names = ["Zoë", "李", "محمد", "प्रिया", "🦊 Fox", "Maria-Carmen Fernández-López"]

    @Test func whatIsSentBackReadsAsWhatWasSet() throws {
        for name in Self.names {
            let set = try #require(Self.local.set(name, pixelSize: 30))
            let line = HelperLettering.format(set)
            #expect(line.hasSuffix("\n"))
            #expect(HelperLettering.parse(String(line.dropLast())) == set, "\(name)")
        }
        #expect(HelperLettering.format(nil) == "-\n")
        #expect(HelperLettering.parse("-") == nil)
        #expect(HelperLettering.parse("3 2 0 zz 0") == nil)  // not hexadecimal
        #expect(HelperLettering.parse("300 200 0 ff 0") == nil)  // fewer bits than pixels
        #expect(Hex.decode(Hex.encode([])) == [] && Hex.decode(Hex.encode([0, 171, 255])) == [0, 171, 255])
    }

    @Test func withoutAHelperNamesAreSetInThisProcess() throws {
        let lettering = HelperLettering(executable: "/nonexistent/thinkenv")
        for name in Self.names {
            #expect(lettering.set(name, pixelSize: 24) == Self.local.set(name, pixelSize: 24))
        }
    }

    /// A helper that starts and never answers costs the screen one wait (3 s), not one per
    /// attempt; the name is then set in this process, and so are the next ones, at once.
    @Test func aSilentHelperIsWaitedForOnce() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("silent-helper-\(getpid()).sh")
        try "#!/bin/sh\nexec sleep 30\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        chmod(script.path, 0o700)
        let lettering = HelperLettering(executable: script.path)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(lettering.set("Zoë", pixelSize: 24) == Self.local.set("Zoë", pixelSize: 24))
        let waited = clock.now - started
        #expect(waited >= .seconds(2) && waited < .seconds(5), "\(waited)")
        let next = clock.now
        #expect(lettering.set("李", pixelSize: 24) == Self.local.set("李", pixelSize: 24))
        #expect(clock.now - next < .seconds(2))
    }

    /// The built program beside the tests (`swift build` puts both in one folder).
    @Test func theProgramsHelperSetsNamesAsThisProcessWould() throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("thinkenv").path }
        guard let program = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            // Only the tests were built: the in-process path above is what runs.
            return
        }
        let lettering = HelperLettering(executable: program)
        for name in Self.names {
            #expect(lettering.set(name, pixelSize: 28) == Self.local.set(name, pixelSize: 28), "\(name)")
        }
    }
}
