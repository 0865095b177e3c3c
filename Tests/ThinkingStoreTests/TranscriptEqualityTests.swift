import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("Transcripts: equality, pairs, council")
struct TranscriptEqualityTests {
    /// A round of three speaking for the given seconds in order (nil: a pass, and a pass
    /// again when offered the second time).
    static func round(_ lengths: [Int?]) throws -> Transcript {
        let people = Array(["Ana", "Ben", "Chloé", "Dev"].prefix(lengths.count))
        var log = ScriptedLog(Plans.round(people, turn: nil))
        try log.act(.begin)
        for length in lengths {
            if let length { try log.at(.seconds(Int64(length)), .handOn) } else { try log.at(.seconds(2), .pass) }
        }
        for _ in lengths where lengths.contains(where: { $0 == nil }) {
            guard log.session.stage.liveTurn != nil else { break }
            try log.at(.seconds(1), .pass)
        }
        return try log.transcript()
    }

    @Test func totalsSharesAndSpread() throws {
        let equality = try Self.round([60, 30, 90]).equality
        #expect(equality.people.map(\.speaking) == [.seconds(60), .seconds(30), .seconds(90)])
        #expect(equality.people.map(\.turns) == [1, 1, 1])
        #expect(equality.total == .seconds(180))
        #expect(equality.people.compactMap(\.share).reduce(0, +) == 1000)
        #expect(equality.people.map(\.share) == [333, 167, 500])  // 333.3, 166.7, 500: the largest remainder rounds up
        #expect(equality.people.map(\.fairShare) == [.seconds(60), .seconds(60), .seconds(60)])
        let spread = try #require(equality.spread)
        #expect(spread.longest == .seconds(90) && spread.shortest == .seconds(30))
        #expect(spread.difference == .seconds(60))
        #expect(spread.ratio == 3)
        #expect(!equality.presenterApart)
    }

    @Test func sharesSumToAHundredWithUnevenThirds() throws {
        let equality = try Self.round([7, 11, 13, 17]).equality
        #expect(equality.people.compactMap(\.share).reduce(0, +) == 1000)
        let text = try Self.round([7, 11, 13, 17]).showText()
        #expect(text.contains("14.6%"))  // 7 / 48
    }

    /// A round of people speaking for these milliseconds.
    static func round(milliseconds lengths: [Int64]) throws -> Transcript {
        var log = ScriptedLog(Plans.round(Array(["Ana", "Ben", "Chloé"].prefix(lengths.count)), turn: nil))
        try log.act(.begin)
        for length in lengths { try log.at(.milliseconds(length), .handOn) }
        return try log.transcript()
    }

    /// The equality table's closing row.
    static func footer(_ transcript: Transcript) throws -> [String] {
        let section = try #require(transcript.document().sections.first { $0.id == "equality" })
        for case .table(let table) in section.blocks { return try #require(table.footer) }
        Issue.record("no table")
        return []
    }

    /// 3.4 s and 0.6 s: rows 0:03 and 0:00, total 0:03 (it said 0:04).
    @Test func theTotalRowAddsUpTheRows() throws {
        let transcript = try Self.round(milliseconds: [3400, 600])
        #expect(try Self.footer(transcript).prefix(3) == ["Total", "0:03", "100.0%"])
        #expect(squeezed(transcript.showText()).contains("Total 0:03 100.0%"))
    }

    /// Everyone under a second: both shares 0.0 %, so no 100.0 % below them, and nobody has
    /// spoken as the clocks read.
    @Test func everyoneUnderASecondHasNoHundredPercent() throws {
        let transcript = try Self.round(milliseconds: [400, 700])
        #expect(transcript.equality.people.map(\.share) == [0, 0])
        #expect(try Self.footer(transcript).prefix(3) == ["Total", "0:00", ""])
        #expect(!transcript.showText().contains("100.0%"))
        #expect(transcript.showText().contains("Spread: nobody has spoken"))
    }

    @Test func someoneWhoOnlyPassedMakesTheRatioUndefined() throws {
        let transcript = try Self.round([60, nil, 30])
        let ben = transcript.equality.people[1]
        #expect(ben.turns == 0 && ben.passes == 2 && ben.speaking == .zero && ben.share == 0)
        #expect(ben.fairShare == .seconds(30))  // 90 s spoken by three people present
        let spread = try #require(transcript.equality.spread)
        #expect(spread.shortest == .zero && spread.longest == .seconds(60))
        #expect(spread.ratio == nil)
        #expect(transcript.showText().contains("Spread: longest 1:00, shortest 0:00, difference 1:00, ratio —"))
        #expect(transcript.markdown().contains("ratio —"))
    }

    @Test func pairsWithATrio() throws {
        var log = ScriptedLog(Plans.pairs(["Ana", "Ben", "Chloé", "Dev", "Eun"]))
        try log.act(.begin)
        try log.wait(.seconds(180))
        try log.at(.seconds(100), .swapEarly)
        try log.wait(.seconds(180))
        let transcript = try log.transcript()
        let turns = transcript.turns
        #expect(turns.count == 2 + 3)
        #expect(turns.allSatisfy { $0.role == .thinker && $0.kind == .pairs })
        #expect(turns.map(\.endedBy) == [.time, .time, .facilitator, .facilitator, .time])
        #expect(turns.map(\.turn) == [1, 1, 2, 2, 3])
        let rows = lines(transcript.csv(), separator: "\r\n")
        #expect(rows[3] == "morning,1,pairs,1,2,Ben,thinker,2026-11-22T10:03:00.000Z,100.0,180.0,0.0,false,facilitator")
        #expect(rows[5] == "morning,1,pairs,1,3,Eun,thinker,2026-11-22T10:04:40.000Z,180.0,180.0,0.0,false,time")
        let text = transcript.showText()
        #expect(
            squeezed(text).contains(
                "10:03:00 Ben thinker, half 2, pair 1 1:40 3:00 swapped early by the facilitator"))
        #expect(squeezed(text).contains("10:00:00 Ana thinker, half 1, pair 1 3:00 3:00 ended by time"))
        #expect(text.contains("  Early swaps\n    10:04:40: half 2 ended early by the facilitator, for the whole room"))
    }

