import ArgumentParser
import ThinkingCore

/// `thinkenv components`: the ten components, one line each.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components", abstract: "The ten components of a Thinking Environment.")

    func run() {
        let width = Component.allCases.map(\.rawValue.count).max() ?? 0
        for component in Component.allCases {
            print(component.rawValue.padding(toLength: width) + "  " + component.line)
        }
    }
}
