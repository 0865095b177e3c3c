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
