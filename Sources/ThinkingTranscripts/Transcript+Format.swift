import ThinkingCore

extension Transcript {
    /// The ways a transcript is written out, the one list `show`, `export` and review use.
    public enum Format: String, CaseIterable, Sendable {
        /// For a terminal (`thinkenv show`).
        case text
        case markdown
        /// A self-contained page, printable.
        case html
        /// Everything, for programs; decodes back (`fromJSON`).
        case json
        /// One row per turn, for a spreadsheet.
        case csv

        /// The file name's ending.
        public var fileExtension: String {
            switch self {
            case .text: "txt"
            case .markdown: "md"
            case .html: "html"
            case .json: "json"
            case .csv: "csv"
            }
        }

        /// The formats `export` writes (a terminal's text is `show`).
        public static let exported: [Format] = [.markdown, .csv, .json, .html]
    }

    /// The transcript written in `format`, times read in `local` (the session's own zone by
    /// default).
    public func written(as format: Format, local: LocalTime? = nil, words: Words = .english) throws -> String {
        switch format {
        case .text: showText(local: local, words: words)
        case .markdown: markdown(local: local, words: words)
        case .html: html(local: local, words: words)
        case .json: try json()
        case .csv: csv()
        }
    }
}
