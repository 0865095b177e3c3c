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

    /// Numbers JSON does not allow or that do not fit, and numbers in shapes the scan does not
    /// read: whatever the scan reads, the decoder reads the same; what the decoder refuses, the
    /// scan does not read (it read `07` as 7, `1.5x` as 1.5, a 20-digit seq as its first 18
    /// digits).
    @Test(arguments: [
        #""seq":07,"t":1"#, #""seq":7,"t":01.5"#, #""seq":7,"t":-01.5"#, #""seq":7,"t":00"#, #""seq":7,"t":1.5x"#,
        #""seq":7,"t":1x"#, #""seq":7,"t":1e3x"#, #""seq":7,"t":1.e3"#, #""seq":7,"t":01e3"#, #""seq":7,"t":1.5.5"#,
        #""seq":7x,"t":1"#, #""seq":12345678901234567890,"t":1"#, #""seq":1234567890123456789,"t":1"#,
        #""seq":-7,"t":1"#, #""seq":0,"t":0"#, #""seq": 7,"t":1"#, #""seq":7 ,"t":1"#, #""seq":7,"t": 1.5"#,
        #""seq":7,"t":1.5 "#, #""seq":7,"t":-0"#, #""seq":7,"t":2.5E+2"#, #""seq":7,"t":1.2345"#,
    ])
    func numbersReadAsTheDecoderReadsThem(numbers: String) throws {
        let wall = #""wall":"2026-12-03T17:50:45.572Z""#
        for line in [
            #"{"action":{"handOn":{}},\#(numbers),\#(wall)}"#, #"{"action":{"handOn":{}},\#(wall),\#(numbers)}"#,
            #"{"fact":{"at":1,"what":{"paused":{}}},\#(numbers),\#(wall)}"#,
            #"{"fact":{"at":1,"what":{"paused":{}}},\#(wall),\#(numbers)}"#,
        ] {
            let data = Data(line.utf8)
            let decoded = try? JSONDecoder().decode(LogEntry.self, from: data)
            if let scanned = LineScan.plainAction(data) { #expect(scanned == decoded, "\(line)") }
            if let (seq, t) = SessionLoader.seqAndTime(data) {
                #expect(decoded?.seq == seq && decoded?.t == t, "\(line): \(seq), \(t)")
            }
            if let seq = SessionLoader.topLevelSeq(data), let decoded { #expect(decoded.seq == seq, "\(line)") }
        }
        // A seq the decoder refuses is not read as any other.
        let seqOnly = Data(#"{"fact":{"at":1,"what":{"paused":{}}},\#(numbers)}"#.utf8)
        if (try? JSONDecoder().decode(LogEntry.self, from: Data(#"{"action":{"handOn":{}},\#(numbers),\#(wall)}"#.utf8)))
            == nil, numbers.hasPrefix(#""seq":07"#) || numbers.contains("x,") || numbers.contains("67890,")
        {
            #expect(SessionLoader.topLevelSeq(seqOnly) == nil, "\(numbers)")
        }
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
