/// Text being typed that is not yet part of the session: a note, the Presenter's question, a
/// partnership's incisive question. It is kept in the private heartbeat beside the log (never
/// in the log until it is saved), so that a `resume` after a crash opens the field with it.
public struct Draft: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case note
        case question
        case incisiveQuestion
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
