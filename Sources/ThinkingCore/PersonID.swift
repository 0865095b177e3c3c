/// A person in a session, identified by their place in the roster (0-based: the first
/// name given is person 0; people who arrive late come after). Its own type, so that a
/// person is never mistaken for a step, a round or a count. Written in the log as the bare
/// number.
public struct PersonID: Hashable, Comparable, Codable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The place in the roster, 0-based.
    public let index: Int

    public init(_ index: Int) { self.index = index }
    public init(integerLiteral index: Int) { self.index = index }

    /// The number people see for them (1-based).
    public var number: Int { index + 1 }

    public var description: String { "\(index)" }

    public static func < (a: PersonID, b: PersonID) -> Bool { a.index < b.index }

    public init(from decoder: any Decoder) throws {
        index = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(index)
    }
}

extension Array {
    /// The element of person `id` (the roster's names, a tally per person).
    public subscript(_ id: PersonID) -> Element {
        get { self[id.index] }
        set { self[id.index] = newValue }
        // In place: without it, `array[id].append(x)` copies the whole inner array each time.
        _modify { yield &self[id.index] }
    }

    /// Whether `id` is a place in this array.
    public func holds(_ id: PersonID) -> Bool { indices.contains(id.index) }

    /// Everyone this array has a place for (a roster's people), in order.
    public var personIDs: [PersonID] { indices.map { PersonID($0) } }

    /// The first person whose element satisfies `predicate`.
    public func firstPerson(where predicate: (Element) throws -> Bool) rethrows -> PersonID? {
        try firstIndex(where: predicate).map { PersonID($0) }
    }
}

extension Range where Bound == Int {
    /// The people at these places in the roster.
    public var people: [PersonID] { map { PersonID($0) } }
}
