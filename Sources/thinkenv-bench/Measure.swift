import Foundation

/// Timing helpers: a clock that reads nanoseconds, and the percentiles of many samples.
enum Measure {
    static let clock = ContinuousClock()

    /// Milliseconds in a `Duration`, as a `Double`.
    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The time `body` takes, in milliseconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        ms(try clock.measure(body))
    }

    /// The median of `runs` timings of `body`, in milliseconds.
    static func median(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try time(body)) }
        return Samples(times).p50
    }
}

/// Latencies in milliseconds, with their percentiles.
struct Samples {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let index = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[Swift.min(Swift.max(index, 0), sorted.count - 1)]
    }

    var p50: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var max: Double { sorted.last ?? .nan }
    var count: Int { sorted.count }
}

/// Formats a number of milliseconds for the table: 3 significant figures or so.
func msText(_ value: Double) -> String {
    if value.isNaN { return "n/a" }
    if value < 0.01 { return String(format: "%.2f µs", value * 1000) }
    if value < 1 { return String(format: "%.3f ms", value) }
    if value < 100 { return String(format: "%.1f ms", value) }
    return String(format: "%.0f ms", value)
}
