/// A light scan of a protocol's text made before Yams composes it, for what Yams would
/// either recurse on (deep nesting could overflow the stack) or expand (anchors and
/// aliases enable "billion laughs"). It reads YAML's indicators well enough for those two
/// questions, not to parse: quoted strings, comments and block scalars are skipped.
struct ProtocolTextScan {
    /// A protocol file needs five levels; anything past this is refused unparsed.
    static let maximumDepth = 32

    struct Finding: Equatable {
        var at: TextPosition
        var message: String
        var expected: String
    }

    /// Anchors, aliases, and at most one nesting problem (the scan stops there).
    private(set) var findings: [Finding] = []

    private var indents: [Int] = []
    private var flowDepth = 0
    private var quote: Character? = nil
    /// Set after a `|` or `>`: lines indented more than this belong to a block scalar.
    private var blockScalarIndent: Int? = nil

    static func scan(_ text: String) -> [Finding] {
        var scan = ProtocolTextScan()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard scan.scanLine(Array(line.unicodeScalars), number: lineNumber) else { break }
        }
        return scan.findings
    }

    // MARK: - One line

    /// Scans one line; false once nesting is too deep (nothing after it matters).
    private mutating func scanLine(_ line: [Unicode.Scalar], number: Int) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        if let parent = blockScalarIndent {
            if isBlank || indent > parent { return true }
            blockScalarIndent = nil
        }
        if isBlank || (quote == nil && flowDepth == 0 && line[indent...].first == "#") {
            return true
        }
        if quote == nil && flowDepth == 0 { enterBlock(indent) }
        var compact = 0
        var nodeStart = true
        var index = quote == nil ? indent : 0
        while index < line.count {
            let c = line[index]
            let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
            let spaced = next == nil || next == " " || next == "\t" || next == "\r"
            let at = TextPosition(line: number, column: index + 1)
            if quote != nil {
                index = afterQuoted(line, index)
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                index += 1
                continue
            }
            if c == "#" && (index == 0 || line[index - 1] == " " || line[index - 1] == "\t") {
                break
            }
            if flowDepth > 0 && (c == "[" || c == "{") {
                // In a flow collection a bracket is always nesting (or an error): count it
                // even where this scan is unsure a node starts, so nothing deep slips by.
                flowDepth += 1
                nodeStart = true
            } else if nodeStart {
                switch c {
                case "-" where spaced && flowDepth == 0, "?" where spaced && flowDepth == 0:
                    compact += 1
                case "?" where spaced:
                    break
                case "[", "{":
                    flowDepth += 1
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
                    flowDepth -= 1
                    nodeStart = false
                case "&", "*":
                    report(c, at)
                    index = tokenEnd(line, from: index)
                    continue
                case "!":
                    index = tokenEnd(line, from: index)
                    continue
                case "\"", "'":
                    quote = Character(c)
                    nodeStart = false
                case "|" where flowDepth == 0, ">" where flowDepth == 0:
                    blockScalarIndent = indents.last ?? 0
                    return true
                default:
                    nodeStart = false
                }
            } else if c == ":" && (spaced || (flowDepth > 0 && next.map(isFlowIndicator) == true)) {
                nodeStart = true
            } else if flowDepth > 0 && c == "," {
                nodeStart = true
            } else if flowDepth > 0 && (c == "]" || c == "}") {
                flowDepth -= 1
            }
            if indents.count + compact + flowDepth > Self.maximumDepth {
                findings.append(
                    Finding(
                        at: at,
                        message: "nesting is too deep (more than \(Self.maximumDepth) levels)",
                        expected: "a protocol: a mapping with a list of steps"))
                return false
            }
            index += 1
        }
        return true
    }

    /// Where to go on from `index`, inside a quoted scalar: past an escape (`\"`, `''`),
    /// or past the closing quote, which ends the quote.
    private mutating func afterQuoted(_ line: [Unicode.Scalar], _ index: Int) -> Int {
        let c = line[index]
        let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
        if quote == "\"" && c == "\\" { return index + 2 }
        guard quote.map({ Character(c) == $0 }) == true else { return index + 1 }
        if quote == "'" && next == "'" { return index + 2 }
        quote = nil
        return index + 1
    }

    private mutating func enterBlock(_ indent: Int) {
        while let top = indents.last, top > indent { indents.removeLast() }
        if indents.last.map({ indent > $0 }) ?? true { indents.append(indent) }
    }

    private mutating func report(_ indicator: Unicode.Scalar, _ at: TextPosition) {
        let what = indicator == "&" ? "an anchor (&name)" : "an alias (*name)"
        findings.append(
            Finding(
                at: at, message: "\(what) is not allowed in a protocol file",
                expected: "each value written out; quote text that starts with & or *"))
    }

    private func tokenEnd(_ line: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        while index < line.count, line[index] != " ", line[index] != "\t",
            !(flowDepth > 0 && isFlowIndicator(line[index]))
        {
            index += 1
        }
        return index
    }

    private func isFlowIndicator(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }
}
