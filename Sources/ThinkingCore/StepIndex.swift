/// A step of the protocol being run, by its place in the protocol (0-based in the engine;
/// people and transcripts count from 1: `number`). Its own type, so that a step is never
/// mistaken for a person, a round or a turn. Written in the log as the bare number.
public struct StepIndex: Hashable, Comparable, Codable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The place in the protocol's steps, 0-based.
    public let index: Int

    public init(_ index: Int) { self.index = index }
    public init(integerLiteral index: Int) { self.index = index }

    /// The number people see ("Step 2 of 5"), 1-based.
    public var number: Int { index + 1 }
    /// The step after this one.
    public var next: StepIndex { StepIndex(index + 1) }

    public var description: String { "\(index)" }

    public static func < (a: StepIndex, b: StepIndex) -> Bool { a.index < b.index }

    public init(from decoder: any Decoder) throws {
        index = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(index)
    }
}

extension Array {
    /// The element for step `step` (a protocol's step definitions, a list per step).
    public subscript(_ step: StepIndex) -> Element {
        get { self[step.index] }
        set { self[step.index] = newValue }
        // In place: without it, `array[step].append(x)` copies the whole inner array each time.
        _modify { yield &self[step.index] }
    }

    /// Whether `step` is a place in this array.
    public func holds(_ step: StepIndex) -> Bool { indices.contains(step.index) }

    /// Every step this array has a place for, in order.
    public var stepIndices: [StepIndex] { indices.map { StepIndex($0) } }
}
