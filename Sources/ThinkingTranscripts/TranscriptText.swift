import Foundation
import ThinkingCore
import ThinkingLog

// The words and numbers every transcript rendering shares, and the one gate user text
// passes through before it is printed.

/// User text made harmless for a terminal: the one rule used everywhere
/// (`ThinkingCore.neutralised`): control characters and escape sequences shown visibly
/// (ESC as `␛`), bidirectional overrides spelled out, line breaks as spaces.
func safe(_ s: String) -> String { neutralised(s) }

/// Shared phrasing of the transcript renderings.
enum TranscriptWords {
    /// Seconds with one decimal from whole milliseconds, rounded half up: `102.4`.
    static func tenths(_ duration: Duration) -> String {
        let ms = duration.milliseconds
        let q = (abs(ms) + 50) / 100
        return (ms < 0 ? "-" : "") + "\(q / 10).\(q % 10)"
    }

    /// `1:42`.
    static func clock(_ duration: Duration) -> String { DurationText.clock(duration) }

    /// `1:42 of 2:00  +0:12 over`, `passed`, `ended by time`: what a turn line says after
    /// the name. The order of remarks is fixed so tests can read it.
    static func outcome(_ turn: Transcript.Turn, words: Words = .english) -> String {
        var parts: [String] = []
        if !turn.passed {
            parts.append(
                turn.allotted.map { words.fill(.usedOf, ["used": clock(turn.active), "total": clock($0)]) }
                    ?? clock(turn.active))
            if let over = over(turn) { parts.append(words.fill(.tOver, ["time": over])) }
        }
        return (parts + remarks(turn, words: words)).joined(separator: "  ")
    }

    /// `+0:12`: how far a turn ran over its time, when the clock shows it (a turn that
    /// reached its time by less than a second is not "+0:00 over").
    static func over(_ turn: Transcript.Turn) -> String? {
        turn.wentOver ? "+" + clock(turn.overrun) : nil
    }

    /// What is worth saying about a turn besides its time: `passed`, who ended it, a second
    /// offer, interruptions.
    static func remarks(_ turn: Transcript.Turn, words: Words = .english) -> [String] {
        var parts: [String] = []
        if turn.passed { parts.append(words[.tPassed]) }
        if let ended = endedBy(turn, words: words) { parts.append(ended) }
        if turn.secondOffer { parts.append(words[.tOfferedAgain]) }
        if turn.interruptions > 0 {
            parts.append(
                turn.interruptions == 1
                    ? words[.tOneInterruption] : words.fill(.tInterruptions, ["count": "\(turn.interruptions)"]))
        }
        return parts
    }

    /// The part a person played in a turn: `member`; `thinker, half 2, pair 1` in pairs;
    /// `thinker, part 2: the further goal` in a thinking partnership.
    static func role(_ turn: Transcript.Turn, words: Words = .english) -> String {
        let role: String =
            switch turn.role {
            case .member: words[.tMember]
            case .thinker: words[.tThinker]
            case .presenter: words[.tPresenter]
            }
        switch turn.kind {
        case .pairs:
            if let group = turn.group {
                return words.fill(.tPairHalf, ["role": role, "n": "\(turn.turn)", "pair": "\(group + 1)"])
            }
        case .partnership:
            if let part = PartnershipPart(rawValue: turn.turn - 1) {
                return words.fill(.tPart, ["role": role, "n": "\(turn.turn)", "part": self.part(part, words: words)])
            }
        default: break
        }
        return role
    }

    /// The six parts of a thinking partnership, as a transcript names them.
    static func part(_ part: PartnershipPart, words: Words = .english) -> String {
        switch part {
        case .explore: words[.tPartExplore]
        case .furtherGoal: words[.tPartFurtherGoal]
        case .assumptions: words[.tPartAssumptions]
        case .incisiveQuestion: words[.tPartIncisive]
        case .recordingTheQuestion: words[.tPartRecording]
        case .appreciation: words[.tPartAppreciation]
        }
    }

    /// Nil when the thinker ended their own turn (the ordinary case).
    static func endedBy(_ turn: Transcript.Turn, words: Words = .english) -> String? {
        switch turn.endedBy {
        case .thinker: nil
        case .time: words[.tEndedByTime]
        case .facilitator: words[turn.kind == .pairs ? .tSwappedEarly : .tEndedByFacilitator]
        case .stopped: words[.tInProgress]
        }
    }

    static func status(_ transcript: Transcript, words: Words = .english) -> String {
        switch transcript.status {
        case .finished: words[.statusFinished]
        case .complete: words[.tComplete]
        case .unfinished:
            transcript.steps.last(where: \.reached).map { words.fill(.tUnfinishedIn, ["n": "\($0.number)"]) }
                ?? words[.tUnfinished]
        }
    }

    static func questionLabel(_ source: Transcript.Question.Source, words: Words = .english) -> String {
        switch source {
        case .step: words[.tQuestion]
        case .presenter: words[.presentersQuestion]
        case .session: words[.fieldSessionQuestion]
        }
    }

    static func pause(_ pause: Transcript.PauseLine, words: Words = .english) -> String {
        switch (pause.reason, pause.length) {
        case (.facilitator, let length?): words.fill(.tPausedFor, ["time": clock(length)])
        case (.facilitator, nil): words[.tPausedToEnd]
        case (.programStopped, let length?): words.fill(.tDowntimeFor, ["time": clock(length)])
        case (.programStopped, nil): words[.tDowntimeToEnd]
        }
    }

    static func gap(_ gap: Transcript.ClockGap, words: Words = .english) -> String {
        words.fill(.tClockGap, ["time": clock(gap.gap)])
    }

    /// A step's kind, as its heading names it (`round`, `pairs`).
    static func kind(_ kind: StepKind, words: Words = .english) -> String {
        switch kind {
        case .round: words[.kindRound]
        case .pairs: words[.kindPairs]
        case .presenter: words[.kindPresenter]
        case .question: words[.kindQuestion]
        case .dialogue: words[.kindDialogue]
        case .discussion: words[.kindDiscussion]
        case .talk: words[.kindTalk]
        case .partnership: words[.kindPartnership]
        case .agenda: words[.kindAgenda]
        }
    }

    /// A name cut to `limit` characters (with `…`), then made safe.
    static func shown(_ name: String, limit: Int) -> String {
        safe(name).truncated(toWidth: limit)
    }

    /// `Chloé (Presenter)` for the roster line.
    static func roster(_ transcript: Transcript, limit: Int, words: Words = .english) -> String {
        transcript.people.personIDs.map {
            shown(transcript.people[$0], limit: limit) + ($0 == transcript.presenter ? " " + words[.presenterMark] : "")
        }.joined(separator: ", ")
    }
}

extension Transcript {
    /// The status in a few words, for one line per session (`sessions`): the same words as
    /// the transcript's header, without the step.
    public var statusInBrief: String {
        switch status {
        case .finished: "finished"
        case .complete: "every step done (not finished)"
        case .unfinished: "unfinished"
        }
    }
}
