import Foundation
import Testing

@testable import ThinkingCore

@Suite("Wall times written as text")
struct WallTimeTextTests {
    /// The byte-writing ISO 8601 agrees with Foundation's formatter and reads back, from 1970
    /// to the year 9999.
    @Test func iso8601AgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        var random = SplitMix64(seed: 14)
        let samples =
            [0, 999, 86_399_999, 951_782_400_000, 253_402_300_799_999]
            + (0..<2000).map { _ in
                Int64(random.next() % 253_402_300_800_000)
            }
        for ms in samples {
            let time = WallTime(milliseconds: ms)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
            #expect(time.iso8601 == expected, "\(ms)")
            #expect(WallTime(iso8601: time.iso8601) == time)
        }
    }

    @Test func readableDays() {
        let time = WallTime(iso8601: "2026-12-02T16:25:23.000Z")!
        #expect(time.readable() == "Wed 2 Dec 2026, 16:25")
        #expect(time.readable(utcOffset: 3600 * 8) == "Thu 3 Dec 2026, 00:25")
        #expect(WallTime(milliseconds: 0).readable() == "Thu 1 Jan 1970, 00:00")
        #expect(WallTime(milliseconds: -1).readable() == "Wed 31 Dec 1969, 23:59")
    }
}
