import Foundation
import Testing
import ThinkingCore

@testable import ThinkingLog
@testable import ThinkingProtocols
@testable import ThinkingTranscripts

/// 10,000 protocol files derived from the shipped ones by seeded mutations: each loads, or
/// is refused with diagnostics that name the file, a line and a column; none crashes, none
/// takes long.
@Suite("Protocol files: mutations (10,000 with THINKENV_FUZZ=full)")
struct ProtocolMutationTests {
    static let shipped: [[UInt8]] = ["round", "thinking-pairs", "council"].map { id in
        let url = repositoryRoot.appendingPathComponent("Protocols/\(id).yaml")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// Values of the wrong type, for a line `key: value` or `- item`.
    static let wrongValues = [
        "[a, b]", "{kind: round}", "- round", "~", "null", "\"\"", "'", "\"", "&a x", "*a", "!!binary AA==",
        "-1", "99999999999999999999", "1e400", "0x10", "2m 3m", "|", ">", "? x", "true", "[[[[", "}{",
    ]

    /// The lines of `bytes` without their `\n` (plain loops: this runs 10,000 times in debug).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var rows: [[UInt8]] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            rows.append(Array(bytes[start..<end]))
            start = end + 1
        }
        rows.append(Array(bytes[start...]))
        return rows
    }

    static func joined(_ rows: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.reduce(rows.count) { $0 + $1.count })
        for row in rows {
            bytes.append(contentsOf: row)
            bytes.append(0x0A)
        }
        if !bytes.isEmpty { bytes.removeLast() }
        return bytes
    }

    /// One mutation of `bytes`, chosen by `rng`.
    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        var bytes = bytes
        var rows = lines(bytes)
        switch below(12) {
        case 0:  // truncation
            bytes = Array(bytes.prefix(below(bytes.count + 1)))
        case 1:  // byte flips
            for _ in 0...below(4) where !bytes.isEmpty {
                bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            }
        case 2:  // line swap
            rows.swapAt(below(rows.count), below(rows.count))
            bytes = joined(rows)
        case 3:  // type swap: the value of a line replaced by one of another type
            let index = below(rows.count)
            let row = rows[index]
            let value = Array(wrongValues[below(wrongValues.count)].utf8)
            if let colon = row.firstIndex(of: UInt8(ascii: ":")) {
                rows[index] = Array(row[...colon]) + [0x20] + value
            } else if let dash = row.firstIndex(of: UInt8(ascii: "-")) {
                rows[index] = Array(row[...dash]) + [0x20] + value
            } else {
                rows[index] = value
            }
            bytes = joined(rows)
        case 4:  // a list becomes a string, or a string a list
            let key = ["steps", "components", "name", "kind", "turn", "rounds"][below(6)]
            let replacement = below(2) == 0 ? "\(key): just text" : "\(key):\n  - [x]\n  - {y: z}"
            rows = rows.map { row in
                String(decoding: row, as: UTF8.self).trimmingCharacters(in: .whitespaces).hasPrefix(key + ":")
                    ? Array(replacement.utf8) : row
            }
            bytes = joined(rows)
        case 5:  // deep nesting, in flow or in block style
            let depth = 1 + below(3000)
            let nested =
                below(2) == 0
                ? "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: below(depth + 1))
                : (0..<min(depth, 120)).map { String(repeating: " ", count: $0) + "- k\($0):" }.joined(separator: "\n")
            rows.insert(Array(nested.utf8), at: below(rows.count + 1))
            bytes = joined(rows)
        case 6:  // huge: over the size limit (refused unread), a long value, many lines
            switch below(3) {
            case 0: rows.append(Array(repeating: UInt8(ascii: "#"), count: 1_100_000))
            case 1:
                rows.insert(
                    Array(("summary: " + String(repeating: "é", count: 20_000)).utf8), at: below(rows.count + 1))
            default: rows += Array(repeating: Array("  # a comment line".utf8), count: 500)
            }
            bytes = joined(rows)
        case 7:  // invalid UTF-8
            let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80]]
            bytes.insert(contentsOf: invalid[below(invalid.count)], at: below(bytes.count + 1))
        case 8:  // NUL and other control bytes
            bytes.insert([0x00, 0x1B, 0x07, 0x7F, 0x0D][below(5)], at: below(bytes.count + 1))
        case 9:  // a line doubled or deleted
            let index = below(rows.count)
            if below(2) == 0 { rows.insert(rows[index], at: index) } else { rows.remove(at: index) }
            bytes = joined(rows)
        case 10:  // indentation changed
            let index = below(rows.count)
            rows[index] =
                below(2) == 0
                ? Array(repeating: 0x20, count: 1 + below(9)) + rows[index] : Array(rows[index].drop { $0 == 0x20 })
            bytes = joined(rows)
        default:  // a tab, a BOM, CRLF line ends
            switch below(3) {
            case 0: bytes.insert(0x09, at: below(bytes.count + 1))
            case 1: bytes = [0xEF, 0xBB, 0xBF] + bytes
            default: bytes = joined(rows.map { $0 + [0x0D] })
            }
        }
        return bytes
    }

    /// 10,000 mutants in CI (`THINKENV_FUZZ=full`), 1,000 in a plain `swift test`.
    @Test func tenThousandMutantsLoadOrSayWhereTheyAreWrong() {
        var rng = SplitMix64(seed: 20_261_123)
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var loaded = 0
        var refused = 0
        let count = Fuzz.cases(full: 10_000)
        for n in 0..<count {
            var bytes = Self.shipped[n % Self.shipped.count]
            for _ in 0...(rng.next() % 3 == 0 ? 2 : 0) { bytes = Self.mutate(bytes, &rng) }
            let file = "mutant-\(n).yaml"
            var result: Result<ProtocolDefinition, ProtocolDiagnostics>?
            let elapsed = clock.measure { result = ProtocolLoader.load(bytes: bytes, id: "mutant", file: file) }
            slowest = max(slowest, elapsed)
            // (Plain checks in this loop: `#expect` costs more than a load in a debug build.)
            if elapsed > .seconds(1) { Issue.record("mutant \(n) took \(elapsed)") }
            switch result {
            case .success(let definition):
                loaded += 1
                if definition.steps.isEmpty { Issue.record("mutant \(n) loaded without steps") }
            case .failure(let failure):
                refused += 1
                if ProcessInfo.processInfo.environment["DUMP_MUTANTS"] != nil,
                    failure.diagnostics.isEmpty
                        || failure.diagnostics.contains(where: { $0.line > Self.lines(bytes).count + 1 })
                {
                    FileManager.default.createFile(atPath: "/tmp/\(file)", contents: Data(bytes))
                    print("\(file): \(failure.diagnostics)")
                }
                if failure.diagnostics.isEmpty { Issue.record("mutant \(n): refused without a diagnostic") }
                for diagnostic in failure.diagnostics {
                    let placed =
                        diagnostic.file == file && diagnostic.line >= 1 && diagnostic.column >= 1
                        && (diagnostic.line == 1 || diagnostic.line <= Self.lines(bytes).count + 1)
                    if !placed {
                        Issue.record("mutant \(n): \(diagnostic.file):\(diagnostic.line):\(diagnostic.column)")
                    }

                }
            case nil: Issue.record("no result")
            }
        }
        print("mutants: \(loaded) loaded, \(refused) refused; slowest \(slowest)")
        #expect(refused > count / 2 && loaded > count / 100)
    }
}

extension ProtocolMutationTests {
    /// Found by the mutations: a text that is only blanks was refused without a word.
    @Test(arguments: ["name: \"\"", "name: |", "name: >", "name: '  '"])
    func anEmptyNameIsSaidToBeEmpty(line: String) throws {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Protocols/round.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "name: Round", with: line)
        let result = ProtocolLoader.load(text: text, id: "round", file: "round.yaml")
        guard case .failure(let failure) = result else {
            Issue.record("loaded")
            return
        }
        #expect(failure.diagnostics.map(\.message) == ["name is empty"])
    }
}
