import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingProtocols

/// `thinkenv languages`: the languages there are; `check` checks a language file.
struct LanguagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "List the screen's languages, or check a language file of your own.",
        discussion: """
            Your own files go in $XDG_CONFIG_HOME/thinkenv/languages/CODE.yaml (by default \
            ~/.config/thinkenv/languages/): one `key: "text"` a line, the keys of the English file \
            (thinkenv languages show en). A file named like a shipped language overrides its words.
            """,
        subcommands: [ListLanguages.self, ShowLanguage.self, CheckLanguages.self],
        defaultSubcommand: ListLanguages.self)
}

/// `thinkenv languages list`: each code, its name, and whether it is built in or yours.
struct ListLanguages: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The languages, by code.")

    func run() throws {
        let environment = Thinkenv.environment
        for code in LanguageCatalog.codes(in: environment) {
            let words = try? LanguageCatalog.words(code, environment: environment).get()
            let shipped = Words.shipped(code) != nil
            let own = LanguageCatalog.directory(in: environment).map { "\($0)/\(code).yaml" }
            let mine = own.map { FileManager.default.fileExists(atPath: $0) } ?? false
            let source = shipped ? (mine ? "built in, with your file over it" : "built in") : "your file"
            let name = words.map { $0.name.truncated(toWidth: 40) } ?? "(broken: thinkenv languages check)"
            print(neutralised("\(code)  \(name)  \(source)"))
        }
        // A file there that is not named by a code is not read: say so rather than skip it.
        for path in LanguageCatalog.unreadFiles(in: environment) {
            print(neutralised("note: \(path) is not read: a language file is named by its code, fr.yaml or pt.yaml"))
        }
    }
}

/// `thinkenv languages show CODE`: a language's whole table, as a file to start from.
struct ShowLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a language's words as a language file (to copy and adapt).")

    @Argument(help: "A language code: en, fr, de, es, nl.")
    var code: String

    func run() throws {
        let words = try Thinkenv.words(flag: code, settings: Settings())
        for word in Word.allCases {
            let text = words[word].replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            print(neutralised("\(word.rawValue): \"\(text)\""))
        }
    }
}

/// `thinkenv languages check FILE...`: each problem as FILE:LINE:COLUMN; the words a file lacks
/// (English stands in) are listed as notes.
struct CheckLanguages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check language files: exit 0 when all are valid, 1 otherwise.")

    @Argument(help: "The files.")
    var files: [String]

    func run() throws {
        var broken = false
        for file in files {
            switch LanguageCatalog.read(path: file) {
            case .success(let read):
                let missing = Word.allCases.filter { read.table[$0] == nil }
                print(neutralised("\(file): ok (\(read.table.count) words)"))
                if !missing.isEmpty {
                    let list = missing.map(\.rawValue).joined(separator: ", ")
                    let count = missing.count == 1 ? "1 word is" : "\(missing.count) words are"
                    print(neutralised("\(file): note: \(count) missing, English stands in: \(list)"))
                }
            case .failure(let problems):
                broken = true
                for problem in problems.diagnostics { print(neutralised(problem.description)) }
            }
        }
        if broken { throw ExitCode(1) }
    }
}
