import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

@Suite("The components, reviewed")
struct ComponentEvidenceTests {
    /// A council of five (Chloé presents): she thinks aloud, frames her question, one council
    /// round (Ben runs over by 0:15), her freshest thinking, then appreciation of her.
    static func council() throws -> ScriptedLog {
        var plan = Plans.council(["Ana", "Ben", "Chloé", "Dev", "Eun"])
        plan.definition.steps.append(
            StepDefinition(kind: .round, title: "Closing round", turn: .seconds(60), who: .members, to: .presenter))
        var log = ScriptedLog(plan)
        try log.act(.begin)
        try log.at(.seconds(400), .handOn)
        try log.at(.seconds(30), .frameQuestion(text: "What if I trusted the team?"))
        try log.act(.begin)
        for seconds in [50, 75, 60, 40] { try log.at(.seconds(Int64(seconds)), .handOn) }
        try log.act(.begin)
        try log.at(.seconds(90), .handOn)
        try log.act(.begin)
        while log.session.stage.liveTurn != nil { try log.at(.seconds(20), .handOn) }
        return log
    }

    @Test func aCouncilHeldItsAppreciationRoundAndFramedAQuestion() throws {
        let transcript = try Self.council().transcript()
        let evidence = transcript.components
        let appreciation = try #require(evidence.appreciation)
        #expect(appreciation.rounds.count == 1)
        let closing = try #require(appreciation.rounds.first)
        #expect(closing.held && closing.toPresenter && closing.place == .closing)
        #expect(closing.step == 5 && closing.turns == 4 && closing.passes == 0)
        #expect(evidence.incisiveQuestions?.framed == [.init(step: 2, text: "What if I trusted the team?")])
        #expect(evidence.equality?.amongMembers == true)
        #expect(evidence.ease?.overtime.map(\.person) == [1])
        #expect(evidence.ease?.totalOverrun == .seconds(15))

        let text = transcript.showText()
        #expect(text.contains("Components (what the log shows)"))
        #expect(
            text.contains(
                "    Closing appreciation round held (step 5 · Closing round, directed to the Presenter): 4 turns, 0 passes."
            ))
        #expect(text.contains("  Incisive Questions\n    Framed in step 2: What if I trusted the team?"))
        #expect(
            text.contains("Overtime allowed in 1 of 10 timed turns, 0:15 in all: Ben (step 3, round 1, turn 2) +0:15."))
        let markdown = transcript.markdown()
        #expect(markdown.contains("### Appreciation"))
        #expect(markdown.contains("- Framed in step 2: What if I trusted the team?"))
    }

    @Test func anAppreciationRoundIsFoundByItsTitleOrQuestionAndMayNotBeHeld() throws {
        var plan = Plans.round(["Ana", "Ben"], question: nil)
        plan.definition.steps[0].title = "Opening round"
        plan.definition.steps[0].question = "What do you APPRECIATE in your work?"
        plan.definition.steps.append(StepDefinition(kind: .round, title: "Appreciations"))
        var log = ScriptedLog(plan)
        try log.act(.begin)
        try log.at(.seconds(30), .handOn)
        try log.at(.seconds(30), .handOn)
        let rounds = try #require(try log.transcript().components.appreciation?.rounds)
        #expect(rounds.map(\.step) == [1, 2])
        #expect(rounds.map(\.held) == [true, false])
        #expect(rounds[0].place == .opening && !rounds[0].toPresenter)
        #expect(try log.transcript().showText().contains("(step 2 · Appreciations): not held."))
    }

    @Test func aRoundWithoutAppreciationHasNoSuchSection() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        #expect(transcript.components.appreciation == nil)
        #expect(transcript.components.incisiveQuestions == nil)
        #expect(!transcript.showText().contains("Appreciation"))
    }

    @Test func rotatedRoundsShowTheirStartersAndDirections() throws {
        var plan = Plans.round(["Ana", "Ben", "Chloé"], turn: nil, rounds: .fixed(3))
        plan.definition.steps[0].rotate = .both
        var log = ScriptedLog(plan)
        try log.act(.begin)
        for _ in 0..<9 { try log.at(.seconds(10), .handOn) }
        let difference = try #require(try log.transcript().components.difference)
        #expect(difference.rounds.map(\.starter) == [0, 1, 0])
        #expect(difference.rounds.map(\.direction) == [.clockwise, .anticlockwise, .clockwise])
        #expect(difference.startersRotated && difference.directionsChanged)
        #expect(difference.seed == nil)
        let text = try log.transcript().showText()
        #expect(
            text.contains(
                "Rounds: step 1 round 1: Ana, clockwise; step 1 round 2: Ben, anticlockwise; step 1 round 3: Ana, clockwise."
            ))
        #expect(text.contains("The starter changed between rounds; both directions were used."))
    }

    @Test func roundsThatDidNotRotateSayTheSameStarter() throws {
        var plan = Plans.round(["Ana", "Ben"], turn: nil, rounds: .fixed(2))
        plan.seed = 42
        var log = ScriptedLog(plan)
        try log.act(.begin)
        for _ in 0..<4 { try log.at(.seconds(10), .handOn) }
        let difference = try #require(try log.transcript().components.difference)
        #expect(!difference.startersRotated && !difference.directionsChanged)
        #expect(difference.seed == 42)
        let text = try log.transcript().showText()
        #expect(text.contains("Every round had the same starter; one direction throughout."))
        #expect(text.contains("Random order from seed 42."))
    }

    @Test func pairsWithAnEarlySwapAndAPauseShowEase() throws {
        var log = ScriptedLog(Plans.pairs(["Ana", "Ben", "Chloé", "Dev"]))
        try log.act(.begin)
        try log.at(.seconds(60), .pause)
        try log.at(.seconds(30), .resume)
        try log.wait(.seconds(120))
        try log.at(.seconds(100), .swapEarly)
        let transcript = try log.transcript()
        let ease = try #require(transcript.components.ease)
        #expect(ease.earlySwaps.map(\.step) == [1])
        #expect(ease.earlySwaps.map(\.half) == [2])
        #expect(ease.earlySwaps.first?.at.iso8601 == "2026-11-22T10:05:10.000Z")
        #expect(ease.facilitatorPauses == 1 && ease.pausedFor == .seconds(30))
        #expect(ease.overtime.isEmpty)
        let text = transcript.showText()
        #expect(text.contains("Early swap in step 1, half 2 (the facilitator, confirmed)."))
        #expect(text.contains("Paused by the facilitator once, 0:30 in all."))
        // Pairs record no content and no rounds: nothing for Difference or Appreciation.
        #expect(transcript.components.difference == nil)
        #expect(transcript.components.appreciation == nil)
    }

    @Test func finishingDuringPairsIsNotAnEarlySwap() throws {
        var log = ScriptedLog(Plans.pairs(["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.seconds(60), .finish)
        let transcript = try log.transcript()
        #expect(transcript.turns.map(\.endedBy) == [.facilitator])
        #expect(transcript.components.ease?.earlySwaps == [])
    }

    /// One `i` while three pairs think is one interruption, nobody's turn in particular (it
    /// counted once for each thinker: "3 interruptions noted").
    @Test func oneInterruptionInPairsIsOne() throws {
        var log = ScriptedLog(Plans.pairs(["Ana", "Ben", "Chloé", "Dev", "Eun", "Fay"]))
        try log.act(.begin)
        try log.at(.seconds(30), .noteInterruption)
        try log.wait(.seconds(150))
        try log.wait(.seconds(180))
        let transcript = try log.transcript()
        #expect(transcript.turns.map(\.interruptions) == [0, 0, 0, 0, 0, 0])
        #expect(transcript.equality.people.map(\.interruptions) == [0, 0, 0, 0, 0, 0])
        #expect(transcript.steps[0].interruptions == 1)
        let attention = try #require(transcript.components.attention)
        #expect(attention.interruptions == 1 && attention.interruptedTurns.isEmpty)
        #expect(transcript.showText().contains("1 interruption noted in 6 turns, during the pairs of step 1: 1."))
    }

    /// An interruption noted as Ana handed on counts for Ana's turn only (it counted for Ben's
    /// too); one noted as the program stopped counts for the turn it stopped in.
    @Test func anInterruptionAtAHandOnCountsOnce() throws {
        var log = ScriptedLog(Plans.round(["Ana", "Ben"]))
        try log.act(.begin)
        try log.at(.seconds(10), .noteInterruption)
        try log.act(.handOn)
        try log.at(.seconds(20), .noteInterruption)
        let transcript = try log.transcript()
        #expect(transcript.turns.map(\.interruptions) == [1, 1])
        #expect(transcript.equality.people.map(\.interruptions) == [1, 1])
        #expect(transcript.components.attention?.interruptions == 2)
    }

    @Test func interruptionsAreCountedPerTurn() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        let attention = try #require(transcript.components.attention)
        #expect(attention.interruptions == 1 && attention.turns == 4)
        #expect(attention.interruptedTurns == [.init(step: 1, round: 1, turn: 3, person: 2, count: 1)])
        #expect(
            transcript.showText().contains(
                "  Attention\n    1 interruption noted in 4 turns, during Chloé (step 1, round 1, turn 3): 1."))

        var quiet = ScriptedLog(Plans.round(["Ana", "Ben"]))
        try quiet.act(.begin)
        try quiet.at(.seconds(10), .handOn)
        try quiet.at(.seconds(10), .pass)
        // Ben's second offer was on screen when the log stops: it counts, as in progress.
        let quietText = try quiet.transcript().showText()
        #expect(
            squeezed(quietText).contains("Ben member 0:00 2:00 in progress when the session stopped, offered again"))
        #expect(quietText.contains("No interruption noted in 2 turns."))
    }

    @Test func equalitySaysTheSpreadAndTurnsAndPassesPerPerson() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        let equality = try #require(transcript.components.equality)
        #expect(equality.people.map(\.turns) == [1, 1, 1, 1])
        #expect(equality.people.map(\.passes) == [0, 1, 0, 0])
        let text = transcript.showText()
        #expect(text.contains("Spread: longest 2:12, shortest 0:30, difference 1:42, ratio 4.40."))
        #expect(text.contains("Turns and passes: Ana 1/0, Ben 1/1, Chloé 1/0, Dev 1/0."))
    }

    @Test func aSessionNotBegunHasNoEvidence() throws {
        let transcript = try ScriptedLog(Plans.round()).transcript()
        #expect(transcript.components.isEmpty)
        #expect(!transcript.showText().contains("Components"))
    }
}
