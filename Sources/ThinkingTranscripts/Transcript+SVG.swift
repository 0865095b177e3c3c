import Foundation
import ThinkingCore
import ThinkingLog

// The two charts of the HTML export, as inline SVG: nothing to fetch, prints as shown.

extension Transcript {
    /// One lane per person, one bar per turn taken (`class="turn"`), placed by its start and
    /// length in session time. The part of a turn past its allotted time is drawn again over
    /// the bar, hatched and outlined with dashes (`class="over"`), so overtime does not rest
    /// on colour; a pass is a small hollow circle (`class="pass"`).
    public func timelineSVG(words: Words = .english) -> String {
        let chart = SVGLayout(lanes: people.count)
        let turns = turns  // gathered once from the steps
        let span = max(
            .seconds(1), turns.map { $0.at + ($0.passed ? .zero : $0.active) }.max() ?? .zero)
        func x(_ t: Duration) -> Double { chart.left + chart.width * min(1, max(0, t / span)) }
        var out = [chart.open(height: chart.height, label: words[.chartTimeline]), Self.svgDefs]
        let names = people.personIDs.map(chartName)  // once a person, not once a turn
        for person in people.personIDs {
            let y = chart.laneY(person)
            out.append(
                "<text x=\"\(SVGLayout.n(chart.left - 6))\" y=\"\(SVGLayout.n(y + 14))\" text-anchor=\"end\">"
                    + "\(chartName(person))</text>")
            out.append(
                "<line x1=\"\(SVGLayout.n(chart.left))\" y1=\"\(SVGLayout.n(y + 10))\" x2=\"\(SVGLayout.n(chart.left + chart.width))\" "
                    + "y2=\"\(SVGLayout.n(y + 10))\" stroke=\"#ddd\"/>")
        }
        for turn in turns where people.holds(turn.person) {
            let y = chart.laneY(turn.person)
            let title =
                "<title>\(names[turn.person]): \(Transcript.htmlEscaped(TranscriptWords.outcome(turn, words: words)))</title>"
            if turn.passed {
                out.append(
                    "<circle class=\"pass\" cx=\"\(SVGLayout.n(x(turn.at)))\" cy=\"\(SVGLayout.n(y + 10))\" r=\"3\" "
                        + "fill=\"#fff\" stroke=\"#111\">\(title)</circle>")
                continue
            }
            let start = x(turn.at)
            let width = max(1, x(turn.at + turn.active) - start)
            out.append(
                "<rect class=\"turn\" x=\"\(SVGLayout.n(start))\" y=\"\(SVGLayout.n(y + 3))\" "
                    + "width=\"\(SVGLayout.n(width))\" height=\"14\" fill=\"#a9c4e0\" stroke=\"#2f4f6f\" "
                    + "stroke-width=\"0.5\">\(title)</rect>")
            if turn.wentOver, let allotted = turn.allotted {
                let from = x(turn.at + allotted)
                out.append(
                    "<rect class=\"over\" x=\"\(SVGLayout.n(from))\" y=\"\(SVGLayout.n(y + 3))\" "
                        + "width=\"\(SVGLayout.n(max(1, start + width - from)))\" height=\"14\" fill=\"url(#hatch)\" "
                        + "stroke=\"#111\" stroke-dasharray=\"2 1\"/>")
            }
        }
        out += chart.axis(span: span) + chart.legend() + ["</svg>"]
        return out.joined(separator: "\n")
    }

    /// A bar per person (`class="share"`), its width proportional to their speaking time
    /// (the longest total fills the width), with the time and the share written after it.
    public func speakingSVG(words: Words = .english) -> String {
        let chart = SVGLayout(lanes: people.count, axis: false)
        let longest = equality.people.map(\.speaking).max() ?? .zero
        var out = [chart.open(height: chart.height, label: words[.chartSpeaking])]
        for row in equality.people {
            let y = chart.laneY(row.person)
            let width = longest > .zero ? (chart.width - 90) * (row.speaking / longest) : 0
            out.append(
                "<text x=\"\(SVGLayout.n(chart.left - 6))\" y=\"\(SVGLayout.n(y + 14))\" text-anchor=\"end\">"
                    + "\(chartName(row.person))\(row.presenter ? " " + Transcript.htmlEscaped(words[.presenterMark]) : "")</text>"
            )
            out.append(
                "<rect class=\"share\" x=\"\(SVGLayout.n(chart.left))\" y=\"\(SVGLayout.n(y + 3))\" width=\"\(SVGLayout.n(width))\" "
                    + "height=\"14\" fill=\"#a9c4e0\" stroke=\"#2f4f6f\" stroke-width=\"0.5\"/>")
            out.append(
                "<text x=\"\(SVGLayout.n(chart.left + width + 6))\" y=\"\(SVGLayout.n(y + 14))\">"
                    + "\(TranscriptWords.clock(row.speaking))\(row.share.map { " · " + Equality.percent($0, words: words) } ?? "")</text>"
            )
        }
        return (out + ["</svg>"]).joined(separator: "\n")
    }

