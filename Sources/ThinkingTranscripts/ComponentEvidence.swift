import ThinkingCore
import ThinkingLog

/// What the log shows of the components a session leaned on: facts counted from the
/// transcript, never a score or a judgement. Each part is nil where the log holds no evidence
/// for it (no turns, no appreciation round, no question framed...), so a review shows only
/// the components it can say something true about.
public struct ComponentEvidence: Codable, Equatable, Sendable {
    public var equality: Equality?
    public var attention: Attention?
    public var appreciation: Appreciation?
    public var difference: Difference?
    public var ease: Ease?
    public var incisiveQuestions: IncisiveQuestions?

    /// Speaking time, turns and passes between people.
    public struct Equality: Codable, Equatable, Sendable {
        public var spread: ThinkingCore.Equality.Spread?
        public var amongMembers: Bool
        /// Everyone who took part, in the order the room sat.
        public var people: [Share]

        public struct Share: Codable, Equatable, Sendable {
            public var person: PersonID
            public var speaking: Duration
            public var turns: Int
            public var passes: Int
        }
    }

    /// Interruptions the facilitator noted (time only).
    public struct Attention: Codable, Equatable, Sendable {
        public var interruptions: Int
        /// Turns taken, passes not counted.
        public var turns: Int
        /// The turns during which an interruption was noted.
        public var interruptedTurns: [TurnRef]
        /// Pairs steps with interruptions noted while every pair was thinking (nobody's turn
        /// in particular).
        public var interruptedPairs: [StepCount]
    }

    /// How many of something a step holds.
    public struct StepCount: Codable, Equatable, Sendable {
        /// 1-based step number.
        public var step: Int
        public var count: Int
    }

    /// Where a turn was: step, round, turn within the round, and whose it was.
    public struct TurnRef: Codable, Equatable, Sendable {
        public var step: Int
        public var round: Int
        public var turn: Int
        public var person: PersonID
        /// What is counted for that turn (interruptions, or overrun in milliseconds).
        public var count: Int
    }

    /// Rounds of appreciation: a round step directed to the Presenter, or one whose title or
    /// question speaks of appreciation.
    public struct Appreciation: Codable, Equatable, Sendable {
        public var rounds: [AppreciationRound]
    }

    public struct AppreciationRound: Codable, Equatable, Sendable {
        public enum Place: String, Codable, Sendable {
            /// The first step that had turns.
            case opening
            /// The last step that had turns.
            case closing
            case during
        }
        /// 1-based step number.
        public var step: Int
        public var title: String
        public var toPresenter: Bool
        /// Whether anyone took a turn in it (spoken or passed).
        public var held: Bool
        public var place: Place
        public var turns: Int
        public var passes: Int
    }

    /// Who started each round, which way it went, and the seed of a random order.
    public struct Difference: Codable, Equatable, Sendable {
        public var rounds: [RoundStart]
        /// Whether more than one person started a round.
        public var startersRotated: Bool
        /// Whether rounds went both ways.
        public var directionsChanged: Bool
        public var seed: UInt64?
    }

    public struct RoundStart: Codable, Equatable, Sendable {
        public var step: Int
        public var round: Int
        public var starter: PersonID?
        public var direction: Direction?
    }

    /// Overtime allowed, pauses and early swaps.
    public struct Ease: Codable, Equatable, Sendable {
        /// Turns that ran over their allotted time (`count` is the overrun in milliseconds).
        public var overtime: [TurnRef]
        public var totalOverrun: Duration
        /// Turns that had an allotted time (the denominator of the overtime).
        public var timedTurns: Int
        public var facilitatorPauses: Int
        public var pausedFor: Duration
        public var downtimes: Int
        public var downFor: Duration
        public var earlySwaps: [Transcript.EarlySwap]
    }

    /// The questions framed (the council's Presenter frames theirs).
    public struct IncisiveQuestions: Codable, Equatable, Sendable {
        public var framed: [Framed]

        public struct Framed: Codable, Equatable, Sendable {
            /// 1-based number of the question step.
            public var step: Int?
            public var text: String
        }
    }

    /// The evidence in a transcript.
    public init(_ transcript: Transcript) {
        let turns = transcript.turns
        equality = Self.equality(transcript)
        attention = turns.isEmpty ? nil : Self.attention(turns, steps: transcript.steps)
        appreciation = Self.appreciation(transcript)
        difference = Self.difference(transcript)
        ease = turns.isEmpty && transcript.pauses.isEmpty ? nil : Self.ease(transcript)
        incisiveQuestions = transcript.framedQuestion.map { text in
            IncisiveQuestions(framed: [
                .init(step: transcript.steps.first { $0.kind == .question }?.number, text: text)
            ])
        }
    }

