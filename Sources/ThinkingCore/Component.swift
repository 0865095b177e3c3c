/// The ten components of a Thinking Environment, in their usual order.
public enum Component: String, CaseIterable, Codable, Sendable, Hashable {
    case attention = "Attention"
    case equality = "Equality"
    case ease = "Ease"
    case appreciation = "Appreciation"
    case encouragement = "Encouragement"
    case feelings = "Feelings"
    case information = "Information"
    case difference = "Difference"
    case incisiveQuestions = "Incisive Questions"
    case place = "Place"
}
