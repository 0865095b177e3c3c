/// How equal the time was: the one rule every screen and every transcript uses.
///
/// - Who counts: everyone who was in the room at some point, whether or not they spoke (a
///   person present who never spoke counts as 0:00). In a council the Presenter is reported
///   apart: their time is theirs, not a share of the members' rounds.
/// - Shares are of the members' whole seconds (as the clocks show them), in tenths of a
///   percent, rounded by largest remainder so that they add up to exactly 100.0 %; a person
///   whose time reads 0:00 has 0.0 %.
/// - The spread is between the longest and the shortest total of those who count, in the
///   whole seconds shown; the ratio is longest over shortest, undefined when the shortest
///   reads 0:00.
/// - A fair share allows for arrivals and departures: each turn's time is divided equally
///   among the people who count and were present when it began, and a person's fair share is
///   the sum of their parts. Fair shares add up to the members' speaking time (to the
///   millisecond; the total is of whole seconds).
///
/// Figures only: nothing is ranked or scored (the practice never rates contributions).
public struct Equality: Codable, Equatable, Sendable {
    /// One row per person, in the order the room sat (those who arrived after them).
    public var people: [Person]
    /// The speaking time of everyone who counts (the Presenter's is apart): the sum of the
    /// whole seconds their clocks show, so that it adds up the rows.
    public var total: Duration
    /// Nil when nobody who counts has spoken.
    public var spread: Spread?
    /// Whether a Presenter is reported apart from the members.
    public var presenterApart: Bool

    public struct Person: Codable, Equatable, Sendable {
        public var person: PersonID
        public var presenter: Bool
        /// The active time of the turns they did not pass.
        public var speaking: Duration
        /// Turns taken (passes not counted).
        public var turns: Int
        public var passes: Int
        /// Time over the allotted time, summed over their turns.
        public var overrun: Duration
        /// Interruptions noted during their turns.
        public var interruptions: Int
        /// Share of the members' speaking time, in tenths of a percent (nil: the Presenter).
        public var share: Int?
        /// Their part of the time spoken while they were present, had it been shared equally
        /// (nil: the Presenter).
        public var fairShare: Duration?
        /// How long they were in the room, up to the end of the figures.
        public var present: Duration

        /// Whether they had any turn, spoken or passed.
        public var tookPart: Bool { turns + passes > 0 }
    }

    public struct Spread: Codable, Equatable, Sendable {
        public var longest: Duration
        public var shortest: Duration
        /// `longest - shortest`.
        public var difference: Duration
        /// `longest / shortest`; nil when the shortest is zero.
        public var ratio: Double?
    }

    /// The figures of `turns` (finished, or counted up to a moment) for `count` people, of
    /// whom `initial` were there from the start; `presence` is who arrived and left when,
    /// `interruptions` those noted (each counts for its person's turn), `end` the moment the
    /// figures stop.
    public init(
        count: Int, initial: Int, presenter: PersonID?, turns: [TurnRecord], interruptions: [Interruption],
        presence: [PresenceChange], until end: Duration
    ) {
        var rows = (0..<count).people.map {
            Person(
                person: $0, presenter: $0 == presenter, speaking: .zero, turns: 0, passes: 0, overrun: .zero,
                interruptions: 0, share: $0 == presenter ? nil : 0, fairShare: $0 == presenter ? nil : .zero,
                present: .zero)
        }
        let noted = interruptions.counts(for: turns)
        for (turn, noted) in zip(turns, noted) where rows.holds(turn.person) {
            if turn.passed {
                rows[turn.person].passes += 1
            } else {
                rows[turn.person].turns += 1
                rows[turn.person].speaking += turn.active
                rows[turn.person].overrun += turn.overrun
            }
            rows[turn.person].interruptions += noted
        }
        let timeline = PresenceTimeline(count: count, initial: initial, changes: presence)
        for k in rows.indices { rows[k].present = timeline.present(rows[k].person, until: end) }
        Self.shareFairly(&rows, turns: turns, timeline: timeline)
        Self.divideShares(&rows)

        people = rows
        presenterApart = presenter != nil
        // Whole seconds, as the clocks show them: the total and the spread agree with the
        // times beside them.
        let times = rows.filter { !$0.presenter }.map { Duration.seconds($0.speaking.milliseconds / 1000) }
        total = times.reduce(.zero, +)
        if total > .zero, let longest = times.max(), let shortest = times.min() {
            spread = Spread(
                longest: longest, shortest: shortest, difference: longest - shortest,
                ratio: shortest > .zero ? longest / shortest : nil)
        } else {
            spread = nil
        }
    }

    /// The Presenter's row, when one is reported apart.
    public var presenter: Person? { people.first(where: \.presenter) }

    /// `12.5%`: a share in tenths of a percent, with the decimal mark of `words` (`12,5%`);
    /// `—` for none.
    public static func percent(_ share: Int?, words: Words = .english) -> String {
        guard let share else { return "—" }
        return "\(share / 10)\(words[.decimalMark])\(share % 10)%"
    }

    /// `100.0%` below the shares (their sum), with the decimal mark of `words`; empty when
    /// nobody's clock reads a second.
    public func sharesTotal(_ words: Words) -> String {
        let sum = people.compactMap(\.share).reduce(0, +)
        return sum > 0 ? Self.percent(sum, words: words) : ""
    }

