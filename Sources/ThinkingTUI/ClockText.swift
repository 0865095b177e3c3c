import ThinkingCore

/// What the big clock says: the time left (rounded up, so a turn starts at its full time and
/// reaches 0:00 exactly at time), the time taken (rounded down), or "TIME" then the overrun.
public enum ClockText {
    /// For the first seconds after time, the clock says TIME in words before counting on.
    public static let timeWordFor: Duration = .seconds(10)

    public static func big(_ state: RoomView.ClockState, words: Words = .english) -> String {
        switch state {
        case .remaining(let left): return DurationText.clock(roundedUp(left))
        case .elapsed(let taken): return DurationText.clock(taken)
        case .over(let over): return over < timeWordFor ? words[.timeWord] : "+" + DurationText.clock(over)
        }
    }

    /// The same, in a short line of ordinary text (small windows, the facilitator's view).
    public static func small(_ state: RoomView.ClockState, words: Words = .english) -> String {
        switch state {
        case .remaining(let left): return words.fill(.timeLeft, ["time": DurationText.clock(roundedUp(left))])
        case .elapsed(let taken): return DurationText.clock(taken)
        case .over(let over): return words[.timeWord] + " +" + DurationText.clock(over)
        }
    }

    static func roundedUp(_ duration: Duration) -> Duration {
        let ms = duration.milliseconds
        return .seconds((ms + 999) / 1000)
    }

    /// How long until what the clock shows changes (the next whole second of running time).
    public static func untilNextChange(_ state: RoomView.ClockState) -> Duration {
        let ms: Int64
        switch state {
        case .remaining(let d), .elapsed(let d), .over(let d): ms = d.milliseconds
        }
        let remainder = ms % 1000
        let wait: Int64
        switch state {
        case .remaining: wait = remainder == 0 ? 1000 : remainder
        case .elapsed, .over: wait = 1000 - remainder
        }
        return .milliseconds(wait + 1)
    }
}
