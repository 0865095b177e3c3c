import Foundation
import Testing
import ThinkingCore

@testable import ThinkingProtocols

/// Which language the screen speaks, and a facilitator's own language files.
@Suite("Languages: the choice and your own files")
struct LanguageCatalogTests {
    @Test func theFlagThenTheSettingsThenTheLocaleThenEnglish() {
        let env = ["HOME": "/nonexistent", "LANG": "de_DE.UTF-8"]
        #expect(LanguageCatalog.choice(flag: "FR", settings: "es", environment: env) == ("fr", .flag))
        #expect(LanguageCatalog.choice(flag: nil, settings: "es", environment: env) == ("es", .settings))
        #expect(LanguageCatalog.choice(flag: nil, settings: nil, environment: env) == ("de", .environment("LANG")))
        let both = ["HOME": "/nonexistent", "LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "de_DE"]
        #expect(LanguageCatalog.choice(flag: nil, settings: nil, environment: both) == ("nl", .environment("LC_ALL")))
        let messages = ["HOME": "/nonexistent", "LC_MESSAGES": "fr_FR", "LANG": "de_DE"]
        #expect(LanguageCatalog.choice(flag: nil, settings: nil, environment: messages).code == "fr")
        // A locale with no table here, or none at all: English.
        #expect(
            LanguageCatalog.choice(flag: nil, settings: nil, environment: ["LANG": "ja_JP.UTF-8"]) == ("en", .builtIn))
        #expect(LanguageCatalog.choice(flag: nil, settings: nil, environment: ["LANG": "C.UTF-8"]) == ("en", .builtIn))
    }

    @Test func yourOwnFileOverridesWordsAndAddsLanguages() throws {
        let dir = try TemporaryDirectory()
        let folder = try #require(LanguageCatalog.directory(in: dir.environment))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        writeFile(folder + "/fr.yaml", "thank-you: \"Merci à vous\"\n")
        writeFile(folder + "/it.yaml", "language-name: \"Italiano\"\nthank-you: \"Grazie\"\n")
        #expect(LanguageCatalog.codes(in: dir.environment).suffix(1) == ["it"])
        let french = try LanguageCatalog.words("fr", environment: dir.environment).get()
        #expect(french[.thankYou] == "Merci à vous")
        #expect(french[.stepOf] == Words.shipped("fr")?[.stepOf], "the rest is the shipped French")
        let italian = try LanguageCatalog.words("it", environment: dir.environment).get()
        #expect(italian.name == "Italiano" && italian[.thankYou] == "Grazie")
        #expect(italian[.keyPass] == Words.english[.keyPass], "a word the file lacks is the English one")
        #expect(
            LanguageCatalog.choice(
                flag: nil, settings: nil, environment: dir.environment.merging(["LANG": "it_IT"]) { $1 }
            ).code == "it")
        writeFile(folder + "/it.yaml", "thank-you: Grazie: mille\nround-of: \"Giro {n}\"\n")
        let problems = try #require(LanguageCatalog.words("it", environment: dir.environment).failure)
        #expect(
            problems.diagnostics.map(\.description) == [
                folder + "/it.yaml:1:12: this text must be in double quotes for YAML (expected \"Grazie: mille\")",
                folder + "/it.yaml:2:11: the slots are {n} (expected {count} {n})",
            ])
    }

    /// A facilitator's files kept in a dotfiles folder are links: they are read (what a link
    /// leads to must still be a regular file); a file not named by a code is said, not skipped
    /// in silence; a code that is not one gets no "add ../x.yaml" hint.
    @Test func linksAreFollowedAndOddNamesAreSaid() throws {
        let dir = try TemporaryDirectory()
        let folder = try #require(LanguageCatalog.directory(in: dir.environment))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        writeFile(dir.sub("dotfiles-it.yaml"), "language-name: \"Italiano\"\n")
        symlink(dir.sub("dotfiles-it.yaml"), folder + "/it.yaml")
        symlink("/dev/zero", folder + "/xx.yaml")
        writeFile(folder + "/UPPER.yaml", "thank-you: \"x\"\n")
        #expect(try LanguageCatalog.words("it", environment: dir.environment).get().name == "Italiano")
        let device = try #require(LanguageCatalog.words("xx", environment: dir.environment).failure)
        #expect(device.diagnostics.map(\.message) == ["not a regular file"])
        #expect(LanguageCatalog.unreadFiles(in: dir.environment) == [folder + "/UPPER.yaml"])
        #expect(!LanguageCatalog.isCode("../x") && !LanguageCatalog.isCode("UPPER") && LanguageCatalog.isCode("pt"))
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 300 * 1024)
        let large = try #require(LanguageCatalog.read(bytes: huge, file: "big.yaml").failure)
        #expect(large.diagnostics.map(\.message) == ["the file is 300 KiB, too large for a language file"])
    }

    /// A transcript in German says its sentences in German too: who passed, who started and
    /// which way, what was over, how the figures are counted (the protocol's own titles stay).
    @Test func aTranscriptSaysItsSentencesInItsLanguage() throws {
        let transcript = try TranscriptTests.scriptedRound().transcript()
        let german = try #require(Words.shipped("de"))
        // The components' evidence is in English sentences still (DECISIONS): up to it.
        let whole = transcript.markdown(words: german)
        let markdown = String(
            whole[..<(whole.range(of: "## " + german[.headingComponents])?.lowerBound ?? whole.endIndex)])
        for english in [
            "passed", "starts with", "clockwise", "Speaking time, passes not counted", "interruption noted",
            "of 2:00", "over", "member", "finished", "unfinished", "was thinking",
        ] {
            #expect(!markdown.contains(english), "\(english) in\n\(markdown)")
        }
        for german in [
            german[.tPassed], german.fill(.tStartsWith, ["name": "Ana"]), german[.tClockwise], german[.tMember],
            german[.tEqualityExplained], german[.tOneInterruption], "(\(german[.kindRound]))",
            german.fill(.tWhileThinking, ["name": "Chloé"]),
        ] {
            #expect(markdown.contains(german), "no \(german) in\n\(markdown)")
        }
        // CSV keeps the codes machines read, whatever the language.
        #expect(try transcript.written(as: .csv, words: german) == transcript.csv())
    }

    @Test func aFileThatIsNotTextIsRefusedWithItsPlace() {
        for bytes: [UInt8] in [[0x74, 0x00, 0x3A], [0xFF, 0xFE, 0x41], Array("thank-you: \"\u{1B}[2J\"\n".utf8)] {
            let result = LanguageCatalog.read(bytes: bytes, file: "xx.yaml")
            guard case .failure(let problems) = result else {
                Issue.record("read \(bytes)")
                continue
            }
            #expect(problems.diagnostics.allSatisfy { $0.file == "xx.yaml" && $0.line >= 1 })
        }
    }

    @Test func theSettingsFileNamesALanguageThereIs() {
        let good = Settings.load(bytes: Array("language: de\n".utf8), file: "s.yaml", themes: ["default"])
        #expect((try? good.get())?.language?.value == "de")
        let bad = Settings.load(bytes: Array("language: klingon\n".utf8), file: "s.yaml", themes: ["default"])
        #expect(bad.failure?.description == "s.yaml:1:11: language is 'klingon' (expected de | en | es | fr | nl)")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
