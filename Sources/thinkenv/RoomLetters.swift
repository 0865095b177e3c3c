import ArgumentParser
import ThinkingFonts
import ThinkingTUI

/// The room's big names, from this machine's fonts, set in a helper process so that the
/// font stack does not stay in the screen's memory for the session (docs/DECISIONS.md).
/// Nothing is started until a name is first drawn, after the first frame.
enum RoomLetters {
    static let shared = NameLetters(HelperLettering())
}

/// `thinkenv letters-helper`: the helper itself (not for people: the screen starts it).
struct LettersHelperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters-helper", abstract: "Sets names in fonts for the screen (started by it).",
        shouldDisplay: false)

    func run() {
        HelperLettering.serve()
    }
}
