import Foundation
import Testing

@testable import ThinkingCore

/// Replay is strict: random sessions over every step kind and every action, written as the
/// program writes its log (each accepted action, then its facts, one seq each), replay to the
/// same session; and any corruption of such a log (a line copied further down, two lines
/// swapped, a line lost, a time that goes back or below zero) stops the replay at the first
/// corrupted line, with the session exactly as the lines before it left it: no phantom turn.
@Suite("Strict replay: every action, every step kind, every corruption")
struct StrictReplayPropertyTests {
    static func one(_ id: String, _ steps: [StepDefinition]) -> ProtocolDefinition {
        ProtocolDefinition(id: id, name: id, summary: "test", steps: steps)
    }

    /// Every step kind, for groups (with a Presenter) and for two people.
    static let definitions: [(definition: ProtocolDefinition, people: ClosedRange<Int>)] = [
        (
            one(
                "group",
                [
                    StepDefinition(kind: .presenter, title: "Presenter", turn: .seconds(120)),
                    StepDefinition(kind: .question, title: "Question"),
                    StepDefinition(kind: .round, title: "Round", turn: .seconds(60), who: .members, notes: true),
                    StepDefinition(kind: .pairs, title: "Pairs", turn: .seconds(90)),
                    StepDefinition(kind: .discussion, title: "Discussion", time: .seconds(600), notes: true),
                    StepDefinition(kind: .talk, title: "Talk", turn: .seconds(60), pass: false),
                    StepDefinition(kind: .round, title: "Until all pass", rounds: .untilAllPass, time: .seconds(900)),
                ]), 3...9
        ),
        (one("dialogue", [StepDefinition(kind: .dialogue, title: "Dialogue", time: .seconds(600))]), 2...2),
        (one("partnership", [StepDefinition(kind: .partnership, title: "Partnership")]), 2...2),
    ]

    /// Every action the facilitator can take (with arguments drawn at random).
    static func action(_ rng: inout SplitMix64, people: Int) -> Action {
        let person = PersonID(Int(rng.next() % UInt64(people + 1)))  // one past the end, now and then
        switch rng.next() % 22 {
        case 0: return .tick
        case 1, 2: return .begin
        case 3, 4, 5, 6: return .handOn
        case 7: return .pass
        case 8: return .undo
        case 9: return .pause
        case 10: return .resume
        case 11: return .swapEarly
        case 12: return .frameQuestion(text: "What would you like to think about? ✿")
        case 13: return .addNote(text: "a note, \"quoted\"")
        case 14: return .noteInterruption
        case 15: return .speak(person: person)
        case 16: return .roundFromHere
        case 17: return .endStep
        case 18: return .join(name: "Late \(rng.next() % 100) ✿")
        case 19: return .leave(person: person)
        case 20: return .keepIncisiveQuestion(text: "If you knew you were enough, what would you do?")
        default: return rng.next() % 4 == 0 ? .finish : .handOn
        }
    }

    struct HonestLog {
        var header: LogHeader
        var lines: [LogEntry]
        var session: Session
        var actions: Set<String>
        var kinds: Set<StepKind>
    }

    /// A session's log as the program writes it (the lines after the header), and the kinds
    /// of action accepted and the step kinds that had a turn, for coverage.
    static func honestLog(seed: UInt64) throws -> HonestLog {
        var rng = SplitMix64(seed: seed)
        let (definition, sizes) = definitions[Int(rng.next() % UInt64(definitions.count))]
        let count = sizes.lowerBound + Int(rng.next() % UInt64(sizes.count))
        let names = (0..<count).map { ["Zoë", "李", "محمد", "Ben", "Chloé", "Dev", "Eun", "Fay", "Gus"][$0] }
        let plan = try SessionPlan.make(
            definition: definition, names: names, presenter: definition.needsPresenter ? names[0] : nil)
        let header = LogHeader(
            session: "test", startedAt: WallTime(iso8601: "2026-12-03T10:00:00.000Z"), program: "test", plan: plan)
        var session = Session(plan: plan)
        var lines: [LogEntry] = []
        var now = Duration.zero
        var actions: Set<String> = []
        var kinds: Set<StepKind> = []
        func line(_ t: Duration, action: Action? = nil, fact: Fact? = nil) {
            lines.append(LogEntry(seq: lines.count + 1, wall: nil, t: t, action: action, fact: fact))
        }
        for _ in 0..<(40 + Int(rng.next() % 160)) {
            now += .milliseconds(Int64(rng.next() % 40_000))
            var action = action(&rng, people: session.people.count)
            if rng.next() % 60 == 0 { action = .recover(since: now - .milliseconds(Int64(rng.next() % 20_000))) }
            // As the program does: time passes by a tick (recorded when it changes
            // anything) before each key; a refused key is not recorded and changes nothing.
            if action.isRecovery == false, let facts = try? session.copyHandling(.tick, at: now), !facts.1.isEmpty {
                session = facts.0
                line(now, action: .tick)
                for fact in facts.1 { line(now, fact: fact) }
            }
            guard let (next, facts) = try? session.copyHandling(action, at: now) else { continue }
            session = next
            line(now, action: action)
            for fact in facts { line(now, fact: fact) }
            actions.insert(String(describing: action).prefix { $0 != "(" }.description)
            if session.stage == .finished { break }
        }
        kinds = Set(session.turns.map(\.kind))
        if session.framedQuestion != nil { kinds.insert(.question) }
        return HonestLog(header: header, lines: lines, session: session, actions: actions, kinds: kinds)
    }

