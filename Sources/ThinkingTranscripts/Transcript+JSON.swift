import Foundation
import ThinkingCore
import ThinkingLog

extension Transcript {
    /// The whole transcript as JSON, pretty-printed with sorted keys: durations in seconds,
    /// wall times as ISO 8601 UTC, people as indices into `people`. It decodes back into an
    /// equal `Transcript`, and reads exactly as `JSONEncoder` would write it (a test holds
    /// the two together): the steps, rounds, turns and notes are written by hand
    /// (`JSONText`, keys in sorted order), the small parts by the encoder.
    ///
    /// Text is exported as typed. JSON already escapes C0 controls; the other characters
    /// that could act on a terminal (DEL, C1 controls, bidirectional overrides) are written
    /// as `\uXXXX` escapes too, so the file is safe to `cat` and still decodes to the same text.
    public func json() throws -> String {
        let turnCount = steps.reduce(0) { $0 + $1.rounds.reduce(0) { $0 + $1.turns.count } }
        var json = JSONText(capacity: 4096 + 450 * turnCount)
        try json.object { json in
            try json.field("arrivals", encoding: arrivals)
            try json.field("clockGaps", encoding: clockGaps)
            json.field("duration", duration)
            try json.field("earlySwaps", encoding: earlySwaps)
            json.field("ended", ended)
            try json.field("equality", encoding: equality)
            json.field("format", format)
            json.field("framedQuestion", framedQuestion)
            json.field("incisiveQuestion", incisiveQuestion)
            json.field("notes", each: notes) { json, note in note.write(to: &json) }
            try json.field("pauses", encoding: pauses)
            json.field("people", each: people) { json, name in json.value(name) }
            json.field("presenter", presenter)
            json.field("problems", each: problems) { json, problem in json.value(problem) }
            json.field("program", program)
            json.field("protocolID", protocolID)
            json.field("protocolName", protocolName)
            json.field("seed", seed)
            json.field("session", session)
            json.field("sessionQuestion", sessionQuestion)
            json.field("started", started)
            json.field("status", status)
            try json.field("steps", each: steps) { json, step in try step.write(to: &json) }
            json.field("zone", zone)
        }
        return json.text + "\n"
    }

    /// Reads a transcript written by `json()`.
    public static func fromJSON(_ data: Data) throws -> Transcript {
        try JSONDecoder().decode(Transcript.self, from: data)
    }
}

// MARK: - The parts written by hand, keys in sorted order

extension Transcript.Step {
    fileprivate func write(to json: inout JSONText) throws {
        try json.object { json in
            json.field("attributed", attributed)
            json.field("interruptions", interruptions)
            json.field("kind", kind)
            json.field("number", number)
            try json.field("question", encoding: question)
            json.field("reached", reached)
            json.field("rounds", each: rounds) { json, round in round.write(to: &json) }
            json.field("title", title)
            try json.field("to", encoding: to)
        }
    }
}

extension Transcript.Round {
    fileprivate func write(to json: inout JSONText) {
        json.object { json in
            json.field("direction", direction)
            json.field("number", number)
            json.field("starter", starter)
            json.field("turns", each: turns) { json, turn in turn.write(to: &json) }
        }
    }
}

extension Transcript.Turn {
    fileprivate func write(to json: inout JSONText) {
        json.object { json in
            json.field("active", active)
            json.field("allotted", allotted)
            json.field("at", at)
            json.field("endedBy", endedBy)
            json.field("group", group)
            json.field("interruptions", interruptions)
            json.field("kind", kind)
            json.field("overrun", overrun)
            json.field("passed", passed)
            json.field("person", person)
            json.field("role", role)
            json.field("round", round)
            json.field("secondOffer", secondOffer)
            json.field("started", started)
            json.field("step", step)
            json.field("turn", turn)
        }
    }
}

extension Transcript.NoteLine {
    fileprivate func write(to json: inout JSONText) {
        json.object { json in
            json.field("at", at)
            json.field("person", person)
            json.field("step", step)
            json.field("text", text)
        }
    }
}
