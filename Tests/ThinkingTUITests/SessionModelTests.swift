import Foundation
import Testing
import ThinkingCore

@testable import ThinkingTUI

/// The session's loop driven in-process: keys from a script, time from a manual clock, frames
/// read as the room saw them.
@Suite("The session loop, in-process", .serialized)
struct SessionModelTests {
    /// A recorder that keeps what it is given, and can fail as a full disk does.
    final class Recorder: SessionRecorder {
        var actions: [(Action, Duration)] = []
        var heartbeats: [(Duration, Draft?)] = []
        var warning: String?

        func record(_ action: Action, at t: Duration, facts: [Fact]) { actions.append((action, t)) }
        func heartbeat(at t: Duration, draft: Draft?) { heartbeats.append((t, draft)) }
        func checkClock(at t: Duration) {}
    }

    static let people = ["Zoë", "李", "محمد"]

    /// A session model and the terminal its loop runs on.
    struct Run {
        let model: SessionModel
        let terminal: ScriptedTerminal

        var session: Session { model.session }
        func run() -> RunOutcome { ScreenLoop(terminal: terminal).run(model) }
    }

    func runner(
        _ script: [ScriptedTerminal.Step], recorder: Recorder = Recorder(), width: Int = 80, height: Int = 24
    ) throws -> (Run, ScriptedTerminal, Recorder) {
        let session = try ScreenFixtures.session(ScreenFixtures.round, Self.people, [])
        let terminal = ScriptedTerminal(width: width, height: height, script: script)
        let model = SessionModel(
            session: session, clock: SessionClock(terminal.clock), recorder: recorder, options: RunOptions())
        return (Run(model: model, terminal: terminal), terminal, recorder)
    }

    /// The thinker a frame shows in its order strip (`▶ name`).
    static func thinker(_ frame: ScreenBuffer) -> String? {
        for line in frame.lines() {
            guard let marker = line.range(of: "▶ ") else { continue }
            return String(line[marker.upperBound...].prefix { $0 != " " })
        }
        return nil
    }

    /// Record before draw: every frame shows only what the recorder already has. Replaying
    /// what was recorded when a frame was drawn gives the thinker that frame shows.
    @Test func everyFrameShowsOnlyWhatWasRecorded() throws {
        let space = ScriptedTerminal.Step.key(.character(" "))
        let (runner, terminal, recorder) = try runner([
            space, .wait(.seconds(12)), space, .wait(.milliseconds(300)), space, .wait(.seconds(3)),
            .key(.character("q")), .key(.character("y")),
        ])
        var checked = 0
        terminal.onDraw = { frame in
            var replayed = Session(plan: runner.session.plan)
            for (action, t) in recorder.actions { _ = try? replayed.handle(action, at: t) }
            let expected = replayed.roomView(at: terminal.clock.now).order.first { $0.status == .thinking }?.name
            #expect(Self.thinker(frame) == expected, "frame \(terminal.frames.count)")
            checked += 1
        }
        #expect(runner.run() == .left)
        #expect(checked == terminal.frames.count && checked > 5)
        #expect(recorder.actions.filter { $0.0 != .tick }.map(\.0) == [.begin, .handOn, .handOn])
        #expect(recorder.actions.filter { $0.0 == .handOn }.map(\.1) == [.seconds(12), .milliseconds(12_300)])
        #expect(Self.thinker(try #require(terminal.frames.last)) == "محمد")
        #expect(terminal.isRestored)
    }

    /// A log that cannot be written keeps the session going and says so on screen.
    @Test func aFailingRecorderIsShownNotHidden() throws {
        let recorder = Recorder()
        recorder.warning = "cannot write the log: No space left on device"
        let (runner, terminal, _) = try runner(
            [.key(.character(" ")), .wait(.seconds(2)), .key(.character("q")), .key(.character("y"))],
            recorder: recorder)
        #expect(runner.run() == .left)
        #expect(terminal.screen.contains { $0.contains("cannot write the log") })
    }

    /// Standard input gone: the loop ends as a lost terminal, at once, without spinning on.
    @Test func aLostTerminalEndsTheRun() throws {
        let (runner, terminal, recorder) = try runner([.key(.character(" ")), .wait(.seconds(5))])
        #expect(runner.run() == .terminalLost)
        #expect(terminal.isRestored)
        #expect(recorder.actions.first?.0 == .begin)
        #expect(terminal.frames.count < 80)
    }

    /// The clock wakes the loop once a displayed second; the heartbeat follows each wake.
    @Test func aRunningClockWakesOnceASecond() throws {
        let (runner, terminal, recorder) = try runner([
            .key(.character(" ")), .wait(.seconds(10)), .key(.character("q")), .key(.character("y")),
        ])
        #expect(runner.run() == .left)
        let beats = recorder.heartbeats.map(\.0).filter { $0 > .zero && $0 <= .seconds(10) }
        #expect((10...12).contains(beats.count), "\(beats)")
        #expect(terminal.frames.count >= 10)
    }

    /// A resize redraws at the new size.
    @Test func aResizeRedrawsAtTheNewSize() throws {
        let (runner, terminal, _) = try runner(
            [.key(.character(" ")), .resize(width: 250, height: 70), .key(.character("q")), .key(.character("y"))])
        #expect(runner.run() == .left)
        let sizes = terminal.frames.map { ($0.width, $0.height) }
        #expect(sizes.first! == (80, 24))
        #expect(sizes.last! == (250, 70))
    }
}
