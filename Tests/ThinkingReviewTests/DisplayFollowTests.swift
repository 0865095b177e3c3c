import Foundation
import Testing
import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// `thinkenv display` follows a log that another writer appends to: after every line the
/// follower's replay gives the room what the controlling screen shows.
@Suite struct DisplayFollowTests {
    static let people = ["Ana", "Ben", "Chloé", "🦊 Fox"]

    /// The room's part of a screen: what `display` draws.
    static func room(
        _ session: Session, at seconds: Double, controls: Controls = Controls(), width: Int = 80, height: Int = 24
    )
        -> [String]
    {
        var session = session
        let now = Duration.milliseconds(Int64(seconds * 1000))
        _ = session.advance(to: now)
        var screen = SessionScreen(session: session, controls: controls, now: now, warning: "the log cannot be written")
        screen.audience = .room
        return screen.render(width: width, height: height).lines()
    }

    /// Every action the controller records shows on the follower after one `update`.
    @Test func followsTurnByTurn() throws {
        let sandbox = try Sandbox()
        let controller = try Controller(Plans.round(Self.people), paths: sandbox.paths)
        var live = try LiveSession(path: controller.log.path)
        #expect(Self.room(live.session, at: 0) == Self.room(controller.session, at: 0))
        let script: [(Action, Double)] = [
            (.begin, 2), (.handOn, 40), (.pass, 45), (.addNote(text: "private note"), 50), (.noteInterruption, 55),
            (.handOn, 90), (.undo, 91), (.pause, 100), (.resume, 130), (.handOn, 200), (.handOn, 330),
            (.handOn, 360), (.begin, 365), (.handOn, 380),
        ]
        var previous = Self.room(live.session, at: 0)
        for (action, seconds) in script {
            try controller.act(action, at: seconds)
            #expect((live.update() as Bool), "nothing new after \(action)")
            let shown = Self.room(live.session, at: seconds + 0.5)
            #expect(shown == Self.room(controller.session, at: seconds + 0.5), "after \(action)")
            #expect(live.replay.problems.isEmpty)
            if action != .addNote(text: "private note") && action != .noteInterruption {
                #expect(shown != previous, "the room should see \(action)")
            }
            #expect(!shown.joined().contains("private note"))
            previous = shown
        }
        #expect(!(live.update() as Bool), "no new line, nothing applied")
        #expect(live.anchor.t == .seconds(380))
    }

    /// A line written in two parts is not read until its newline; then it is.
    @Test func tornLastLineWaitsForItsNewline() throws {
        let sandbox = try Sandbox()
        let controller = try Controller(Plans.round(Self.people), paths: sandbox.paths)
        try controller.act(.begin, at: 1)
        var live = try LiveSession(path: controller.log.path)
        let before = Self.room(live.session, at: 20)
        // The next line, as the writer would write it, arrives in two writes.
        var expected = controller.session
        _ = try expected.handle(.handOn, at: .seconds(20))
        let line = try Self.encoded(
            LogEntry(
                seq: live.replay.lastSeq + 1, wall: WallClock.system.now(), t: .seconds(20),
                action: .handOn))
        let half = line.count / 2
        try Self.append(line.prefix(half), to: controller.log.path)
        #expect(!(live.update() as Bool))
        #expect(Self.room(live.session, at: 20) == before)
        try Self.append(line.dropFirst(half) + Data("\n".utf8), to: controller.log.path)
        #expect((live.update() as Bool))
        #expect(Self.room(live.session, at: 20) == Self.room(expected, at: 20))
        #expect(Self.room(live.session, at: 20) != before)
    }

