/// Clock arithmetic over the session's pauses. Every displayed or recorded length is
/// computed from instants (a turn's start, a pause's ends), never by adding up ticks.
extension Session {
    /// How much of `[from, to]` the clocks stood still (pauses and downtime).
    public func pausedTime(from: Duration, to: Duration) -> Duration {
        var total = Duration.zero
        for pause in pauses.reversed() {
            let end = pause.to ?? to
            if end <= from { break }
            let overlap = min(end, to) - max(pause.from, from)
            if overlap > .zero { total += overlap }
        }
        return total
    }

    /// The running time of `[from, to]`: its length less the paused time within it.
    public func activeTime(from: Duration, to: Duration) -> Duration {
        guard to > from else { return .zero }
        return (to - from) - pausedTime(from: from, to: to)
    }

    /// The instant at which `active` running time will have passed since `start`, or nil
    /// while an open pause stands in the way.
    public func instant(from start: Duration, afterActive active: Duration) -> Duration? {
        var clock = start
        var remaining = active
        for pause in pauses {
            if let to = pause.to, to <= clock { continue }
            if pause.from > clock {
                let run = pause.from - clock
                if run >= remaining { return clock + remaining }
                remaining -= run
            }
            guard let to = pause.to else { return nil }
            clock = max(clock, to)
        }
        return clock + remaining
    }

    /// How long the live turn has run at `now`.
    public func elapsed(of turn: LiveTurn, at now: Duration) -> Duration {
        activeTime(from: turn.startedAt, to: now)
    }

    // MARK: - Pause, resume, recovery

    mutating func pause(at now: Duration) throws(Rejection) -> [Fact] {
        if isPaused { throw .paused }
        pauses.append(Pause(from: now, to: nil, reason: .facilitator))
        return [Fact(at: now, .paused)]
    }

    mutating func resume(at now: Duration) throws(Rejection) -> [Fact] {
        guard isPaused else { throw .notPaused }
        pauses[pauses.count - 1].to = max(now, pauses[pauses.count - 1].from)
        return [Fact(at: now, .resumed)]
    }

    /// The program was not running from `since` until `now`: that time is kept out of
    /// every clock and recorded as downtime. A facilitator pause that was open stays open.
    mutating func recover(since: Duration, now: Duration) throws(Rejection) -> [Fact] {
        guard since <= now, since >= latestInstant else { throw .badRecovery }
        var facts = advance(to: since)
        let wasPaused = isPaused
        if wasPaused { pauses[pauses.count - 1].to = since }
        pauses.append(Pause(from: since, to: now, reason: .programStopped))
        if wasPaused { pauses.append(Pause(from: now, to: nil, reason: .facilitator)) }
        facts.append(Fact(at: now, .downtime(from: since)))
        return facts
    }

    /// The latest moment the state knows of.
    var latestInstant: Duration {
        var latest = turns.last?.endedAt ?? .zero
        if let pause = pauses.last { latest = max(latest, pause.to ?? pause.from) }
        if let turn = stage.liveTurn { latest = max(latest, turn.startedAt) }
        if case .pairs(let progress) = stage { latest = max(latest, progress.halfStartedAt) }
        if let note = notes.last { latest = max(latest, note.at) }
        if let mark = interruptions.last { latest = max(latest, mark.at) }
        return latest
    }
}
