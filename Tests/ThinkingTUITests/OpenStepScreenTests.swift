import Testing
import ThinkingCore

@testable import ThinkingTUI

@Suite("Screens of the other applications")
struct OpenStepScreenTests {
    static func one(_ step: StepDefinition) -> ProtocolDefinition {
        ProtocolDefinition(id: "t", name: "Test", summary: "", steps: [step])
    }

    @Test func aDiscussionShowsNumberedTalliesAndWhoIsSpeaking() throws {
        let discussion = Self.one(
            StepDefinition(kind: .discussion, title: "Open discussion", time: .seconds(900), components: [.difference]))
        let session = try ScreenFixtures.session(
            discussion, ["Ana", "Ben", "Chloé", "李"], [(.begin, 0), (.speak(person: 2), 10), (.speak(person: 0), 40)])
        let lines = ScreenFixtures.render(session, at: 55)
        #expect(lines[0].hasSuffix("0:55 of 15m"))
        #expect(lines.contains { $0.contains("1 Ana 0:15") && $0.contains("3 Chloé 0:30") && $0.contains("4 李 0:00") })
        #expect(lines.contains { $0.trimmed == "Ana" })
        #expect(lines.contains { $0.contains("speaking · nobody is cut off") })
        #expect(lines.last?.contains("1-9: who speaks") == true)
        let silence = try ScreenFixtures.session(
            discussion, ["Ana", "Ben"], [(.begin, 0), (.speak(person: 1), 5), (.handOn, 9)])
        #expect(ScreenFixtures.render(silence, at: 12).contains { $0.trimmed == "Open discussion" })
    }

    @Test func aDialogueShowsBothRunningTotals() throws {
        let dialogue = Self.one(
            StepDefinition(kind: .dialogue, title: "Dialogue", time: .seconds(1200), components: [.attention]))
        let session = try ScreenFixtures.session(dialogue, ["Ana", "Ben"], [(.begin, 0), (.handOn, 70)])
        let lines = ScreenFixtures.render(session, at: 100)
        #expect(lines.contains { $0.contains("Ana 1:10") && $0.contains("Ben 0:30") })
        let ben = ScreenFixtures.banner("Ben", size: .small)
        #expect(ben.allSatisfy { row in lines.contains { $0.trimmed == row } })
        #expect(lines[0].hasSuffix("1:40 of 20m"))
    }

    @Test func aPartnershipShowsOnlyAQuietPartIndicator() throws {
        let partnership = Self.one(
            StepDefinition(kind: .partnership, title: "Thinking partnership", components: [.ease]))
        let session = try ScreenFixtures.session(partnership, ["Ana", "Ben"], [(.begin, 0), (.handOn, 600)])
        let lines = ScreenFixtures.render(session, at: 660)
        #expect(lines.contains { $0.trimmed == "Part 2 of 6 · The further goal for this session" })
        #expect(lines.contains { $0.trimmed == "Thinker · Partner: Ben" })
    }

    @Test func discussionKeysPickThePerson() throws {
        let discussion = Self.one(
            StepDefinition(kind: .discussion, title: "Open discussion", components: [.difference]))
        let session = try ScreenFixtures.session(discussion, ["Ana", "Ben", "Chloé"], [(.begin, 0)])
        var controls = Controls()
        #expect(controls.interpret(.character("2"), session: session) == .act(.speak(person: 1)))
        #expect(controls.interpret(.character("C"), session: session) == .act(.speak(person: 2)))
        #expect(controls.interpret(.character("9"), session: session) == .none)
        #expect(controls.interpret(.character("r"), session: session) == .act(.roundFromHere))
        #expect(controls.interpret(.character("e"), session: session) == .none)
        #expect(controls.overlay == .confirmEndStep)
        controls.overlay = .confirmEndStep
        #expect(
            ScreenFixtures.render(session, at: 3, controls: controls).contains {
                $0.contains("End this step now and move on?")
            })
        #expect(controls.interpret(.character("y"), session: session) == .act(.endStep))
    }
}

@Suite("A transforming meeting's screen")
struct MeetingScreenTests {
    @Test func theItemAndItsBudgetAreInTheHeader() throws {
        let meeting = ProtocolDefinition(
            id: "transforming-meeting", name: "Meeting", summary: "",
            steps: [
                StepDefinition(kind: .agenda, title: "The agenda", components: [.information])
            ])
        let agenda = Agenda(items: [
            .init(question: "Why do we meet?", steps: [.round], budget: .seconds(600)),
            .init(question: "What next?"),
        ])
        let session = try ScreenFixtures.session(agenda.expand(meeting), ["Ana", "Ben"], [(.begin, 0), (.handOn, 70)])
        let lines = ScreenFixtures.render(session, at: 100)
        #expect(lines[0].contains("Meeting · Item 1 of 2: round"))
        #expect(lines[0].hasSuffix("Step 1 of 2 · Item 1 of 2 · 1:40 of 10m"))
        #expect(lines.contains { $0.trimmed == "Why do we meet?" })
    }
}
