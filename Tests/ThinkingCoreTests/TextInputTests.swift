import Testing

@testable import ThinkingCore

@Suite("Durations and names as typed")
struct TextInputTests {
    @Test(
        "durations people type",
        arguments: [
            ("90s", 90), ("2m", 120), ("1m30s", 90), (" 1M30S ", 90), ("1h", 3600), ("1h5m", 3900),
            ("45s", 45), ("0m30s", 30),
        ])
    func parses(text: String, seconds: Int64) {
        #expect(DurationText.parse(text) == .seconds(seconds))
    }

    @Test(
        "durations refused",
        arguments: ["", "90", "0s", "-5s", "2x", "m", "30s2m", "1.5m", "2m m", "25h", "99999999999999s", "1m 30s"])
    func refuses(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func formatsForReadingBack() {
        #expect(DurationText.format(.seconds(90)) == "1m30s")
        #expect(DurationText.format(.seconds(3900)) == "1h5m")
        #expect(DurationText.format(.zero) == "0s")
        #expect(DurationText.parse(DurationText.format(.seconds(3725))) == .seconds(3725))
        #expect(DurationText.clock(.milliseconds(245_999)) == "4:05")
        #expect(DurationText.clock(.seconds(3723)) == "1:02:03")
    }

    @Test func namesAreTrimmedAndUnicodeWorks() throws {
        let names = try Roster.validated(Roster.names(fromList: " Zoë ,李, 🦊 Fox,Chloé"))
        #expect(names == ["Zoë", "李", "🦊 Fox", "Chloé"])
    }

    @Test(
        "names refused",
        arguments: [
            (["Ana", "ana"], PlanError.duplicateName("ana")),
            (["Ana", " "], .emptyName(position: 2)),
            ([" ", ""], .noPeople),
        ])
    func namesRefused(names: [String], error: PlanError) {
        #expect(throws: error) { try Roster.validated(names) }
    }

    @Test func rosterFilesSkipBlankLinesAndComments() {
        let text = "# Tuesday group\nAna\n\n  Ben  \r\nChloé\n# away: Dev\n"
        #expect(Roster.names(fromLines: text) == ["Ana", "Ben", "Chloé"])
    }

    @Test func theStarterAndPresenterAreFoundByName() throws {
        let plan = try SessionPlan.make(
            definition: Fixture.council(), names: Fixture.five, presenter: "chloé", starter: "Eun")
        #expect(plan.presenter == 2 && plan.starter == 4)
        #expect(throws: PlanError.unknownPerson("Zed", Fixture.five)) {
            try SessionPlan.make(definition: Fixture.round(), names: Fixture.five, starter: "Zed")
        }
    }

    @Test func theTurnOptionReplacesRoundAndPairsTimesOnly() throws {
        let plan = try SessionPlan.make(
            definition: Fixture.council(), names: Fixture.five, presenter: "Ana",
            turnOverride: .seconds(45))
        let steps = plan.definition.steps
        #expect(plan.turn(for: steps[0]) == .seconds(600))
        #expect(plan.turn(for: steps[2]) == .seconds(45))
    }
}