    @Test func notesAreNeverShownForAPairsStep() throws {
        // A hand-edited plan that allows notes in pairs: the engine takes the note, the
        // transcript never shows it.
        var log = ScriptedLog(Plans.pairs(["Ana", "Ben"], notes: true))
        try log.act(.begin)
        try log.at(.seconds(30), .addNote(text: "Ana's private worry"))
        try log.wait(.seconds(360))
        #expect(log.session.notes.count == 1)
        let transcript = try log.transcript()
        #expect(transcript.notes.isEmpty)
        #expect(transcript.problems.contains { $0.contains("withheld") })
        for rendering in [transcript.showText(), transcript.markdown(), transcript.csv(), try transcript.json()] {
            #expect(!rendering.contains("private worry"))
        }
    }

    static func council() throws -> Transcript {
        var log = ScriptedLog(Plans.council())
        try log.act(.begin)
        try log.at(.seconds(540), .handOn)
        try log.at(.seconds(20), .frameQuestion(text: "How might I lead this change with ease?"))
        try log.act(.begin)
        for seconds in [50, 70, 40] { try log.at(.seconds(Int64(seconds)), .handOn) }
        try log.act(.begin)
        try log.at(.seconds(100), .handOn)
        return try log.transcript()
    }

    @Test func aCouncilShowsThePresenterAndTheFramedQuestion() throws {
        let transcript = try Self.council()
        #expect(transcript.status == .complete)
        let presenterRows = lines(transcript.csv(), separator: "\r\n").filter { $0.contains(",presenter,") }
        #expect(
            presenterRows == [
                "morning,1,presenter,1,1,Chloé,presenter,2026-11-22T10:00:00.000Z,540.0,600.0,0.0,false,thinker",
                "morning,4,presenter,1,1,Chloé,presenter,2026-11-22T10:12:00.000Z,100.0,120.0,0.0,false,thinker",
            ])
        #expect(
            transcript.steps[2].question == .init(text: "How might I lead this change with ease?", source: .presenter))
        #expect(transcript.steps[0].question == nil)
        let text = transcript.showText()
        #expect(text.contains("  The Presenter's question: How might I lead this change with ease?"))
        #expect(text.contains("  Framed: How might I lead this change with ease?"))
        #expect(text.contains("People: Ana, Ben, Chloé (Presenter), Dev"))
        #expect(text.contains("  Round 1 · starts with Ana · clockwise"))
    }

    @Test func aCouncilsSpreadIsAmongMembers() throws {
        let equality = try Self.council().equality
        #expect(equality.presenterApart)
        #expect(equality.people[2].presenter && equality.people[2].speaking == .seconds(640))
        #expect(equality.people[2].share == nil && equality.people[2].fairShare == nil)
        #expect(equality.total == .seconds(160))
        #expect(equality.people.map(\.share) == [313, 437, nil, 250])  // 312.5, 437.5, 250: a tie goes to who sat first
        #expect(equality.people[2].turns == 2)
        let spread = try #require(equality.spread)
        #expect(spread.longest == .seconds(70) && spread.shortest == .seconds(40))
        #expect(spread.ratio == 1.75)
        #expect(
            try Self.council().showText().contains("Spread among members (the Presenter is apart): longest 1:10"))
    }
}
