import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// `thinkenv sessions`: one line per session, newest first.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List the recorded sessions, newest first.")

    func run() throws {
        let paths = try Thinkenv.paths()
        let listing = SessionFiles.scan(paths)
        for line in listing.skippedLines { print(neutralised(line)) }
        if listing.files.isEmpty {
            print("No sessions yet. Start one with: thinkenv run round --people \"Ana, Ben, Chloé\"")
            return
        }
        for file in listing.files {
            guard let loaded = try? SessionLoader.load(file) else {
                print(neutralised("\(file.name)  (not readable as a session)"))
                continue
            }
            let transcript = Transcript(loaded)
            let start = transcript.startedLocally
            let people = transcript.people.joined(separator: ", ")
            let state = transcript.statusInBrief
            let line =
                "\(start)  \(transcript.protocolName)  \(DurationText.clock(transcript.duration))  \(state)  \(people)"
            print(neutralised(line).truncatedForList + "  [\(neutralised(loaded.name))]")
        }
    }
}

extension String {
    /// At most 120 characters, so a long roster keeps one line per session.
    var truncatedForList: String { count <= 120 ? self : String(prefix(119)) + "…" }
}

/// `thinkenv show SESSION`: the transcript, readable in a terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a session's transcript and its equality figures.")

    @Argument(help: "A session: its file name, the start of it, or latest.")
    var session: String = "latest"

    @Option(help: ArgumentHelp("The headings' language: en, fr, de, es, nl (or your own file's).", valueName: "code"))
    var language: String?

    func run() throws {
        let words = try Thinkenv.words(flag: language, settings: try Thinkenv.settings())
        let loaded = try SessionChoice.load(session, paths: try Thinkenv.paths())
        print(Transcript(loaded).showText(words: words), terminator: "")
    }
}

/// `thinkenv export SESSION [--format markdown|csv|json|html|text] [--for-presenter] [--output FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session as Markdown, CSV (one row per turn), JSON or a printable HTML page.",
        discussion: """
            With --for-presenter (a Time to Think Council), the Presenter's record instead: their question, \
            the council's notes round by round and the appreciation, without timings or figures.
            """)

    @Argument(help: "A session: its file name, the start of it, or latest.")
    var session: String = "latest"

    @Option(help: "markdown, csv, json, html or text.")
    var format: Transcript.Format = .markdown

    @Flag(help: "The Presenter's record of a council (Markdown, or --format html for a page to print).")
    var forPresenter = false

    @Option(
        help: ArgumentHelp("Write to this file (readable by you only) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The headings' language: en, fr, de, es, nl (or your own file's).", valueName: "code"))
    var language: String?

    func run() throws {
        let words = try Thinkenv.words(flag: language, settings: try Thinkenv.settings())
        let transcript = Transcript(try SessionChoice.load(session, paths: try Thinkenv.paths()))
        let text: String
        if forPresenter {
            guard [.markdown, .html, .text].contains(format) else {
                printError("The Presenter's record is written as markdown, html or text, not \(format.rawValue).")
                throw ExitCode(2)
            }
            let record: TranscriptDocument
            do {
                record = try transcript.presenterRecord()
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            switch format {
            case .html: text = record.html()
            case .text: text = record.text()
            default: text = record.markdown()
            }
        } else {
            text = try transcript.written(as: format, words: words)
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try PrivateFiles.write(Data(text.utf8), toPath: output)
        } catch {
            printError(neutralised("Cannot write \(output): \(error)"))
            throw ExitCode(1)
        }
        printError(neutralised("Written to \(output)"))
    }
}

extension Transcript.Format: ExpressibleByArgument {}

/// `thinkenv delete SESSION`: people have a right to have their session forgotten.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a session for good (asks first unless --yes).")

    @Argument(help: "A session: its file name, the start of it, or latest.")
    var session: String

    @Flag(help: "Do not ask.")
    var yes = false

    func run() throws {
        let paths = try Thinkenv.paths()
        let loaded = try SessionChoice.load(session, paths: paths)
        let people = loaded.header.plan.people.joined(separator: ", ")
        if !yes {
            print(
                neutralised(
                    "Delete \(loaded.name) (\(loaded.header.plan.definition.name): \(people))? It cannot be undone. [y/N] "
                ), terminator: "")
            let answer = readLine()?.trimmed.lowercased()
            guard answer == "y" || answer == "yes" else {
                print("Nothing was deleted.")
                return
            }
        }
        guard unlink(loaded.path) == 0 else {
            printError(neutralised("Cannot delete \(loaded.path): \(String(cString: strerror(errno)))"))
            throw ExitCode(1)
        }
        unlink(Heartbeat.path(forLog: loaded.path))
        print(neutralised("Deleted \(loaded.name)."))
    }
}
