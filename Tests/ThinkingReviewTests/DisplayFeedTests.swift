import Foundation
import Testing
import ThinkingCore
import ThinkingLog
import ThinkingTUI

/// The display's clock, in-process: one manual "world" time drives the controller's wall
/// clock, the display's wall clock and the display's monotonic clock.
@Suite("The display's feed and loop, in-process", .serialized)
struct DisplayFeedTests {
    /// The time of day: the world's time from a start, shifted when a test sets the clock.
    final class Wall: @unchecked Sendable {
        let world = ManualClock()
        var shift: Duration = .zero
        let start = WallTime(iso8601: "2026-12-03T10:00:00.000Z")!
        var clock: WallClock { WallClock { [self] in start.adding(world.now + shift) } }
    }

    func seconds(_ s: Double) -> Duration { .milliseconds(Int64(s * 1000)) }

    /// A display that follows whatever session runs in `paths` (as `thinkenv display` does),
    /// and a frame of it at 80x24 after a tick.
    static func following(_ paths: StorePaths, _ wall: Wall) -> (DisplayModel, () -> String) {
        let model = DisplayModel(lookingFor: { following in
            LiveSession.newestRunning(in: paths, wallNow: wall.clock.now(), newerThan: following).map {
                LogFeed($0, wallClock: wall.clock, clock: SessionClock(wall.world))
            }
        })
        return (
            model,
            {
                _ = model.handle(.tick)
                return model.render(width: 80, height: 24).lines().joined(separator: "\n")
            }
        )
    }

    /// Session time now is the anchor's `t` plus the wall time since it, then counted on the
    /// display's own clock; a controller that goes quiet leaves it held 1.5 s past its last
    /// sign of life; its next sign of life lets it go on.
    @Test func anchorsOnTheLastSignOfLifeAndHoldsWhenTheControllerIsGone() throws {
        let sandbox = try Sandbox()
        let wall = Wall()
        let controller = try Controller(Plans.round(["Zoë", "李"]), paths: sandbox.paths, clock: wall.clock)
        wall.world.advance(by: .seconds(2))
        try controller.act(.begin, at: 2)
        wall.world.advance(by: .milliseconds(500))
        let feed = LogFeed(
            try LiveSession(path: controller.log.path), wallClock: wall.clock, clock: SessionClock(wall.world))
        #expect(feed.now() == seconds(2.5) && !feed.isHeld)

        // The display's time of day is set back an hour: the clock counts on regardless.
        wall.shift = .seconds(-3600)
        wall.world.advance(by: .milliseconds(700))
        #expect(feed.now() == seconds(3.2))
        wall.shift = .zero

        controller.log.heartbeat(at: seconds(3.2))
        wall.world.advance(by: .seconds(1))
        _ = feed.refresh()
        #expect(feed.now() == seconds(4.2) && !feed.isHeld)

        // The controller is killed: nothing more is written.
        wall.world.advance(by: .seconds(5))
        _ = feed.refresh()
        #expect(feed.now() == seconds(4.7) && feed.isHeld)

        // It is back (a resume): its heartbeat moves the clock on from there.
        controller.log.heartbeat(at: seconds(9.2))
        wall.world.advance(by: .milliseconds(300))
        #expect(feed.refresh() == false)
        #expect(feed.now() == seconds(9.5) && !feed.isHeld)
        try controller.act(.handOn, at: 9.5)
        #expect(feed.refresh() == true)
        #expect(feed.session.stage.liveTurn?.person == 1)
    }

