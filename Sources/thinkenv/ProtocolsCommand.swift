import ArgumentParser
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

/// `thinkenv protocols`: list, show and check protocol files.
struct ProtocolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocols",
        abstract: "List the protocols, show one, or check protocol files.",
        subcommands: [List.self, Show.self, Check.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the protocols with their summaries.")

        func run() throws {
            let catalog = ProtocolCatalog(environment: Thinkenv.environment)
            let width = catalog.entries.map(\.id.count).max() ?? 0
            for entry in catalog.entries {
                let id = entry.id.padding(toLength: width)
                switch entry.result {
                case .success(let definition):
                    let mine =
                        entry.source == .builtIn
                        ? "" : entry.replacesBuiltIn ? "  (yours, replaces the built-in)" : "  (yours)"
                    print(neutralised("\(id)  \(definition.summary)\(mine)"))
                case .failure(let problems):
                    print(
                        neutralised(
                            "\(id)  (invalid: \(problems.diagnostics.count) problem(s); see `thinkenv protocols check`)"
                        ))
                }
            }
            if let directory = catalog.userDirectory {
                print(neutralised("\nYour own protocols go in \(directory)/ (copy a built-in one to start)."))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a protocol's steps.")

        @Argument(help: "A protocol name (round, thinking-pairs, council) or a file.")
        var name: String

        func run() throws {
            let catalog = ProtocolCatalog(environment: Thinkenv.environment)
            switch catalog.resolve(name) {
            case .success(let definition):
                let text = neutralised(describe(definition), multiline: true)
                // One newline at the end, whatever the description ends with (a trial note).
                print(text.hasSuffix("\n") ? text : text + "\n", terminator: "")
            case .failure(let problems):
                printError(neutralised(problems.description, multiline: true))
                throw ExitCode(1)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check protocol files: exit 0 when all are valid, 1 otherwise.",
            discussion: "Each problem is printed as FILE:LINE:COLUMN: what is wrong (what was expected).")

        @Argument(help: "Protocol files to check.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one protocol file to check.") }
        }

        func run() throws {
            var failed = false
            for file in files {
                switch ProtocolLoader.load(path: file) {
                case .success(let definition):
                    let steps = definition.steps.count == 1 ? "1 step" : "\(definition.steps.count) steps"
                    print(neutralised("\(file): ok (\(definition.name), \(steps))"))
                case .failure(let problems):
                    failed = true
                    for problem in problems.diagnostics { print(neutralised(problem.description)) }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
