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
                record = try transcript.presenterRecord(words: words)
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            switch format {
            case .html: text = record.html(language: words.code)
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
        commandName: "delete",
        abstract: "Delete a session, or every session with one person in it, for good (asks first unless --yes).",
        discussion: """
            A session goes with its heartbeat and any lines kept aside for it (thinkenv-unsaved-*.jsonl); \
            a session being run now is left alone.
            """)

    @Argument(help: "A session: its file name, the start of it, or latest.")
    var session: String?

    @Option(
        help: ArgumentHelp(
            "Every session with this person in it (case and accents ignored: zoe finds Zoë).", valueName: "name"))
    var person: String?

    @Flag(help: "Do not ask.")
    var yes = false

    func validate() throws {
        guard (session == nil) != (person == nil) else {
            throw ValidationError("Name a session, or --person NAME (one of them).")
        }
    }

    func run() throws {
        let paths = try Thinkenv.paths()
        let chosen: [(file: SessionFile, loaded: LoadedSession)]
        let question: String
        if let person {
            guard let found = try Self.sessions(with: person, paths: paths) else { throw ExitCode(1) }
            chosen = found.sessions
            for (_, loaded) in chosen { print(neutralised("  " + Self.line(loaded))) }
            let count = chosen.count == 1 ? "this session" : "these \(chosen.count) sessions"
            question = "Delete \(count) with \(found.name)? It cannot be undone. [y/N] "
        } else {
            let file = try SessionChoice.file(session, paths: paths)
            // Only a session of the store: a path to a copy elsewhere is the user's own file.
            guard file.path == XDGBase.join(paths.sessionsDirectory, file.name) else {
                printError(
                    neutralised(
                        "\(file.path) is not in the sessions folder (\(paths.sessionsDirectory)): delete takes a "
                            + "session by its name (thinkenv sessions lists them). Nothing was deleted."))
                throw ExitCode(1)
            }
            chosen = [(file, try SessionChoice.load(file))]
            question = "Delete \(Self.line(chosen[0].loaded))? It cannot be undone. [y/N] "
        }
        if !yes {
            print(neutralised(question), terminator: "")
            let line = readLine()
            // Typed at a terminal, the answer ended its line; read from elsewhere, it did not.
            if line == nil || isatty(STDIN_FILENO) == 0 { print("") }
            let answer = line?.trimmed.lowercased()
            guard answer == "y" || answer == "yes" else {
                print("Nothing was deleted.")
                return
            }
        }
        var failed = false
        for (file, loaded) in chosen {
            do {
                try SessionFiles.delete(file)
                print(neutralised("Deleted \(loaded.name)."))
            } catch {
                printError(neutralised("Cannot delete \(loaded.name): \(error)"))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// `2026-11-22T10-04-12Z-round (Round: Ana, Zoë)`
    static func line(_ loaded: LoadedSession) -> String {
        "\(loaded.name) (\(loaded.header.plan.definition.name): \(Transcript(loaded).people.joined(separator: ", ")))"
    }

    /// The sessions `typed` is in, and the name as the sessions write it; nil (and said why)
    /// when nobody or several people fit it.
    static func sessions(
        with typed: String, paths: StorePaths
    ) throws -> (name: String, sessions: [(file: SessionFile, loaded: LoadedSession)])? {
        var readable: [(file: SessionFile, loaded: LoadedSession, people: [String])] = []
        for file in SessionFiles.scan(paths).files {
            guard let loaded = try? SessionLoader.load(file) else { continue }
            readable.append((file, loaded, Transcript(loaded).people))
        }
        let names = Set(readable.flatMap(\.people)).sorted()
        switch NameMatch.find(typed, among: names) {
        case .one(let index):
            let name = names[index]
            return (name, readable.filter { $0.people.contains(name) }.map { ($0.file, $0.loaded) })
        case .several(let indices):
            let fits = indices.map { "\"\(names[$0])\"" }.joined(separator: " or ")
            printError(
                neutralised("\"\(typed)\" could be \(fits): write the name as it was given. Nothing was deleted."))
        case .none:
            printError(
                neutralised("Nobody called \"\(typed)\" in \(readable.count) session(s). Nothing was deleted."))
        }
        return nil
    }
}