    /// The controller crashes mid-line, then is resumed: the fragment is skipped, the
    /// `recover` action arrives, and the follower goes on turn by turn.
    @Test func survivesACrashAndAResume() throws {
        let sandbox = try Sandbox()
        let plan = Plans.round(Self.people)
        let controller = try Controller(plan, paths: sandbox.paths)
        try controller.act(.begin, at: 1)
        try controller.act(.handOn, at: 30)
        var live = try LiveSession(path: controller.log.path)
        try Self.append(Data(#"{"action":"handOn","seq":9"#.utf8), to: controller.log.path)  // killed mid-write
        _ = controller.log.close(finished: false)
        #expect(!(live.update() as Bool))
        let loaded = try SessionLoader.load(path: controller.log.path)
        let resumed = try SessionLog.resume(loaded, paths: sandbox.paths)
        let again = Controller(resuming: resumed.session, log: resumed.log)
        #expect((live.update() as Bool))
        #expect(live.session.pauses.last?.reason == .programStopped)
        let now = resumed.now / .seconds(1)
        #expect(Self.room(live.session, at: now + 1) == Self.room(again.session, at: now + 1))
        try again.act(.handOn, at: now + 10)
        #expect((live.update() as Bool))
        #expect(Self.room(live.session, at: now + 11) == Self.room(again.session, at: now + 11))
        #expect(Self.room(live.session, at: now + 11).joined().contains("Chloé"))
    }

    /// Following reads only: the file's bytes and modification time stay as they were.
    @Test func neverWritesToTheLog() throws {
        let sandbox = try Sandbox()
        let controller = try Controller(Plans.round(Self.people), paths: sandbox.paths)
        try controller.act(.begin, at: 1)
        try controller.act(.handOn, at: 30)
        let path = controller.log.path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        var live = try LiveSession(path: path)
        for _ in 0..<3 {
            _ = live.update()
            _ = live.readHeartbeat()
        }
        let watch = FileWatch(path: path)
        watch?.drain()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }

    /// The room view drawn by the display equals the controlling screen's room parts: no
    /// key line, no note even while one is typed, no warning, no dialog.
    @Test(arguments: [(80, 24), (200, 60)])
    func roomViewHasNoFacilitatorParts(size: (Int, Int)) throws {
        let sandbox = try Sandbox()
        let controller = try Controller(Plans.round(Self.people), paths: sandbox.paths)
        try controller.act(.begin, at: 1)
        var live = try LiveSession(path: controller.log.path)
        _ = live.update()
        let (width, height) = size
        for overlay: Controls.Overlay in [.note("Ben looks tired"), .help, .confirmQuit, .components, .none] {
            var controls = Controls()
            controls.overlay = overlay
            controls.message = "This step does not allow passing."
            let controlling = Self.room(controller.session, at: 10, controls: controls, width: width, height: height)
            let display = Self.room(live.session, at: 10, width: width, height: height)
            #expect(controlling == display)
            let text = display.joined(separator: "\n")
            for hidden in ["Ben looks tired", "Space", "q: quit", "?: keys", "cannot be written", "End the session"] {
                #expect(!text.contains(hidden), "\(hidden) on the room's screen")
            }
            #expect(text.contains("Ana") && text.contains("What is going well?"))
            #expect(text.contains("Attention · Equality"))
        }
        // On the one shared screen the room reads too, the note being typed is masked, until
        // the facilitator asks to see it (Ctrl-R).
        var controls = Controls()
        controls.overlay = .note("Ben looks tired")
        var shared = SessionScreen(session: controller.session, controls: controls, now: .seconds(10))
        let masked = shared.render(width: width, height: height).lines().joined()
        #expect(!masked.contains("Ben looks tired") && masked.contains("note: 15 characters"))
        shared.controls.revealed = true
        #expect(shared.render(width: width, height: height).lines().joined().contains("Ben looks tired"))
        shared.controls.revealed = false
        shared.audience = .facilitator
        let facilitator = shared.render(width: width, height: height).lines().joined(separator: "\n")
        #expect(facilitator.contains("Ben looks tired") && facilitator.contains("Next: Ben"))
        #expect(facilitator.contains("Then: Closing round"))
    }

    static func encoded(_ entry: LogEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entry)
    }

    static func append(_ data: Data, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
    }
}
