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

extension Component {
    /// One line, in our words, on what the component asks of the room.
    public var line: String {
        switch self {
        case .attention:
            "Listening with respect and interest, without interrupting: the quality of attention shapes the thinking."
        case .equality:
            "Everyone is an equal thinker: equal turns, and nobody speaks twice before everyone has spoken."
        case .ease:
            "Unhurried calm: no rush, no alarms; the thinker's time is theirs."
        case .appreciation:
            "Noticing what is good, sincerely and specifically, more often than criticism."
        case .encouragement:
            "Courage to go to the edge of one's thinking, without competing with other thinkers."
        case .feelings:
            "Letting feelings be expressed: they can clear the way for thinking."
        case .information:
            "Facing the facts, including what is being denied or left out."
        case .difference:
            "Welcoming different views and identities; varying who starts and which way a round goes."
        case .incisiveQuestions:
            "Questions that remove an untrue limiting assumption and free the thinking."
        case .place:
            "A setting that says to people that they matter."
        }
    }
}
