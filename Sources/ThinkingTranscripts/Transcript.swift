import ThinkingCore
import ThinkingLog

/// What the facilitator reviews after a session: who spoke, in what order, for how long,
/// who passed, what notes were taken and how equal the time was.
///
/// Built from a session log (`init(header:entries:)`) by replaying it through the engine;
/// rendered as terminal text, Markdown, CSV or JSON (see the `Transcript+*.swift` files).
/// Text fields hold what was typed, raw: every rendering makes it safe for its medium.
/// Durations are session time (pauses excluded where a field says "active"); wall times are
/// the header's start plus monotonic time plus the clock gaps recorded up to that moment.
public struct Transcript: Codable, Equatable, Sendable {
    /// 2: the equality figures of the one rule (docs/DECISIONS.md, "One document, thin writers").
    public static let currentFormat = 2

    public var format: Int
    /// The session's name (its log file's stem).
    public var session: String
    public var protocolID: String
    public var protocolName: String
    /// The program that wrote the log.
    public var program: String
    /// Names, in the order the room sat.
    public var people: [String]
    public var presenter: PersonID?
    /// The time zone where it was run, as its log names it (nil in older logs).
    public var zone: String?
    /// Wall time of the session's origin.
    public var started: WallTime
    /// Wall time of the last moment the log knows of.
    public var ended: WallTime
    /// Wall time from origin to the last moment, clock gaps included.
    public var duration: Duration
    public var status: Status
    /// The session's question, as chosen at the start.
    public var sessionQuestion: String?
    /// The Presenter's question, once framed (council).
    public var framedQuestion: String?
    /// A thinking partnership's incisive question, kept because the thinker chose to: theirs.
    public var incisiveQuestion: String?
    public var steps: [Step]
    /// Notes in the order they were typed; never any from a pairs step.
    public var notes: [NoteLine]
    /// Facilitator pauses and downtime (the program not running).
    public var pauses: [PauseLine]
    public var clockGaps: [ClockGap]
    /// People who arrived late or left early, in time order (nil in older exports).
    public var arrivals: [Arrival]?
    /// The seed of a random order, when the circle was shuffled.
    public var seed: UInt64?
    /// Pairs halves the facilitator swapped early (nil in a transcript decoded from an export
    /// that predates this field).
    public var earlySwaps: [EarlySwap]?
    public var equality: Equality
    /// What replay (or the log reader) found wrong; never fatal.
    public var problems: [String]

    /// How the session ended, as far as the log tells.
    public enum Status: String, Codable, Sendable {
        /// The facilitator finished the session.
        case finished
        /// Every step was done, but the session was not formally finished.
        case complete
        /// The log stops in the middle (the program was stopped, or the session goes on).
        case unfinished
    }

    /// One step of the protocol, whether or not it was reached.
    public struct Step: Codable, Equatable, Sendable {
        /// 1-based step number.
        public var number: Int
        public var title: String
        public var kind: StepKind
        /// The question in force during the step, and where it comes from.
        public var question: Question?
        /// Whether the step began (it has turns, or its question was framed).
        public var reached: Bool
        public var rounds: [Round]
        /// To whom the step's contributions are directed (appreciation of the Presenter).
        public var to: Recipient?
        /// Whether the Presenter's record names who said each note (the protocol's `attributed`).
        public var attributed: Bool?
        /// Pairs: interruptions noted while every pair was thinking, nobody's turn in
        /// particular (nil: none).
        public var interruptions: Int?
    }

    /// A question in force, with its source (the core's one rule).
    public typealias Question = QuestionInForce

    /// A round of a step (pairs and Presenter steps have a single round).
    public struct Round: Codable, Equatable, Sendable {
        /// 1-based.
        public var number: Int
        /// Rounds only: who started it and which way it went.
        public var starter: PersonID?
        public var direction: Direction?
        public var turns: [Turn]
    }

    /// One finished turn.
    public struct Turn: Codable, Equatable, Sendable {
        /// 1-based step number.
        public var step: Int
        public var kind: StepKind
        public var round: Int
        /// 1-based within the round (pairs: the half).
        public var turn: Int
        public var person: PersonID
        public var role: Role
        public var started: WallTime
        /// Session time of the start (monotonic, since the origin).
        public var at: Duration
        /// The turn's length, excluding pauses and downtime.
        public var active: Duration
        public var allotted: Duration?
        public var overrun: Duration
        public var passed: Bool
        /// Offered again at the end of the round after a pass.
        public var secondOffer: Bool
        public var endedBy: EndedBy
        /// Pairs: the pair (or trio) index, 0-based.
        public var group: Int?
        /// Interruptions noted by the facilitator during the turn.
        public var interruptions: Int

        /// Whether it went over its time as the clocks show it: by a second at least (a turn
        /// that reached its time by less reads 0:00 over, which is not over).
        public var wentOver: Bool { overrun >= .seconds(1) }
    }

    /// A pairs half the facilitator ended before its time (confirmed, for the whole room).
    public struct EarlySwap: Codable, Equatable, Sendable {
        /// 1-based step number.
        public var step: Int
        /// 1-based half of the pairs step.
        public var half: Int
        public var at: WallTime
    }

    /// A typed note.
    public struct NoteLine: Codable, Equatable, Sendable {
        /// 1-based step number.
        public var step: Int
        public var at: WallTime
        /// Who was thinking when it was typed, if anyone.
        public var person: PersonID?
        public var text: String
    }

    /// A time the clocks stood still.
    public struct PauseLine: Codable, Equatable, Sendable {
        public var reason: Pause.Reason
        public var from: WallTime
        /// Nil while it goes on (the log ends during it).
        public var length: Duration?
    }

    /// The wall clock moved ahead of the session clock (the computer slept).
    /// Someone arriving late or leaving early.
    public struct Arrival: Codable, Equatable, Sendable {
        public var at: WallTime
        public var person: PersonID
        public var arrived: Bool
    }

    public struct ClockGap: Codable, Equatable, Sendable {
        /// Wall time by which it was noticed, the gap included.
        public var at: WallTime
        public var gap: Duration
    }

    /// A person's name, or a placeholder when a hand-edited log names nobody known.
    public func name(_ person: PersonID) -> String {
        people.holds(person) ? people[person] : "person \(person.number)"
    }

    /// Every turn, in order.
    public var turns: [Turn] { steps.flatMap { $0.rounds.flatMap(\.turns) } }
}
