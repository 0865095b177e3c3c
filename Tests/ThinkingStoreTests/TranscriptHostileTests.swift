import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Transcripts: hostile text, clocks and wall time")
struct TranscriptHostileTests {
    static let hostile = [
        "\u{1B}[2J", "Bell\u{07}", "\u{202E}evil", "new\nline", String(repeating: "x", count: 10_000),
        "=cmd|' /C calc'!A0", "C1\u{9B}31m", "tab\there", "\u{2066}iso\u{2069}", "pipe|`*_<b>",
        "nul\u{0}", "del\u{7F}", "nel\u{85}", String(decoding: [0x41, 0xFF, 0xC3, 0x28], as: UTF8.self),
    ]

    static func hostileTranscript() throws -> Transcript {
        var plan = Plans.round(Self.hostile, question: "\u{1B}]0;owned\u{07} what now?")
        plan.definition.steps[0].title = "Round \u{1B}[31m"
        var log = ScriptedLog(plan, name: "-rm \u{0D}session")
        try log.act(.begin)
        try log.at(.seconds(10), .addNote(text: "note \u{1B}[2J\u{202E}"))
        for _ in Self.hostile { try log.at(.seconds(10), .handOn) }
        return try log.transcript(readProblems: ["torn line: \u{1B}[2J"])
    }

    @Test func noRawControlCharacterInAnyRendering() throws {
        let transcript = try Self.hostileTranscript()
        #expect(transcript.people == Self.hostile)
        let renderings: [(String, String, Set<UInt32>)] = [
            ("show", transcript.showText(), [0x0A]),
            ("markdown", transcript.markdown(), [0x0A]),
            ("csv", transcript.csv(), [0x0A, 0x0D]),
            ("json", try transcript.json(), [0x0A]),
        ]
        for (name, text, allowed) in renderings {
            #expect(controlCharacters(in: text, allowing: allowed).isEmpty, "\(name)")
        }
        let show = transcript.showText()
        #expect(squeezed(show).contains("␛[2J member"))
        #expect(show.contains("\\u{202E}evil"))
        #expect(show.contains("new line"))
        #expect(show.contains("Bell␇"))
        #expect(show.contains(String(repeating: "x", count: 39) + "…"))
        #expect(!show.contains(String(repeating: "x", count: 81)))  // names are cut to 80
    }

    @Test func csvRowsStayOneLineEachAndFormulasAreDefused() throws {
        let csv = try Self.hostileTranscript().csv()
        let rows = lines(csv, separator: "\r\n")
        #expect(rows.count == 1 + Self.hostile.count + 1)
        #expect(rows.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(rows.last == "")
        #expect(rows[1].hasPrefix("'-rm  session,1,round,1,1,␛[2J,member,"))
        #expect(rows[6].contains(",'=cmd|' /C calc'!A0,"))
        #expect(rows[8].contains(",tab here,"))
        #expect(rows[5].contains("," + String(repeating: "x", count: 10_000) + ","))
    }

    @Test func csvQuotingFollowsRFC4180() {
        #expect(Transcript.csvField("Ana") == "Ana")
        #expect(Transcript.csvField("Smith, Ana") == "\"Smith, Ana\"")
        #expect(Transcript.csvField("Ana \"the\" Bold") == "\"Ana \"\"the\"\" Bold\"")
        #expect(Transcript.csvField("+44 7700") == "'+44 7700")
        #expect(Transcript.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(Transcript.csvField("=1,2") == "\"'=1,2\"")
        #expect(Transcript.csvField("\tx") == " x")
    }

    @Test func markdownEscapesItsActiveCharacters() throws {
        let markdown = try Self.hostileTranscript().markdown()
        #expect(markdown.contains("| pipe\\|\\`\\*\\_\\<b\\> | member |"))
        #expect(markdown.contains("␛\\[2J"))
        #expect(!markdown.contains("<b>"))
    }

    @Test func theJSONExportKeepsTheTextAndEscapesTerminalControls() throws {
        let transcript = try Self.hostileTranscript()
        let json = try transcript.json()
        #expect(json.contains("\\u202e"))
        #expect(json.contains("\\u009b"))
        #expect(try Transcript.fromJSON(Data(json.utf8)) == transcript)
    }

    @Test func wallTimesAreShiftedByAClockGap() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben", "Chloé"], turn: nil))
        try log.act(.begin)
        try log.at(.seconds(60), .handOn)
        try log.wait(.seconds(1))
        log.clockGap(.seconds(600))  // the laptop slept for ten minutes during Ben's turn
        try log.at(.seconds(59), .handOn)
        try log.at(.seconds(30), .handOn)
        let transcript = try log.transcript()
        #expect(
            transcript.turns.map(\.started.iso8601) == [
                "2026-11-22T10:00:00.000Z", "2026-11-22T10:01:00.000Z", "2026-11-22T10:12:00.000Z",
            ])
        #expect(transcript.clockGaps == [.init(at: WallTime(iso8601: "2026-11-22T10:11:01Z")!, gap: .seconds(600))])
        #expect(transcript.duration == .seconds(150 + 600))
        let text = transcript.showText()
        #expect(squeezed(text).contains("\n10:12:00 Chloé member 0:30"))
        #expect(text.contains("    10:11:01: the wall clock moved 10:00 ahead of the session clock"))
    }

    @Test func downtimeIsShownAndKeptOutOfTheTurn() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.seconds(20), .pause)
        try log.at(.seconds(40), .resume)
        try log.at(.seconds(10), .noteInterruption)
        try log.at(.seconds(300), .recover(since: .seconds(90)))  // stopped from 1:30 to 6:10
        try log.at(.seconds(30), .handOn)
        let transcript = try log.transcript()
        let ana = try #require(transcript.turns.first)
        #expect(ana.active == .seconds(20 + 10 + 20 + 30))
        #expect(ana.interruptions == 1)
        #expect(transcript.pauses.map(\.reason) == [.facilitator, .programStopped])
        let text = transcript.showText()
        #expect(text.contains("Pauses and downtime"))
        #expect(text.contains("    10:00:20: paused by the facilitator for 0:40"))
        #expect(text.contains("    10:01:30: downtime: the program was not running for 4:40"))
        #expect(transcript.markdown().contains("- 10:01:30: downtime: the program was not running for 4:40"))
    }

    @Test(arguments: [
        ("2026-11-22T10:04:12.345Z", Int64(1_795_341_852_345)),
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2000-02-29T23:59:59.999Z", Int64(951_868_799_999)),
        ("1969-12-31T23:59:59.000Z", Int64(-1000)),
    ])
    func wallTimeReadsAndWritesISO8601(text: String, milliseconds: Int64) throws {
        let time = try #require(WallTime(iso8601: text))
        #expect(time.milliseconds == milliseconds)
        #expect(WallTime(iso8601: time.iso8601) == time)
    }

    @Test func wallTimeAgreesWithFoundationAndReadsOffsets() throws {
        let formatter = ISO8601DateFormatter()
        var state: UInt64 = 42
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Int64((state >> 20) % 8_000_000_000) - 1_000_000_000
            let mine = WallTime(milliseconds: seconds * 1000).iso8601
            let theirs = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
            #expect(mine == theirs.replacingOccurrences(of: "Z", with: ".000Z"))
        }
        #expect(WallTime(iso8601: "2026-11-22T11:04:12.345+01:00") == WallTime(iso8601: "2026-11-22T10:04:12.345Z"))
        #expect(WallTime(iso8601: "2026-11-22T10:04:12") == nil)
        #expect(WallTime(iso8601: "2026-13-22T10:04:12Z") == nil)
    }
}
