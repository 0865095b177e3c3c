import Foundation
import Testing
import ThinkingCore

@testable import ThinkingProtocols

/// The facilitator's settings file: read where XDG says, checked like a protocol (every problem
/// as FILE:LINE:COLUMN), and below the command line's flags.
@Suite("Settings")
struct SettingsTests {
    static let themes = ["default", "high-contrast", "mono"]

    func load(_ text: String) -> Result<Settings, ProtocolDiagnostics> {
        Settings.load(bytes: Array(text.utf8), file: "settings.yaml", themes: Self.themes)
    }

    func problems(_ text: String) -> [String] {
        guard case .failure(let problems) = load(text) else { return [] }
        return problems.diagnostics.map(\.description)
    }

    @Test func everySettingIsReadWithItsLine() throws {
        let text = """
            # my room
            theme: High-Contrast
            turn: 1m30s
            bell: true
            on-time: paplay /usr/share/sounds/chime.oga
            direction: anticlockwise
            order: rotate
            end-screen: figures
            """
        let settings = try load(text).get()
        #expect(settings.theme == .init(value: "high-contrast", line: 2))
        #expect(settings.turn == .init(value: .seconds(90), line: 3))
        #expect(settings.bell == .init(value: true, line: 4))
        #expect(settings.onTime?.value == "paplay /usr/share/sounds/chime.oga")
        #expect(settings.direction == .init(value: .anticlockwise, line: 6))
        #expect(settings.order == .init(value: .rotate, line: 7))
        #expect(settings.endScreen == .init(value: .figures, line: 8))
        #expect(settings.file == "settings.yaml")
    }

    @Test(arguments: [
        ("bel: true\n", "settings.yaml:1:1: unknown key 'bel' (expected 'bell')"),
        ("theme: loud\n", "settings.yaml:1:8: theme is 'loud' (expected default | high-contrast | mono)"),
        ("theme: [mono]\n", "settings.yaml:1:8: theme is a list (expected default | high-contrast | mono)"),
        (
            "turn: 90\n",
            "settings.yaml:1:7: turn is a bare number, 90, without a unit (expected a duration like 90s, 2m or 1m30s)"
        ),
        ("turn: -2m\n", "settings.yaml:1:7: turn is negative: -2m (expected a duration like 90s, 2m or 1m30s)"),
        (
            "turn: soon\n",
            "settings.yaml:1:7: turn is 'soon', not a duration (expected a duration like 90s, 2m or 1m30s, up to 24h)"
        ),
        ("bell: yes please\n", "settings.yaml:1:7: bell is 'yes please' (expected true or false)"),
        ("bell:\n", "settings.yaml:1:6: bell has no value (expected true or false)"),
        ("on-time: \"\"\n", "settings.yaml:1:10: on-time is empty (expected a command, such as paplay chime.oga)"),
        ("direction: left\n", "settings.yaml:1:12: direction is 'left' (expected clockwise | anticlockwise)"),
        (
            "order: {a: 1}\n",
            "settings.yaml:1:8: order is a mapping (key: value lines) (expected given | rotate | random)"
        ),
        ("end-screen: both\n", "settings.yaml:1:13: end-screen is 'both' (expected thanks | figures)"),
        ("- theme: mono\n", "settings.yaml:1:1: found a list (expected a mapping of settings such as theme: mono)"),
        ("", "settings.yaml:1:1: the file is empty (expected a mapping of settings such as theme: high-contrast)"),
    ])
    func eachMistakeIsSaidWithItsPlace(text: String, expected: String) {
        #expect(problems(text) == [expected])
    }

    @Test func brokenFilesAreRefusedWithAPlace() {
        for text in ["theme: mono\n  turn: 2m\n: x", "theme: \"mono\n", "\u{0}theme: mono", "turn: 2m\u{1B}[2J\n"] {
            let found = problems(text)
            #expect(found.count >= 1, "\(text.debugDescription)")
            #expect(found.allSatisfy { $0.hasPrefix("settings.yaml:") }, "\(found)")
        }
        let notText = Settings.load(bytes: [0xFF, 0xFE, 0x00, 0x41], file: "settings.yaml", themes: Self.themes)
        #expect(throws: ProtocolDiagnostics.self) { try notText.get() }
    }

    @Test func everyProblemIsReportedInTheOrderOfTheFile() {
        let found = problems("theme: loud\nturn: 90\nbel: true\norder: sideways\n")
        #expect(found.map { $0.split(separator: ":")[1] } == ["1", "2", "3", "4"])
    }

    @Test func theFileLivesUnderXDGConfigHome() throws {
        #expect(Settings.path(in: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/thinkenv/settings.yaml")
        #expect(
            Settings.path(in: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/thinkenv/settings.yaml")
        #expect(Settings.path(in: [:]) == nil)
        let dir = try TemporaryDirectory()
        // No file: every setting is built in.
        let none = try Settings.load(environment: dir.environment, themes: Self.themes).get()
        #expect(none == Settings())
        let config = try #require(XDGBase.config.directory(in: dir.environment))
        try FileManager.default.createDirectory(atPath: config + "/thinkenv", withIntermediateDirectories: true)
        writeFile(config + "/thinkenv/settings.yaml", "bell: true\n")
        #expect(try Settings.load(environment: dir.environment, themes: Self.themes).get().bell?.value == true)
        // A settings file kept in a dotfiles folder is a link to it: read as the file.
        writeFile(dir.sub("dotfiles-settings.yaml"), "bell: false\n")
        try FileManager.default.removeItem(atPath: config + "/thinkenv/settings.yaml")
        symlink(dir.sub("dotfiles-settings.yaml"), config + "/thinkenv/settings.yaml")
        #expect(try Settings.load(environment: dir.environment, themes: Self.themes).get().bell?.value == false)
        try FileManager.default.removeItem(atPath: config + "/thinkenv/settings.yaml")
        writeFile(config + "/thinkenv/settings.yaml", "bell: often\n")
        #expect(throws: ProtocolDiagnostics.self) {
            try Settings.load(environment: dir.environment, themes: Self.themes).get()
        }
        // A folder where the file should be is a problem, not a crash.
        try FileManager.default.removeItem(atPath: config + "/thinkenv/settings.yaml")
        try FileManager.default.createDirectory(
            atPath: config + "/thinkenv/settings.yaml", withIntermediateDirectories: true)
        #expect(throws: ProtocolDiagnostics.self) {
            try Settings.load(environment: dir.environment, themes: Self.themes).get()
        }
    }

    @Test func aFlagWinsOverTheFileAndTheFileOverTheDefault() {
        let file = Settings.Entry(value: Direction.anticlockwise, line: 3)
        #expect(Settings.inForce(flag: Direction.clockwise, file: file, builtIn: .clockwise) == .clockwise)
        #expect(Settings.inForce(flag: nil, file: file, builtIn: .clockwise) == .anticlockwise)
        #expect(Settings.inForce(flag: nil, file: nil, builtIn: Direction.clockwise) == .clockwise)
    }
}
