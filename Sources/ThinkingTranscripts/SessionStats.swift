import Foundation
import ThinkingCore
import ThinkingLog

/// Figures per person across many sessions, for a facilitator asking "does the same person
/// always go first, or always pass?": sessions attended, turns, passes, speaking time, the
/// median turn, and how often they started a round or were last in one. Counts only: the
/// practice never ranks people.
///
/// Rows are kept by name, exactly, after trimming spaces: the log knows no other identity, and
/// "Ana" and "ana" may be two people. Asking for one person folds case and accents
/// (`NameMatch`), and a name that fits two rows equally chooses neither.
public struct SessionStats: Equatable, Sendable {
    /// The sessions counted (after the `since` filter).
    public var sessions: Int
    /// One row per name, in alphabetical order (ignoring case).
    public var people: [Person]
    /// The names a `person` asked for fits equally ("zoe" when both Zoë and Zoe were in
    /// sessions): none of them is chosen.
    public var samePersonCandidates: [String] = []

    public struct Person: Equatable, Sendable {
        public var name: String
        /// Sessions whose roster holds the name, whether or not they took a turn.
        public var sessions: Int
        /// Turns taken, passes not counted.
        public var turns: Int
        public var passes: Int
        /// The active time of the turns taken.
        public var speaking: Duration
        /// The median active time of a turn taken; nil when they took none.
        public var medianTurn: Duration?
        /// Rounds (of round steps) in which they had a turn, spoken or passed.
        public var rounds: Int
        /// Rounds they started.
        public var started: Int
        /// Rounds in which they were the last in order (a second offer after a pass aside).
        public var last: Int
    }

    /// The figures over `transcripts`: only those started at or after `since` when given, and
    /// only the row of `person` when given (case and accents ignored: "zoe" finds Zoë; when it
    /// fits several names equally, none is shown and `samePersonCandidates` lists them).
    public init(_ transcripts: [Transcript], person: String? = nil, since: WallTime? = nil) {
        var rows: [String: Accumulator] = [:]
        var counted = 0
        for transcript in transcripts where since.map({ transcript.started >= $0 }) ?? true {
            counted += 1
            Self.add(transcript, to: &rows)
        }
        sessions = counted
        var wanted: String?
        if let person {
            let names = rows.keys.sorted()
            switch NameMatch.find(person, among: names) {
            case .one(let index): wanted = names[index]
            case .several(let indices): samePersonCandidates = indices.map { names[$0] }
            case .none: break
            }
        }
        people = rows.filter { person == nil || $0.key == wanted }
            .map { $0.value.person(name: $0.key) }
            .sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    private struct Accumulator {
        var sessions = 0
        var turns = 0
        var passes = 0
        var speaking = Duration.zero
        var turnTimes: [Duration] = []
        var rounds = 0
        var started = 0
        var last = 0

        func person(name: String) -> Person {
            let sorted = turnTimes.sorted()
            let median: Duration? =
                sorted.isEmpty
                ? nil
                : sorted.count % 2 == 1
                    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            return Person(
                name: name, sessions: sessions, turns: turns, passes: passes, speaking: speaking, medianTurn: median,
                rounds: rounds, started: started,
                last: last)
        }
    }

    private static func add(_ transcript: Transcript, to rows: inout [String: Accumulator]) {
        let names = transcript.people.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        func key(_ person: PersonID) -> String {
            names.holds(person) ? names[person] : transcript.name(person)
        }
        for name in Set(names) { rows[name, default: Accumulator()].sessions += 1 }
        // Turns, passes and speaking time by the one equality rule; the turns' own times
        // for the median.
        for row in transcript.equality.people {
            rows[key(row.person), default: Accumulator()].turns += row.turns
            rows[key(row.person), default: Accumulator()].passes += row.passes
            rows[key(row.person), default: Accumulator()].speaking += row.speaking
        }
        for turn in transcript.turns where !turn.passed {
            rows[key(turn.person), default: Accumulator()].turnTimes.append(turn.active)
        }
        for step in transcript.steps where step.kind == .round {
            for round in step.rounds {
                for person in Set(round.turns.map(\.person)) { rows[key(person), default: Accumulator()].rounds += 1 }
                if let starter = round.starter { rows[key(starter), default: Accumulator()].started += 1 }
                if let last = round.turns.last(where: { !$0.secondOffer }) {
                    rows[key(last.person), default: Accumulator()].last += 1
                }
            }
        }
    }
}

extension SessionStats {
    /// Every session in a directory as a transcript (`SessionLoader.load`, which skips
    /// decoding facts), with the names of the files that could not be read as sessions.
    public static func transcripts(
        in directory: String, fallbackDirectories: [String] = []
    ) -> (transcripts: [Transcript], unreadable: [String]) {
        var transcripts: [Transcript] = []
        var unreadable: [String] = []
        for file in SessionFiles.list(in: directory, fallbackDirectories: fallbackDirectories) {
            if let loaded = try? SessionLoader.load(file) {
                transcripts.append(Transcript(loaded))
            } else {
                unreadable.append(file.name)
            }
        }
        return (transcripts, unreadable)
    }
}

extension WallTime {
    /// The first instant of a day written `YYYY-MM-DD`, in a zone `utcOffset` seconds east
    /// of UTC; nil for anything else (`2026-02-30` included).
    public init?(day text: String, utcOffset: Int = 0) {
        guard text.utf8.count == 10, let midnight = WallTime(iso8601: text + "T00:00:00Z"),
            midnight.date() == text
        else { return nil }
        self.init(milliseconds: midnight.milliseconds - Int64(utcOffset) * 1000)
    }
}