    /// The spread in one line, the same words on every screen and in every transcript:
    /// `Spread: longest 2:00, shortest 0:20, difference 1:40, ratio 6.00`.
    public var spreadLine: String { Self.spreadLine(spread, presenterApart: presenterApart) }

    /// `spreadLine` in `words`' language.
    public func spreadLine(_ words: Words) -> String {
        Self.spreadLine(spread, presenterApart: presenterApart, words: words)
    }

    /// `spreadLine` of figures kept elsewhere.
    public static func spreadLine(_ spread: Spread?, presenterApart: Bool, words: Words = .english) -> String {
        let among = words[presenterApart ? .spreadAmongMembers : .spread]
        guard let spread else { return words.fill(.spreadNobody, ["spread": among]) }
        let ratio = spread.ratio.map { ratioText($0, words: words) } ?? "—"
        return words.fill(
            .spreadFigures,
            [
                "spread": among, "longest": DurationText.clock(spread.longest),
                "shortest": DurationText.clock(spread.shortest), "difference": DurationText.clock(spread.difference),
                "ratio": ratio,
            ])
    }

    /// `2.50`: two decimals, rounded half up, without Foundation's formatting.
    public static func ratioText(_ ratio: Double, words: Words = .english) -> String {
        let hundredths = Int64((ratio * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)\(words[.decimalMark])" + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }

    // MARK: - Shares

    /// Tenths of a percent of the whole seconds shown, by largest remainder (ties to the
    /// person who sat first): they add up to 1000 when anyone spoke.
    private static func divideShares(_ rows: inout [Person]) {
        let counted = rows.indices.filter { !rows[$0].presenter }
        let seconds = counted.map { max(0, rows[$0].speaking.milliseconds / 1000) }
        let total = seconds.reduce(0, +)
        guard total > 0 else { return }
        var units = seconds.map { $0 * 1000 / total }
        let remainders = seconds.map { $0 * 1000 % total }
        var left = 1000 - units.reduce(0, +)
        for k in remainders.indices.sorted(by: { (remainders[$0], $1) > (remainders[$1], $0) }) where left > 0 {
            units[k] += 1
            left -= 1
        }
        for (k, row) in counted.enumerated() { rows[row].share = Int(units[k]) }
    }

    /// Each spoken turn's time divided among the people who count and were present when it
    /// began (the speaker always among them).
    private static func shareFairly(_ rows: inout [Person], turns: [TurnRecord], timeline: PresenceTimeline) {
        var fair = [Int64](repeating: 0, count: rows.count)
        // Who was present changes only at arrivals and departures: the list is worked out
        // again only when a turn begins after a different number of changes.
        var cached: (changes: Int, people: [PersonID])? = nil
        for turn in turns where !turn.passed && rows.holds(turn.person) && !rows[turn.person].presenter {
            let changes = timeline.changes(through: turn.startedAt)
            if cached?.changes != changes {
                let people = timeline.presentPeople(at: turn.startedAt).filter { rows.holds($0) && !rows[$0].presenter }
                cached = (changes, people)
            }
            var present = cached?.people ?? []
            if !present.contains(turn.person) { present.append(turn.person) }
            let ms = turn.active.milliseconds
            let part = ms / Int64(present.count)
            for person in present { fair[person.index] += part }
            fair[turn.person.index] += ms - part * Int64(present.count)  // the odd milliseconds
        }
        for k in rows.indices where !rows[k].presenter { rows[k].fairShare = .milliseconds(fair[k]) }
    }
}

/// Someone arriving after the start, or leaving before the end.
public struct PresenceChange: Codable, Equatable, Sendable {
    public var at: Duration
    public var person: PersonID
    public var arrived: Bool

    public init(at: Duration, person: PersonID, arrived: Bool) {
        self.at = at
        self.person = person
        self.arrived = arrived
    }
}

/// Who was in the room when: the first `initial` people from the start, the others from their
/// arrival, each until they left (and again from a return).
struct PresenceTimeline {
    let count: Int
    let initial: Int
    /// Changes in time order.
    let changes: [PresenceChange]

    init(count: Int, initial: Int, changes: [PresenceChange]) {
        self.count = count
        self.initial = initial
        self.changes = changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    /// How many changes happened at or before `t`.
    func changes(through t: Duration) -> Int { changes.partitionPoint { $0.at > t } }

    /// The people present at `t` (a change at `t` has happened).
    func presentPeople(at t: Duration) -> [PersonID] {
        var here = (0..<count).map { $0 < initial }
        for change in changes where change.at <= t && here.indices.contains(change.person.index) {
            here[change.person.index] = change.arrived
        }
        return here.indices.filter { here[$0] }.map { PersonID($0) }
    }

    /// How long `person` was present between the start and `end`.
    func present(_ person: PersonID, until end: Duration) -> Duration {
        var since: Duration? = person.index < initial ? .zero : nil
        var total = Duration.zero
        for change in changes where change.person == person && change.at <= end {
            if change.arrived {
                if since == nil { since = change.at }
            } else if let from = since {
                total += change.at - from
                since = nil
            }
        }
        if let from = since, end > from { total += end - from }
        return total
    }
}

extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isAfter` holds, in a collection where it
    /// holds for a suffix (a binary search).
    public func partitionPoint(_ isAfter: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if isAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
