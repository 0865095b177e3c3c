import ThinkingCore

/// The words the screen gives to what the engine names: roles, where a step stands, the
/// parts of a thinking partnership, in the screen's language. The engine holds the enums; only
/// the screen holds words.
struct RoomWords {
    var words: Words

    func role(_ role: RoomView.Role) -> String {
        switch role {
        case .member: words[.roleMember]
        case .offeredAgain: words[.roleOfferedAgain]
        case .presenter: words[.rolePresenter]
        case .thinker: words[.roleThinker]
        case .inDialogue: words[.roleDialogue]
        }
    }

    func progress(_ progress: RoomView.Progress) -> String {
        switch progress {
        case .round(let number, of: let count?): words.fill(.roundOf, ["n": "\(number)", "count": "\(count)"])
        case .round(let number, of: nil): words.fill(.roundN, ["n": "\(number)"])
        case .offeredAgain: words[.offeredAgainProgress]
        case .pairsTurn(let number, of: let count): words.fill(.pairsTurnOf, ["n": "\(number)", "count": "\(count)"])
        }
    }

    func part(_ part: PartnershipPart) -> String {
        switch part {
        case .explore: words[.partExplore]
        case .furtherGoal: words[.partFurtherGoal]
        case .assumptions: words[.partAssumptions]
        case .incisiveQuestion: words[.partIncisiveQuestion]
        case .recordingTheQuestion: words[.partRecording]
        case .appreciation: words[.partAppreciation]
        }
    }
}