    /// The display's loop: frames follow the session until the controller goes quiet, then
    /// the clock stops; a key leaves; the log is never written.
    @Test func theLoopStopsTheClockWhenTheControllerIsGoneAndLeavesOnQ() throws {
        let sandbox = try Sandbox()
        let wall = Wall()
        let controller = try Controller(Plans.round(["Zoë", "李"]), paths: sandbox.paths, clock: wall.clock)
        try controller.act(.begin, at: 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: controller.log.path))
        let feed = LogFeed(
            try LiveSession(path: controller.log.path), wallClock: wall.clock, clock: SessionClock(wall.world))
        let terminal = ScriptedTerminal(clock: wall.world, script: [.wait(.seconds(6)), .key(.character("q"))])
        var shown: [(Duration, Bool, [String])] = []
        terminal.onDraw = { frame in shown.append((wall.world.now, feed.isHeld, frame.lines())) }
        #expect(ScreenLoop(terminal: terminal).run(DisplayModel(feed: feed)) == .left)
        #expect(terminal.isRestored)
        let moving = shown.filter { !$0.1 }
        let held = shown.filter(\.1)
        #expect(moving.count >= 2 && held.count >= 3, "\(shown.map(\.0))")
        // While it ran, every frame differs from the one before (the clock moved) …
        #expect(zip(moving, moving.dropFirst()).allSatisfy { $0.2 != $1.2 })
        // … once held, nothing on the room's screen moves.
        #expect(Set(held.map(\.2)).count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: controller.log.path)) == before)
    }

    /// The controller killed: after two seconds of silence the room reads a calm "Paused —
    /// the facilitator will be back" and no clock; its resume brings the clock back.
    @Test func aSilentControllerIsShownAsPausedThenPicksUp() throws {
        let sandbox = try Sandbox()
        let wall = Wall()
        let controller = try Controller(Plans.round(["Zoë", "李"]), paths: sandbox.paths, clock: wall.clock)
        try controller.act(.begin, at: 0)
        let feed = LogFeed(
            try LiveSession(path: controller.log.path), wallClock: wall.clock, clock: SessionClock(wall.world))
        let model = DisplayModel(feed: feed)
        func frame() -> String {
            _ = model.handle(.tick)
            return model.render(width: 80, height: 24).lines().joined(separator: "\n")
        }
        wall.world.advance(by: .milliseconds(1900))
        #expect(!frame().contains("Paused"))
        // The display wakes on time to say so.
        #expect(try #require(model.nextWake) <= .milliseconds(100))
        wall.world.advance(by: .milliseconds(200))
        let paused = frame()
        #expect(paused.contains("Paused — the facilitator will be back"))
        #expect(!paused.contains("█") && !paused.contains("Zoë"))
        controller.log.heartbeat(at: seconds(2.1))
        wall.world.advance(by: .milliseconds(100))
        let back = frame()
        #expect(!back.contains("Paused") && back.contains("█"))
    }

    /// With no session running the display waits, then follows the session that starts; an
    /// unfinished session whose heartbeat is a minute old is never taken for a running one.
    @Test func aDisplayStartedFirstWaitsAndFollowsTheNextSession() throws {
        let sandbox = try Sandbox()
        let wall = Wall()
        let old = try Controller(Plans.round(["Ana", "Ben"]), paths: sandbox.paths, clock: wall.clock)
        try old.act(.begin, at: 0)
        old.log.heartbeat(at: seconds(1))
        wall.world.advance(by: .seconds(61))
        let paths = sandbox.paths
        let (model, frame) = Self.following(paths, wall)
        #expect(frame().contains("Waiting for a session to start"))
        #expect(model.nextWake == DisplayModel.lookEvery)
        wall.world.advance(by: .seconds(1))
        let new = try Controller(Plans.round(["Zoë", "李"]), paths: paths, clock: wall.clock)
        try new.act(.begin, at: 0)
        new.log.heartbeat(at: seconds(0.5))
        wall.world.advance(by: .milliseconds(500))
        let following = frame()
        #expect(following.contains("▶ Zoë") && !following.contains("Waiting"))
    }

    /// A facilitator quits a session and starts another within the minute (the wrong protocol,
    /// started again): the display, which showed the first one paused, follows the new one at
    /// once instead of telling the room "Paused" for a minute while it runs.
    @Test func aNewSessionIsFollowedWhileTheOldOneIsAway() throws {
        let sandbox = try Sandbox()
        let wall = Wall()
        let paths = sandbox.paths
        let first = try Controller(Plans.round(["Ana", "Ben"]), paths: paths, clock: wall.clock)
        try first.act(.begin, at: 0)
        first.log.heartbeat(at: seconds(1))
        let (model, frame) = Self.following(paths, wall)
        #expect(frame().contains("▶ Ana"))
        _ = first.log.close(finished: false)  // q, y: the first session is left to resume
        wall.world.advance(by: .seconds(3))
        #expect(frame().contains("Paused — the facilitator will be back"))
        wall.world.advance(by: .seconds(1))
        let second = try Controller(Plans.round(["Zoë", "李"]), paths: paths, clock: wall.clock)
        try second.act(.begin, at: 0)
        second.log.heartbeat(at: seconds(0.5))
        wall.world.advance(by: .milliseconds(1000))
        let following = frame()
        #expect(following.contains("▶ Zoë") && !following.contains("Paused"), "\(following)")
    }
}
