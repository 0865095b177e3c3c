import Testing

@testable import ThinkingCore

@Suite("Transforming meeting: the agenda")
struct AgendaTests {
    static let meeting = ProtocolDefinition(
        id: "transforming-meeting", name: "Transforming Meeting", summary: "",
        steps: [
            StepDefinition(
                kind: .round, title: "Opening round", question: "What is going well?", components: [.appreciation]),
            StepDefinition(kind: .agenda, title: "The agenda", notes: true, components: [.information]),
            StepDefinition(kind: .round, title: "Closing round", components: [.appreciation]),
        ])

    @Test func theAgendaStepBecomesEachItemsSteps() {
        let agenda = Agenda(items: [
            .init(question: "How do we shorten Tuesdays?"),
            .init(
                question: "What would make the timetable work?", steps: [.pairs, .discussion], budget: .seconds(900),
                turn: .seconds(120)),
        ])
        let steps = agenda.expand(Self.meeting).steps
        #expect(steps.map(\.kind) == [.round, .round, .pairs, .discussion, .round])
        #expect(
            steps.map(\.title) == [
                "Opening round", "Item 1 of 2: round", "Item 2 of 2: thinking pairs", "Item 2 of 2: open discussion",
                "Closing round",
            ])
        #expect(steps[2].question == "What would make the timetable work?")
        #expect(steps[2].notes == false)  // the content of pairs is never recorded
        #expect(steps[3].item == AgendaItemRef(number: 2, count: 2, budget: .seconds(900), turn: .seconds(120)))
    }

    @Test func aMeetingWithoutItsAgendaDoesNotStart() {
        #expect(throws: PlanError.agendaNeeded("Transforming Meeting")) {
            try SessionPlan.make(definition: Self.meeting, names: ["Ana", "Ben"])
        }
    }

    @Test func anItemsOwnTurnWinsOverTheSessionsAndItsTimeIsShownAgainstItsBudget() throws {
        let agenda = Agenda(items: [.init(question: "Why?", steps: [.round], budget: .seconds(600), turn: .seconds(45))]
        )
        let plan = try SessionPlan.make(
            definition: agenda.expand(Self.meeting), names: ["Ana", "Ben"], turnOverride: .seconds(90))
        #expect(plan.turn(for: plan.definition.steps[0]) == .seconds(90))
        #expect(plan.turn(for: plan.definition.steps[1]) == .seconds(45))
        var d = Driver(plan)
        try d.act(.begin); try d.act(.handOn); try d.act(.handOn)
        d.wait(.seconds(30))
        try d.act(.begin)
        d.wait(.seconds(100))
        let view = d.session.roomView(at: d.clock.now)
        #expect(view.item?.number == 1 && view.item?.used == .seconds(100) && view.item?.budget == .seconds(600))
        #expect(view.question == "Why?")
    }

    @Test func plainTextAgendas() {
        let agenda = Agenda.lines("# Tuesday\nHow do we shorten Tuesdays?\n\nThe budget\n")
        #expect(agenda.items.map(\.question) == ["How do we shorten Tuesdays?", "The budget"])
        #expect(agenda.items.map(\.isQuestion) == [true, false])
    }
}
