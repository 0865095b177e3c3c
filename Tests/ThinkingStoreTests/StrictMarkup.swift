import Foundation

/// A strict reader of XHTML-compatible markup, for tests: every element closed in order,
/// attributes double-quoted, no raw `<` or `>` in text or attribute values, only the five
/// XML entities and numeric ones. Foundation's parser on Linux recovers from mismatched
/// tags, so it cannot be the judge alone. Only a leading `<!DOCTYPE html>` is allowed as a
/// declaration; no comments, no CDATA.
struct StrictMarkup {
    struct Element: Equatable {
        var name: String
        var attributes: [String: String]
        /// The path from the root, names joined by `/`.
        var path: String
    }

    /// Every element in document order.
    private(set) var elements: [Element] = []
    /// The text content, entities decoded, in document order.
    private(set) var text = ""

    enum Failure: Error, Equatable {
        case at(Int, String)
    }

    init(_ markup: String) throws(Failure) {
        let s = Array(markup.unicodeScalars)
        var i = 0
        var stack: [String] = []
        var sawRoot = false
        let doctype = Array("<!DOCTYPE html>".unicodeScalars)
        if s.starts(with: doctype) { i = doctype.count }
        while i < s.count {
            if s[i] == "<" {
                guard let close = s[i...].firstIndex(of: ">") else { throw .at(i, "unclosed tag") }
                let tag = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                i = close + 1
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    guard stack.last == name else { throw .at(i, "</\(name)> closes \(stack.last ?? "nothing")") }
                    stack.removeLast()
                    continue
                }
                let selfClosing = tag.hasSuffix("/")
                let (name, attributes) = try Self.parseTag(selfClosing ? String(tag.dropLast()) : tag, at: i)
                if stack.isEmpty {
                    guard !sawRoot else { throw .at(i, "a second root element <\(name)>") }
                    sawRoot = true
                }
                elements.append(
                    Element(name: name, attributes: attributes, path: (stack + [name]).joined(separator: "/")))
                if !selfClosing { stack.append(name) }
            } else {
                guard s[i] != ">" else { throw .at(i, "a raw > in text") }
                if s[i] == "&" {
                    let (scalar, next) = try Self.entity(s, at: i)
                    text.unicodeScalars.append(scalar)
                    i = next
                } else {
                    if !stack.isEmpty {
                        text.unicodeScalars.append(s[i])
                    } else if !Self.isSpace(s[i]) {
                        throw .at(i, "text outside the root element")
                    }
                    i += 1
                }
            }
        }
        guard stack.isEmpty, sawRoot else { throw .at(i, "unclosed: \(stack.joined(separator: "/"))") }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == ":"
    }

    private static func parseTag(_ tag: String, at position: Int) throws(Failure) -> (String, [String: String]) {
        let s = Array(tag.unicodeScalars)
        var i = 0
        func name() -> String {
            let start = i
            while i < s.count, isNameCharacter(s[i]) { i += 1 }
            return String(String.UnicodeScalarView(s[start..<i]))
        }
        let element = name()
        guard !element.isEmpty else { throw .at(position, "a tag without a name: <\(tag)>") }
        var attributes: [String: String] = [:]
        while i < s.count {
            guard isSpace(s[i]) else { throw .at(position, "unexpected \(s[i]) in <\(tag)>") }
            while i < s.count, isSpace(s[i]) { i += 1 }
            if i == s.count { break }
            let key = name()
            guard !key.isEmpty, i + 1 < s.count, s[i] == "=", s[i + 1] == "\"" else {
                throw .at(position, "an attribute not written key=\"value\" in <\(tag)>")
            }
            i += 2
            var value = ""
            while i < s.count, s[i] != "\"" {
                guard s[i] != "<" else { throw .at(position, "a raw < in an attribute of <\(tag)>") }
                if s[i] == "&" {
                    let (scalar, next) = try entity(s, at: i)
                    value.unicodeScalars.append(scalar)
                    i = next
                } else {
                    value.unicodeScalars.append(s[i])
                    i += 1
                }
            }
            guard i < s.count else { throw .at(position, "an unclosed attribute value in <\(tag)>") }
            i += 1
            guard attributes.updateValue(value, forKey: key) == nil else { throw .at(position, "\(key) twice") }
        }
        return (element, attributes)
    }

    private static func entity(_ s: [Unicode.Scalar], at i: Int) throws(Failure) -> (Unicode.Scalar, Int) {
        guard let end = s[i...].prefix(12).firstIndex(of: ";") else { throw .at(i, "a raw & (no entity)") }
        let body = String(String.UnicodeScalarView(s[(i + 1)..<end]))
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        if let scalar = named[body] { return (scalar, end + 1) }
        if body.hasPrefix("#"), let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) {
            return (scalar, end + 1)
        }
        throw .at(i, "an unknown entity &\(body);")
    }

    /// The elements with this name and, if given, this class.
    func elements(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }
}
