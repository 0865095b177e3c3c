import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog

/// The byte scan that reads the commonest lines must read exactly what `JSONDecoder` reads,
/// and leave every other shape to it.
@Suite("Reading log lines without the decoder")
struct LineScanTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    @Test("a plain action line reads as the decoder reads it", arguments: 0..<300)
    func plainActionsAgreeWithTheDecoder(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 17)
        let actions = Array(LineScan.plainActions.values).sorted { "\($0)" < "\($1)" }
        let action = actions[Int(random.next() % UInt64(actions.count))]
        let ms = Int64(random.next() % 90_000_000) * (seed % 7 == 0 ? 1000 : 1)
        let wall = WallTime(milliseconds: 1_790_000_000_000 + Int64(random.next() % 10_000_000_000))
        let entry = LogEntry(seq: Int(random.next() % 1_000_000) + 1, wall: wall, t: .milliseconds(ms), action: action)
        let line = try Self.encoder.encode(entry)
        let decoded = try JSONDecoder().decode(LogEntry.self, from: line)
        #expect(LineScan.plainAction(line) == decoded, "\(String(decoding: line, as: UTF8.self))")
        #expect(LineScan.seqAndTime(line, needsTime: true)?.t == decoded.t)
    }

    @Test func otherShapesAreLeftToTheDecoder() throws {
        let lines = [
            #"{"action":{"addNote":{"text":"hi"}},"seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"handOn":{}},"seq":4,"t":1.2345,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"handOn":{}},"seq":4,"t":1e3,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"handOn":{}},"seq":4,"t":1,"wall":"not a time"}"#,
            #"{"action":{"handOn":{}},"seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z","x":1}"#,
            #"{"action":{"handOn":{}}, "seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"handOnAndMore":{}},"seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"hand\u004fn":{}},"seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z"}"#,
            #"{"action":{"handOn":{}},"seq":4,"t":1,"wall":"2026-12-03T17:50:45.572Z"}x"#,
        ]
        for line in lines { #expect(LineScan.plainAction(Data(line.utf8)) == nil, "\(line)") }
        // Whatever the scan leaves, the time of a line is still read, exponent and all.
        #expect(LineScan.seqAndTime(Data(lines[2].utf8), needsTime: true)?.t == .seconds(1000))
        #expect(LineScan.seqAndTime(Data(lines[1].utf8), needsTime: true)?.t == .milliseconds(1235))
    }
}