    /// Whether the log holds evidence for any component.
    public var isEmpty: Bool {
        equality == nil && attention == nil && appreciation == nil && difference == nil && ease == nil
            && incisiveQuestions == nil
    }
}

// MARK: - Each component

extension ComponentEvidence {
    static func equality(_ transcript: Transcript) -> Equality? {
        let figures = transcript.equality
        let shares = figures.people.filter(\.tookPart).map {
            Equality.Share(person: $0.person, speaking: $0.speaking, turns: $0.turns, passes: $0.passes)
        }
        guard !shares.isEmpty else { return nil }
        return Equality(spread: figures.spread, amongMembers: figures.presenterApart, people: shares)
    }

    static func attention(_ turns: [Transcript.Turn], steps: [Transcript.Step]) -> Attention {
        let interrupted = turns.filter { $0.interruptions > 0 }.map {
            TurnRef(step: $0.step, round: $0.round, turn: $0.turn, person: $0.person, count: $0.interruptions)
        }
        let pairs = steps.compactMap { step in step.interruptions.map { StepCount(step: step.number, count: $0) } }
        return Attention(
            interruptions: interrupted.reduce(0) { $0 + $1.count } + pairs.reduce(0) { $0 + $1.count },
            turns: turns.filter { !$0.passed }.count, interruptedTurns: interrupted, interruptedPairs: pairs)
    }

    /// A round step directed to the Presenter, or whose title or own question mentions
    /// appreciation (`appreciat` in any case: appreciation, appreciate, appreciating).
    static func isAppreciation(_ step: Transcript.Step) -> Bool {
        guard step.kind == .round else { return false }
        if step.to == .presenter { return true }
        let own = step.question?.source == .step ? step.question?.text ?? "" : ""
        return (step.title + " " + own).lowercased().contains("appreciat")
    }

    static func appreciation(_ transcript: Transcript) -> Appreciation? {
        let withTurns = transcript.steps.filter { !$0.rounds.allSatisfy(\.turns.isEmpty) }.map(\.number)
        let rounds = transcript.steps.filter(isAppreciation).map { step in
            let turns = step.rounds.flatMap(\.turns)
            let place: AppreciationRound.Place =
                step.number == withTurns.last && withTurns.count > 1
                ? .closing : step.number == withTurns.first ? .opening : .during
            return AppreciationRound(
                step: step.number, title: step.title, toPresenter: step.to == .presenter, held: !turns.isEmpty,
                place: place, turns: turns.filter { !$0.passed }.count, passes: turns.filter(\.passed).count)
        }
        return rounds.isEmpty ? nil : Appreciation(rounds: rounds)
    }

    static func difference(_ transcript: Transcript) -> Difference? {
        let rounds = transcript.steps.filter { $0.kind == .round }.flatMap { step in
            step.rounds.map {
                RoundStart(step: step.number, round: $0.number, starter: $0.starter, direction: $0.direction)
            }
        }
        guard !rounds.isEmpty || transcript.seed != nil else { return nil }
        return Difference(
            rounds: rounds, startersRotated: Set(rounds.compactMap(\.starter)).count > 1,
            directionsChanged: Set(rounds.compactMap(\.direction)).count > 1, seed: transcript.seed)
    }

    static func ease(_ transcript: Transcript) -> Ease {
        let turns = transcript.turns
        let over = turns.filter { TranscriptWords.over($0) != nil }  // over by a second at least, as shown
        func total(_ reason: Pause.Reason) -> (Int, Duration) {
            let pauses = transcript.pauses.filter { $0.reason == reason }
            return (pauses.count, pauses.reduce(Duration.zero) { $0 + ($1.length ?? .zero) })
        }
        let paused = total(.facilitator)
        let down = total(.programStopped)
        return Ease(
            overtime: over.map {
                TurnRef(
                    step: $0.step, round: $0.round, turn: $0.turn, person: $0.person,
                    count: Int($0.overrun.milliseconds))
            },
            totalOverrun: over.reduce(Duration.zero) { $0 + $1.overrun },
            timedTurns: turns.filter { $0.allotted != nil && !$0.passed }.count,
            facilitatorPauses: paused.0, pausedFor: paused.1, downtimes: down.0, downFor: down.1,
            earlySwaps: transcript.earlySwaps ?? [])
    }
}

extension Transcript {
    /// What the log shows of the components (see `ComponentEvidence`).
    public var components: ComponentEvidence { ComponentEvidence(self) }
}
