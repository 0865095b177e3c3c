import ThinkingCore

/// The words the screen gives to what the engine names: roles, where a step stands, the
/// parts of a thinking partnership. The engine holds the enums; only the screen holds words.
enum RoomWords {
    static func role(_ role: RoomView.Role) -> String {
        switch role {
        case .member: "Member"
        case .offeredAgain: "Offered again"
        case .presenter: "Presenter"
        case .thinker: "Thinker"
        case .inDialogue: "Dialogue"
        }
    }

    static func progress(_ progress: RoomView.Progress) -> String {
        switch progress {
        case .round(let number, of: let count?): "Round \(number) of \(count)"
        case .round(let number, of: nil): "Round \(number)"
        case .offeredAgain: "Offered again to those who passed"
        case .pairsTurn(let number, of: let count): "Turn \(number) of \(count)"
        }
    }

    static func part(_ part: PartnershipPart) -> String {
        switch part {
        case .explore: "Explore: what do you want to think about, and what are your thoughts?"
        case .furtherGoal: "The further goal for this session"
        case .assumptions: "Assumptions: what might be stopping you?"
        case .incisiveQuestion: "The incisive question"
        case .recordingTheQuestion: "Recording the incisive question"
        case .appreciation: "Appreciation"
        }
    }
}
