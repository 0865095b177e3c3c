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
    static func outcome(_ turn: Transcript.Turn) -> String {
        var parts: [String] = []
        if !turn.passed {
            parts.append(turn.allotted.map { "\(clock(turn.active)) of \(clock($0))" } ?? clock(turn.active))
            if let over = over(turn) { parts.append("\(over) over") }
        }
        return (parts + remarks(turn)).joined(separator: "  ")
    }

    /// `+0:12`: how far a turn ran over its time, when the clock shows it (a turn that
    /// reached its time by less than a second is not "+0:00 over").
    static func over(_ turn: Transcript.Turn) -> String? {
        turn.wentOver ? "+" + clock(turn.overrun) : nil
    }

    /// What is worth saying about a turn besides its time: `passed`, who ended it, a second
    /// offer, interruptions.
    static func remarks(_ turn: Transcript.Turn) -> [String] {
        var parts: [String] = []
        if turn.passed { parts.append("passed") }
        if let ended = endedBy(turn) { parts.append(ended) }
        if turn.secondOffer { parts.append("offered again") }
        if turn.interruptions > 0 {
            parts.append("\(turn.interruptions) interruption\(turn.interruptions == 1 ? "" : "s") noted")
        }
        return parts
    }

    /// The part a person played in a turn: `member`; `thinker, half 2, pair 1` in pairs;
    /// `thinker, part 2: the further goal` in a thinking partnership.
    static func role(_ turn: Transcript.Turn) -> String {
        var role = turn.role.rawValue
        switch turn.kind {
        case .pairs: if let group = turn.group { role += ", half \(turn.turn), pair \(group + 1)" }
        case .partnership:
            if let part = PartnershipPart(rawValue: turn.turn - 1) { role += ", part \(turn.turn): \(self.part(part))" }
        default: break
        }
        return role
    }

    /// The six parts of a thinking partnership, as a transcript names them.
    static func part(_ part: PartnershipPart) -> String {
        switch part {
        case .explore: "exploring"
        case .furtherGoal: "the further goal"
        case .assumptions: "assumptions"
        case .incisiveQuestion: "the incisive question"
        case .recordingTheQuestion: "recording the question"
        case .appreciation: "appreciation"
        }
    }

    /// Nil when the thinker ended their own turn (the ordinary case).
    static func endedBy(_ turn: Transcript.Turn) -> String? {
        switch turn.endedBy {
        case .thinker: nil
        case .time: "ended by time"
        case .facilitator: turn.kind == .pairs ? "swapped early by the facilitator" : "ended by the facilitator"
        case .stopped: "in progress when the session stopped"
        }
    }

    static func status(_ transcript: Transcript) -> String {
        switch transcript.status {
        case .finished: "finished"
        case .complete: "every step done (not finished)"
        case .unfinished:
            "unfinished: the log stops"
                + (transcript.steps.last(where: \.reached).map { " in step \($0.number)" } ?? "")
        }
    }

    static func questionLabel(_ source: Transcript.Question.Source) -> String {
        switch source {
        case .step: "Question"
        case .presenter: "The Presenter's question"
        case .session: "Session question"
        }
    }

    static func pause(_ pause: Transcript.PauseLine) -> String {
        let length = pause.length.map { "for \(clock($0))" } ?? "until the end of the log"
        switch pause.reason {
        case .facilitator: return "paused by the facilitator \(length)"
        case .programStopped: return "downtime: the program was not running \(length)"
        }
    }

    static func gap(_ gap: Transcript.ClockGap) -> String {
        "the wall clock moved \(clock(gap.gap)) ahead of the session clock (the computer slept, or its clock was set)"
    }

    /// A name cut to `limit` characters (with `…`), then made safe.
    static func shown(_ name: String, limit: Int) -> String {
        safe(name).truncated(toWidth: limit)
    }

    /// `Chloé (Presenter)` for the roster line.
    static func roster(_ transcript: Transcript, limit: Int) -> String {
        transcript.people.personIDs.map {
            shown(transcript.people[$0], limit: limit) + ($0 == transcript.presenter ? " (Presenter)" : "")
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