    /// Replays lines as the loader does, through JSON, numbering them from line 2.
    static func replay(_ header: LogHeader, _ lines: [LogEntry]) throws -> Replay {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        var replay = Replay(header: header)
        for (index, entry) in lines.enumerated() {
            replay.apply(try decoder.decode(LogEntry.self, from: encoder.encode(entry)), line: index + 2)
        }
        return replay
    }

    @Test func honestLogsReplayWholeOverEveryStepKindAndAction() throws {
        var actions: Set<String> = []
        var kinds: Set<StepKind> = []
        for seed in UInt64(1)...400 {
            let log = try Self.honestLog(seed: seed)
            let replay = try Self.replay(log.header, log.lines)
            #expect(replay.stop == nil, "seed \(seed): \(replay.problems)")
            #expect(replay.problems.isEmpty, "seed \(seed): \(replay.problems)")
            #expect(replay.session == log.session, "seed \(seed)")
            if replay.session != log.session { return }
            actions.formUnion(log.actions)
            kinds.formUnion(log.kinds)
        }
        // The property ranged over every action and every step kind that has turns.
        let everyAction: Set<String> = [
            "tick", "begin", "handOn", "pass", "undo", "pause", "resume", "swapEarly", "frameQuestion", "addNote",
            "noteInterruption", "recover", "finish", "speak", "roundFromHere", "endStep", "join", "leave",
            "keepIncisiveQuestion",
        ]
        #expect(everyAction.subtracting(actions).isEmpty, "never accepted: \(everyAction.subtracting(actions))")
        let everyKind = Set(StepKind.allCases).subtracting([.agenda])
        #expect(everyKind.subtracting(kinds).isEmpty, "never run: \(everyKind.subtracting(kinds))")
    }

    enum Corruption: CaseIterable {
        /// A line copied further down (its seq comes again).
        case duplicate
        /// Two lines swapped.
        case reorder
        /// A line lost.
        case gap
        /// A line's time set before the line before it, or below zero.
        case timeBack
        case negativeTime
    }

    /// The corrupted lines and the index of the first line that is wrong.
    static func corrupt(_ lines: [LogEntry], _ corruption: Corruption, _ rng: inout SplitMix64) -> ([LogEntry], Int)? {
        guard lines.count >= 3 else { return nil }
        var lines = lines
        let a = Int(rng.next() % UInt64(lines.count - 1))
        let b = a + 1 + Int(rng.next() % UInt64(lines.count - a - 1))
        switch corruption {
        case .duplicate:
            lines.insert(lines[a], at: b + 1)
            return (lines, b + 1)
        case .reorder:
            lines.swapAt(a, b)
            return (lines, a)
        case .gap:
            lines.remove(at: b)
            return b < lines.count ? (lines, b) : nil
        case .timeBack:
            guard lines[b].t > .zero else { return nil }
            lines[b].t = lines[b].t - .milliseconds(Int64(1 + rng.next() % 5000))
            // Wrong only when it goes back past the line before it.
            return lines[b].t < lines[b - 1].t ? (lines, b) : nil
        case .negativeTime:
            lines[a].t = .seconds(-100_000)
            return (lines, a)
        }
    }

    @Test func corruptedLogsStopAtTheFirstWrongLineAndInventNothing() throws {
        var rng = SplitMix64(seed: 7)
        var tried: [Corruption: Int] = [:]
        for seed in UInt64(1)...300 {
            let log = try Self.honestLog(seed: seed)
            for corruption in Corruption.allCases {
                guard let (lines, wrong) = Self.corrupt(log.lines, corruption, &rng) else { continue }
                let replay = try Self.replay(log.header, lines)
                let trusted = try Self.replay(log.header, Array(lines[..<wrong]))
                #expect(replay.stop?.line == wrong + 2, "seed \(seed) \(corruption): \(replay.problems)")
                #expect(replay.session == trusted.session, "seed \(seed) \(corruption): a turn was invented")
                #expect(trusted.stop == nil, "seed \(seed) \(corruption): the lines before were wrong already")
                tried[corruption, default: 0] += 1
                if replay.stop?.line != wrong + 2 { return }
            }
        }
        for corruption in Corruption.allCases {
            #expect(tried[corruption, default: 0] >= 100, "\(corruption) tried \(tried[corruption, default: 0]) times")
        }
    }
}

extension Session {
    /// The session after `action`, and its facts; self is left as it was (a refused action
    /// may have moved a copy's clock).
    func copyHandling(_ action: Action, at now: Duration) throws -> (Session, [Fact]) {
        var copy = self
        let facts = try copy.handle(action, at: now)
        return (copy, facts)
    }
}

extension Action {
    var isRecovery: Bool {
        if case .recover = self { return true }
        return false
    }
}
