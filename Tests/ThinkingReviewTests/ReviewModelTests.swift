import Foundation
import Testing
import ThinkingCore
import ThinkingLog
import ThinkingReview
import ThinkingTUI
import ThinkingTranscripts

/// The review's loop driven in-process through a scripted terminal.
@Suite("The review loop, in-process", .serialized)
struct ReviewModelTests {
    @Test func enterOpensTheSessionAndALostTerminalEndsTheLoop() throws {
        let sandbox = try Sandbox()
        let entries = try ReviewScreenTests.sessions(sandbox)
        let terminal = ScriptedTerminal(script: [.key(.enter), .wait(.seconds(1))])
        let model = ReviewModel(state: ReviewState(entries: entries), directory: sandbox.root)
        ScreenLoop(terminal: terminal).run(model)  // returns: the script runs out, as a closed standard input
        #expect(terminal.isRestored)
        let first = try #require(terminal.frames.first).lines().joined(separator: "\n")
        #expect(first.contains("Sessions · newest first"))
        let opened = try #require(terminal.frames.dropFirst().first).lines().joined(separator: "\n")
        #expect(opened.contains("What matters most now?"), "\(opened)")
        #expect(terminal.frames.count < 60)
    }
}
