import ThinkingCore

/// Word-wrapping by display width (wide characters count two columns).
public enum TextWrap {
    /// At most `maxLines` lines of at most `width` columns; the last line ends with an
    /// ellipsis when the text did not fit. Text is neutralised first.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in neutralised(text).split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.displayWidth <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = String(word).truncated(toWidth: width)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = (kept[maxLines - 1] + " …").truncated(toWidth: width)
        return kept
    }
}
