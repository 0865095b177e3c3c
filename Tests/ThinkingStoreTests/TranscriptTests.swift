import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Transcripts")
struct TranscriptTests {
    /// A round of four with 2:00 turns: Ana 1:42.449, Ben passes, Chloé 2:12 (over by 12 s,
    /// one interruption, a note), Dev hands on, is undone and goes on, Ben is offered again.
    static func scriptedRound() throws -> ScriptedLog {
        var log = ScriptedLog(Plans.round())
        try log.at(.milliseconds(5250), .begin)
        try log.at(.milliseconds(102_449), .handOn)
        try log.at(.seconds(8), .pass)
        try log.wait(.seconds(60))
        try log.act(.noteInterruption)
        try log.act(.addNote(text: "Chloé: the new rota works"))
        try log.at(.seconds(72), .handOn)
        try log.at(.seconds(58), .handOn)
        try log.at(.seconds(5), .undo)
        try log.at(.milliseconds(25_050), .handOn)
        try log.at(.seconds(30), .handOn)
        return log
    }

    @Test func theScriptedRoundAsCSV() throws {
        let transcript = try Self.scriptedRound().transcript()
        let expected = [
            "session,step,kind,round,turn,person,role,started_at,seconds,allotted_seconds,overrun_seconds,passed,ended_by",
            "morning,1,round,1,1,Ana,member,2026-11-22T10:00:05.250Z,102.4,120.0,0.0,false,thinker",
            "morning,1,round,1,2,Ben,member,2026-11-22T10:01:47.699Z,8.0,120.0,0.0,true,thinker",
            "morning,1,round,1,3,Chloé,member,2026-11-22T10:01:55.699Z,132.0,120.0,12.0,false,thinker",
            "morning,1,round,1,4,Dev,member,2026-11-22T10:04:07.699Z,88.1,120.0,0.0,false,thinker",
            "morning,1,round,1,5,Ben,member,2026-11-22T10:05:35.749Z,30.0,120.0,0.0,false,thinker",
            "",
        ]
        let actual = lines(transcript.csv(), separator: "\r\n")
        #expect(actual.count == expected.count)
        for (got, want) in zip(actual, expected) { #expect(got == want) }
        #expect(transcript.problems.isEmpty)
        #expect(transcript.status == .complete)
    }

    @Test func theScriptedRoundAsText() throws {
        let text = try Self.scriptedRound().transcript().showText()
        let expected = [
            "Step 1 · Opening round (round)",
            "  > Session question: What is going well?",
            "  Round 1 · starts with Ana · clockwise",
            "    Start     Person  Role    Time  Allotted   Over  How it went",
            "    10:00:05  Ana     member  1:42      2:00",
            "    10:01:47  Ben     member     —      2:00         passed",
            "    10:01:55  Chloé   member  2:12      2:00  +0:12  1 interruption noted",
            "    10:04:07  Dev     member  1:28      2:00",
            "    10:05:35  Ben     member  0:30      2:00         offered again",
            "  Notes",
            "    10:02:55 (while Chloé was thinking): Chloé: the new rota works",
        ]
        let all = lines(text)
        let start = try #require(all.firstIndex(of: expected[0]))
        #expect(Array(all[start..<min(all.count, start + expected.count)]) == expected)
        #expect(text.hasPrefix("Round · What is going well? · Sun 22 Nov 2026, 10:00\n"))
        #expect(text.contains("  Started: Sun 22 Nov 2026, 10:00 UTC (2026-11-22 10:00:00)\n  Lasted: 6:05\n"))
        #expect(text.contains("  Status: every step done (not finished)\n"))
        #expect(text.contains("  Session file: morning\n"))
    }

    /// Times read by the rules of the zone where the session was run, at its date: a June
    /// session in Paris reads UTC+2, a November one UTC+1, whatever today's offset.
    @Test func localTimesFollowTheZonesRulesAtTheSessionsDate() throws {
        let paris = try #require(LocalTime(identifier: "Europe/Paris"))
        let november = try Self.scriptedRound().transcript().showText(local: paris)
        #expect(november.contains("Started: Sun 22 Nov 2026, 11:00 UTC+01:00 Europe/Paris (2026-11-22 11:00:00)"))
        #expect(november.contains("11:00:05  Ana"))
        var june = ScriptedLog(
            Plans.round(["Ana", "Ben"]), startedAt: "2026-06-10T08:00:00.000Z", zone: "Europe/Paris")
        try june.act(.begin)
        try june.at(.seconds(30), .handOn)
        let text = try june.transcript().showText()
        #expect(text.hasPrefix("Round · "), "\(text.prefix(80))")
        #expect(text.contains("Wed 10 Jun 2026, 10:00"))
        #expect(text.contains("Started: Wed 10 Jun 2026, 10:00 UTC+02:00 Europe/Paris (2026-06-10 10:00:00)"))
        #expect(text.contains("10:00:00  Ana"))
    }

    /// A log from a zone this computer does not know: its times cannot be read where it was
    /// run, and the transcript says so instead of shifting them silently; the zone's name is
    /// shown as safely as any other text.
    @Test func aZoneNotKnownHereIsAProblem() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben"]), zone: "Mars/Olympus\u{1B}[2J")
        try log.act(.begin)
        try log.at(.seconds(30), .handOn)
        let transcript = try log.transcript()
        let here = TimeZone.current.identifier
        let shownIn = LocalTime(identifier: here) == nil || ["UTC", "Etc/UTC", "GMT"].contains(here) ? "UTC" : here
        let line = "The session's time zone Mars/Olympus␛[2J is not known here: times are shown in \(shownIn)"
        let problems = try #require(transcript.document().sections.first { $0.id == "problems" })
        #expect(problems.blocks == [.list([line])])
        for output in [transcript.showText(), transcript.markdown(), transcript.html()] {
            #expect(!output.contains("\u{1B}"))
        }
        #expect(transcript.showText().contains(line))
        // Told which zone to use, the document shifts nothing silently and says nothing.
        #expect(!transcript.showText(local: .utc).contains("not known here"))
    }

    @Test func theUndoneHandOnLeavesOneTurnForDev() throws {
        let transcript = try Self.scriptedRound().transcript()
        let dev = transcript.turns.filter { $0.person == 3 }
        #expect(dev.count == 1)
        #expect(dev.first?.active == .milliseconds(88_050))
    }

    @Test func markdownHasTablesForTurnsAndEquality() throws {
        let markdown = try Self.scriptedRound().transcript().markdown()
        #expect(markdown.contains("### Round 1 · starts with Ana · clockwise"))
        #expect(markdown.contains("| Start | Person | Role | Time | Allotted | Over | How it went |"))
        #expect(markdown.contains("| 10:01:55 | Chloé | member | 2:12 | 2:00 | +0:12 | 1 interruption noted |"))
        #expect(markdown.contains("| 10:01:47 | Ben | member | — | 2:00 |   | passed |"))
        #expect(markdown.contains("| Person | Time | Share | Fair share | Turns | Passes | Interruptions |"))
        #expect(markdown.contains("| Ben | 0:30 | 8.5% | 1:28 | 1 | 1 | 0 |"))
        #expect(markdown.contains("- 10:02:55 (while Chloé was thinking): Chloé: the new rota works"))
    }

    @Test func theJSONExportDecodesBack() throws {
        var log = try Self.scriptedRound()
        log.clockGap(.seconds(90))
        let transcript = try log.transcript(readProblems: ["line 9 is torn"])
        let json = try transcript.json()
        #expect(try Transcript.fromJSON(Data(json.utf8)) == transcript)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["started"] as? String == "2026-11-22T10:00:00.000Z")
        let equality = try #require(object["equality"] as? [String: Any])
        // The whole seconds shown (1:42 + 2:12 + 1:28 + 0:30); a turn keeps its milliseconds.
        #expect(equality["total"] as? Double == 352)
        let steps = try #require(object["steps"] as? [[String: Any]])
        let rounds = try #require(steps.first?["rounds"] as? [[String: Any]])
        let turns = try #require(rounds.first?["turns"] as? [[String: Any]])
        #expect((turns.first?["active"] as? Double).map { abs($0 - 102.449) < 0.0005 } == true)
        #expect(json.contains("\"presenterApart\" : false"))
        // Format 2: the equality figures of the one rule (see docs/DECISIONS.md).
        #expect(object["format"] as? Int == 2 && Transcript.currentFormat == 2)
    }

    @Test func aTornOrRefusedLogIsListedNotFatal() throws {
        var log = try Self.scriptedRound()
        log.entries.remove(at: 3)
        log.raw(
            LogEntry(
                seq: log.entries.count + 2, wall: WallTime(iso8601: "2026-11-22T10:07:00.000Z"), t: .seconds(420),
                action: .handOn))
        let transcript = try log.transcript(readProblems: ["the last line is torn (27 bytes) and was left out"])
        // The missing line ends the trustworthy record: nothing after it is replayed, not
        // even the hand-on that would otherwise be refused.
        #expect(transcript.problems.count == 2)
        #expect(transcript.problems.first == "the last line is torn (27 bytes) and was left out")
        #expect(transcript.problems.last?.contains("1 missing; nothing from there on is replayed") == true)
        for rendering in [transcript.showText(), transcript.markdown()] {
            #expect(rendering.contains("Problems"))
            #expect(rendering.contains("the last line is torn"))
            #expect(rendering.contains("the record stops being trustworthy"))
        }
        #expect(transcript.turns.map(\.endedBy) == [.stopped])
    }

    /// `sessions` and `show` say the same: a session whose steps are all done but which was
    /// not ended is "every step done (not finished)" in both.
    @Test func theBriefStatusAgreesWithTheTranscript() throws {
        var log = try Self.scriptedRound()
        let done = try log.transcript()
        #expect(done.status == .complete)
        #expect(done.statusInBrief == "every step done (not finished)")
        #expect(done.showText().contains(done.statusInBrief))
        try log.act(.finish)
        #expect(try log.transcript().statusInBrief == "finished")
    }

    @Test func anUnreadableStartTimeFallsBackToTheFirstLine() throws {
        var log = try Self.scriptedRound()
        var header = try JSONSerialization.jsonObject(with: JSONEncoder().encode(log.header)) as! [String: Any]
        header["startedAt"] = "yesterday morning"
        log.header = try JSONDecoder().decode(LogHeader.self, from: JSONSerialization.data(withJSONObject: header))
        #expect(log.header.startedAt == nil && log.header.plan == log.session.plan)
        let transcript = try log.transcript()
        #expect(transcript.started.iso8601 == "2026-11-22T10:00:00.000Z")
        #expect(transcript.problems.contains { $0.contains("start time is unreadable") })
    }

    @Test func aFinishedSessionEndsTheLiveTurnByTheFacilitator() throws {
        var log = ScriptedLog(Plans.round())
        try log.act(.begin)
        try log.at(.seconds(40), .handOn)
        try log.at(.seconds(20), .finish)
        let transcript = try log.transcript()
        #expect(transcript.status == .finished)
        #expect(transcript.turns.last?.endedBy == .facilitator)
        #expect(squeezed(transcript.showText()).contains("Ben member 0:20 2:00 ended by the facilitator"))
        #expect(transcript.csv().contains(",Ben,member,2026-11-22T10:00:40.000Z,20.0,120.0,0.0,false,facilitator\r\n"))
    }

    @Test func roundStartersAndDirectionsWithAndWithoutTheirFacts() throws {
        var plan = Plans.round(["Ana", "Ben", "Chloé"], turn: nil, rounds: .fixed(3))
        plan.definition.steps[0].rotate = .both
        var log = ScriptedLog(plan)
        try log.act(.begin)
        for _ in 0..<9 { try log.at(.seconds(10), .handOn) }
        let expected: [(PersonID?, Direction?)] = [(0, .clockwise), (1, .anticlockwise), (0, .clockwise)]
        let recorded = try log.transcript().steps[0].rounds
        #expect(recorded.map(\.starter) == expected.map(\.0))
        #expect(recorded.map(\.direction) == expected.map(\.1))
        // The same log without its roundStarted facts: derived from the turns and the rotation.
        log.entries.removeAll {
            if case .roundStarted? = $0.fact?.what { return true }
            return false
        }
        for k in log.entries.indices { log.entries[k].seq = k + 1 }
        let derived = try log.transcript().steps[0].rounds
        #expect(derived.map(\.starter) == expected.map(\.0))
        #expect(derived.map(\.direction) == expected.map(\.1))
    }
}

@Suite("Transcripts of the other applications")
struct OpenStepTranscriptTests {
    @Test func theCSVKindColumnNamesEveryStepKind() throws {
        let definition = ProtocolDefinition(
            id: "mixed", name: "Mixed", summary: "",
            steps: [
                StepDefinition(kind: .talk, title: "Talk", turn: .seconds(60), components: [.equality]),
                StepDefinition(kind: .discussion, title: "Discussion", components: [.difference]),
            ])
        var log = ScriptedLog(try SessionPlan.make(definition: definition, names: ["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.seconds(30), .handOn)
        try log.at(.seconds(70), .handOn)
        try log.act(.begin)
        try log.act(.speak(person: 1))
        try log.at(.seconds(15), .roundFromHere)
        try log.at(.seconds(5), .handOn)
        try log.at(.seconds(5), .handOn)
        let rows = try log.transcript().csv().split(separator: "\r\n").dropFirst()
        let kinds = rows.map { $0.split(separator: ",")[2] }
        #expect(kinds == ["talk", "talk", "discussion", "round", "round"])
        let equality = try log.transcript().equality
        #expect(equality.people.map(\.turns) == [2, 3])
    }
}

@Suite("A partnership's incisive question")
struct IncisiveQuestionTranscriptTests {
    @Test func itAppearsInTheTranscriptAsTheThinkers() throws {
        let definition = ProtocolDefinition(
            id: "thinking-partnership", name: "Partnership", summary: "",
            steps: [StepDefinition(kind: .partnership, title: "Thinking partnership", components: [.incisiveQuestions])]
        )
        var log = ScriptedLog(try SessionPlan.make(definition: definition, names: ["Ana", "Ben"]))
        try log.act(.begin)
        for _ in 0..<3 { try log.at(.seconds(60), .handOn) }
        try log.act(.keepIncisiveQuestion(text: "If you knew you were enough, what would you do?"))
        let transcript = try log.transcript()
        #expect(
            transcript.showText().contains(
                "The thinker's incisive question (theirs): If you knew you were enough, what would you do?"))
        #expect(transcript.csv().contains("If you knew") == false)
    }
}

@Suite("Arrivals and departures in the transcript")
struct ArrivalTranscriptTests {
    @Test func theyAreListedWithTheirTimes() throws {
        let definition = ProtocolDefinition(
            id: "round", name: "Round", summary: "",
            steps: [StepDefinition(kind: .round, title: "Round", components: [.equality])])
        var log = ScriptedLog(try SessionPlan.make(definition: definition, names: ["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.seconds(10), .join(name: "Zoë"))
        try log.at(.seconds(10), .leave(person: 1))
        let transcript = try log.transcript()
        #expect(transcript.people == ["Ana", "Ben", "Zoë"])
        #expect(transcript.arrivals?.map(\.arrived) == [true, false])
        let show = transcript.showText()
        #expect(show.contains("Zoë arrived") && show.contains("Ben left"))
    }
}
