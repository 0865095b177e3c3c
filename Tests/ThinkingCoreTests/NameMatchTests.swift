import Testing

@testable import ThinkingCore

/// Names as a facilitator types them: case and accents ignored, and a tie chooses nobody.
@Suite("Names as people type them")
struct NameMatchTests {
    static let room = ["Zoë", "Chloé", "Dvořák", "李", "محمد", "Ana", "Anaïs", "ÉVA", "Zoë Smith"]

    @Test(arguments: [
        ("zoe", "Zoë"), ("ZOË", "Zoë"), ("chloe", "Chloé"), ("dvorak", "Dvořák"), ("  Dvořák ", "Dvořák"),
        ("李", "李"), ("محمد", "محمد"), ("ana", "Ana"), ("anais", "Anaïs"), ("eva", "ÉVA"), ("Ｚｏｅ", "Zoë"),
        ("Zoe\u{308}", "Zoë"), ("zoe  smith", "Zoë Smith"), ("Zoë\tSmith", "Zoë Smith"),
    ])
    func aNameIsFoundWithoutItsCaseOrAccents(typed: String, name: String) {
        #expect(NameMatch.find(typed, among: Self.room) == .one(Self.room.firstIndex(of: name)!))
    }

    @Test func aStartIsEnoughOnlyWhereAsked() {
        #expect(NameMatch.find("chl", among: Self.room) == .none)
        #expect(NameMatch.find("chl", among: Self.room, startsEnough: true) == .one(1))
        // "ana" is Ana's whole name: the better tier wins over Anaïs's start.
        #expect(NameMatch.find("ana", among: Self.room, startsEnough: true) == .one(5))
        #expect(NameMatch.find("an", among: Self.room, startsEnough: true) == .several([5, 6]))
    }

    @Test func twoPeopleWhoMatchEquallyAreListedAndNobodyIsChosen() {
        let both = ["Zoe", "Zoë", "Ben"]
        #expect(NameMatch.find("zoe", among: both) == .several([0, 1]))
        #expect(NameMatch.find("ZOE", among: both) == .several([0, 1]))
        // Written as given, or with only its case changed, one of them is meant.
        #expect(NameMatch.find("Zoë", among: both) == .one(1))
        #expect(NameMatch.find("zoë", among: both) == .one(1))
        #expect(NameMatch.find("Zoe", among: both) == .one(0))
    }

    @Test func nothingIsFoundForNothing() {
        #expect(NameMatch.find("", among: Self.room) == .none)
        #expect(NameMatch.find("   ", among: Self.room, startsEnough: true) == .none)
        #expect(NameMatch.find("Zed", among: Self.room, startsEnough: true) == .none)
        #expect(NameMatch.find("zoe", among: []) == .none)
    }

    @Test func theStarterAndPresenterAreFoundWithoutAccents() throws {
        let plan = try SessionPlan.make(
            definition: Fixture.council(), names: ["Zoë", "Ben", "Chloé", "Dvořák"], presenter: "chloe",
            starter: "dvorak")
        #expect(plan.presenter == 2 && plan.starter == 3)
        #expect(throws: PlanError.ambiguousPerson("zoe", ["Zoe", "Zoë"])) {
            try SessionPlan.make(definition: Fixture.round(), names: ["Zoe", "Zoë", "Ben"], starter: "zoe")
        }
    }
}