    /// A name for a chart label: safe, cut to 24 characters, escaped.
    func chartName(_ person: PersonID) -> String {
        Self.htmlEscaped(TranscriptWords.shown(name(person), limit: 24))
    }

    static let svgDefs = """
        <defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#111" stroke-width="1.5"/>\
        </pattern></defs>
        """
}

/// Where things go in a chart: a label column, then lanes 20 units high.
struct SVGLayout {
    let lanes: Int
    var axis = true
    let left = 150.0
    let width = 520.0
    let top = 4.0

    var height: Double { top + Double(lanes) * 20 + (axis ? 44 : 4) }
    func laneY(_ person: PersonID) -> Double { top + Double(person.index) * 20 }

    func open(height: Double, label: String) -> String {
        "<svg width=\"100%\" viewBox=\"0 0 \(SVGLayout.n(left + width + 10)) \(SVGLayout.n(height))\" "
            + "role=\"img\" aria-label=\"\(Transcript.htmlEscaped(label))\">"
    }

    /// Minutes (or seconds, for a short session) along the bottom.
    func axis(span: Duration) -> [String] {
        let steps: [Int64] = [10, 30, 60, 120, 300, 600, 900, 1800, 3600]
        let total = Double(span.milliseconds) / 1000
        let step = steps.first { total / Double($0) <= 10 } ?? 7200
        let y = top + Double(lanes) * 20 + 4
        var out = [
            "<line x1=\"\(SVGLayout.n(left))\" y1=\"\(SVGLayout.n(y))\" x2=\"\(SVGLayout.n(left + width))\" y2=\"\(SVGLayout.n(y))\" stroke=\"#111\"/>"
        ]
        var tick: Int64 = 0
        while Double(tick) <= total {
            let x = left + width * Double(tick) / total
            out.append(
                "<line x1=\"\(SVGLayout.n(x))\" y1=\"\(SVGLayout.n(y))\" x2=\"\(SVGLayout.n(x))\" "
                    + "y2=\"\(SVGLayout.n(y + 4))\" stroke=\"#111\"/>")
            out.append(
                "<text x=\"\(SVGLayout.n(x))\" y=\"\(SVGLayout.n(y + 14))\" text-anchor=\"middle\">"
                    + "\(DurationText.clock(.seconds(tick)))</text>")
            tick += step
        }
        return out
    }

    func legend() -> [String] {
        let y = top + Double(lanes) * 20 + 26
        return [
            "<rect x=\"\(SVGLayout.n(left))\" y=\"\(SVGLayout.n(y))\" width=\"16\" height=\"10\" fill=\"#a9c4e0\" stroke=\"#2f4f6f\"/>",
            "<text x=\"\(SVGLayout.n(left + 20))\" y=\"\(SVGLayout.n(y + 9))\">turn</text>",
            "<rect x=\"\(SVGLayout.n(left + 60))\" y=\"\(SVGLayout.n(y))\" width=\"16\" height=\"10\" fill=\"url(#hatch)\" "
                + "stroke=\"#111\" stroke-dasharray=\"2 1\"/>",
            "<text x=\"\(SVGLayout.n(left + 80))\" y=\"\(SVGLayout.n(y + 9))\">overtime</text>",
            "<circle cx=\"\(SVGLayout.n(left + 140))\" cy=\"\(SVGLayout.n(y + 5))\" r=\"3\" fill=\"#fff\" stroke=\"#111\"/>",
            "<text x=\"\(SVGLayout.n(left + 148))\" y=\"\(SVGLayout.n(y + 9))\">pass</text>",
        ]
    }

    /// A coordinate with at most two decimals.
    static func n(_ value: Double) -> String {
        // Integer arithmetic, not `String(format:)`: a long session's timeline has a
        // hundred thousand coordinates.
        let hundredths = Int64((value * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return "\(whole)" }
        return "\(sign)\(whole)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }
}
