import ArgumentParser
import ThinkingCore

/// `thinkenv components`: the ten components, one line each.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components", abstract: "The ten components of a Thinking Environment.")

    @Option(help: ArgumentHelp("The language: en, fr, de, es, nl (or your own file's).", valueName: "code"))
    var language: String?

    func run() throws {
        let words = try Thinkenv.words(flag: language, settings: try Thinkenv.settings())
        let width = Component.allCases.map { DisplayWidth.of(words.name(of: $0)) }.max() ?? 0
        for component in Component.allCases {
            let name = words.name(of: component)
            print(
                neutralised(
                    name + String(repeating: " ", count: width - DisplayWidth.of(name)) + "  "
                        + words.line(of: component)))
        }
    }
}
