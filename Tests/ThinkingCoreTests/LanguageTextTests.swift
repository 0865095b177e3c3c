import Foundation
import Testing

@testable import ThinkingCore

/// Language files: the shipped ones complete and current, a user's checked line by line.
@Suite("Languages")
struct LanguageTextTests {
    func problems(_ text: String) -> [String] {
        guard case .failure(let problems) = LanguageText.read(text, reference: Words.english.table) else { return [] }
        return problems.items.map { "\($0.line):\($0.column): \($0.message) (expected \($0.expected ?? ""))" }
    }

    @Test(arguments: [
        ("rond-of: \"x {n} {count}\"\n", "1:1: unknown key 'rond-of' (expected 'round-of')"),
        ("nonsense-key: \"x\"\n", "1:1: unknown key 'nonsense-key' (expected a key of en.yaml)"),
        ("  thank-you: \"Merci\"\n", "1:1: a key is indented (expected key: \"text\" at the start of the line)"),
        ("thank-you \"Merci\"\n", "1:1: no ':' after the key (expected key: \"text\")"),
        (
            "thank-you: \"a\"\nthank-you: \"b\"\n",
            "2:1: 'thank-you' is written twice (first on line 1) (expected each key once)"
        ),
        ("thank-you: {x}\n", "1:12: this text must be in double quotes for YAML (expected \"{x}\")"),
        ("thank-you: a: b\n", "1:12: this text must be in double quotes for YAML (expected \"a: b\")"),
        ("thank-you: \"Merci\n", "1:12: the quoted text has no closing quote (expected \"text\" on one line)"),
        (
            "thank-you: \"Merci\" x\n",
            "1:19: text after the closing quote (expected a comment starting with #, or nothing)"
        ),
        ("thank-you: \"Mer\\ci\"\n", "1:16: unknown escape \\c (expected \\\" \\\\ or \\n)"),
        (
            "thank-you: \"Mer\u{1B}[2Jci\"\n",
            "1:12: the text holds U+001B, which a screen cannot show as text (expected text to show, without terminal controls)"
        ),
        (
            "thank-you: Mer\u{202E}ci\n",
            "1:12: the text holds U+202E, which a screen cannot show as text (expected text to show, without terminal controls)"
        ),
        (
            "thank-you: \"Mer\u{2028}ci\"\n",
            "1:12: the text holds U+2028, which a screen cannot show as text (expected text to show, without terminal controls)"
        ),
        (
            "thank-you: \"Merci\u{FFFE}\"\n",
            "1:12: the text holds U+FFFE, which a screen cannot show as text (expected text to show, without terminal controls)"
        ),
        ("paused: \"\"\n", "1:9: no text (expected \"text\" with something in it)"),
        ("paused: \"  \"\n", "1:9: no text (expected \"text\" with something in it)"),
        ("decimal-mark: \"\"\n", "1:15: no text (expected \"text\" with something in it)"),
        ("decimal-mark: \"abc\"\n", "1:15: 'abc' is not one mark (expected one character such as . or ,)"),
        ("weekdays: \"lu ma me\"\n", "1:11: 3 names (expected 7 names separated by spaces)"),
        ("months: Jan Feb\n", "1:9: 2 names (expected 12 names separated by spaces)"),
        ("thank-you:\n", "1:11: no text (expected \"text\" after the key)"),
        ("step-of: \"Étape {n}\"\n", "1:10: the slots are {n} (expected {count} {n})"),
        ("thank-you: \"Merci {name}\"\n", "1:12: the slots are {name} (expected no slots)"),
    ])
    func eachMistakeIsSaidWithItsPlace(text: String, expected: String) {
        #expect(problems(text) == [expected])
    }

    @Test func plainTextCommentsQuotesAndCRLFAreRead() throws {
        let text =
            "# a comment\r\n\r\nthank-you: Merci # said at the end\r\nand: \"et\"\r\nstep-of: \"Étape {n} sur {count}\"\n"
        let read = try LanguageText.read(text, reference: Words.english.table).get()
        #expect(read.table[.thankYou] == "Merci")
        #expect(read.table[.and] == "et")
        #expect(read.table[.stepOf] == "Étape {n} sur {count}")
        #expect(read.lines[.stepOf] == 5)
        let words = Words(code: "fr", table: read.table)
        #expect(words.fill(.stepOf, ["n": "2", "count": "3"]) == "Étape 2 sur 3")
        // A value is text: a name written like a slot is not filled in turn.
        #expect(
            Words.english.fill(.pairThinksListens, ["thinker": "{listener}", "listener": "Ana"])
                == "{listener} thinks · Ana listens")
        #expect(
            Words(code: "x", table: [.starts: "{name} {oops {name}}"]).fill(.starts, ["name": "Zoë"])
                == "Zoë {oops Zoë}")
        #expect(words[.keyPass] == Words.english[.keyPass], "a missing word is the English one")
        #expect(words.missing.count == Word.allCases.count - 3)
    }

    @Test func everyShippedLanguageHasEveryWordWithTheRightSlots() throws {
        #expect(Set(Words.shippedCodes) == ["en", "fr", "de", "es", "nl"])
        for code in Words.shippedCodes {
            let text = try #require(EmbeddedLanguages.text(of: code))
            let read = try LanguageText.read(text, reference: Words.english.table).get()
            #expect(Word.allCases.filter { read.table[$0] == nil }.isEmpty, "\(code) lacks words")
            #expect(Words.shipped(code)?.missing == [], "\(code)")
        }
        #expect(Words.english[.thankYou] == "Thank you")
        #expect(Words.shipped("de")?.name(of: .attention) == "Aufmerksamkeit")
    }

    /// `Languages/*.yaml` is the single source: the copies built in are the files as they are.
    @Test func theEmbeddedCopiesAreTheFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path + "/Languages").filter {
            $0.hasSuffix(".yaml")
        }
        #expect(files.count == EmbeddedLanguages.files.count)
        for file in files {
            let text = try String(contentsOfFile: root.path + "/Languages/" + file, encoding: .utf8)
            let code = String(file.dropLast(5))
            #expect(EmbeddedLanguages.text(of: code) == text, "\(file): run scripts/embed-languages")
        }
    }

    @Test(arguments: [
        ("fr_FR.UTF-8", "fr"), ("de_DE", "de"), ("nl_BE.UTF-8@euro", "nl"), ("es", "es"), ("C.UTF-8", nil),
        ("C", nil), ("POSIX", nil), ("", nil), ("x", nil),
    ])
    func aLocaleNamesALanguage(value: String, code: String?) {
        #expect(Words.code(fromLocale: value) == code)
    }

    /// A date as people write it, in each language (2026-11-22 was a Sunday).
    @Test func datesAreWrittenInTheLanguage() throws {
        let sunday = WallTime(milliseconds: 1_795_341_852_000)  // 2026-11-22T10:04:12Z
        let expected = [
            "en": "Sun 22 Nov 2026, 10:04", "fr": "dim. 22 nov. 2026, 10:04", "de": "So, 22. Nov. 2026, 10:04",
            "es": "dom 22 nov 2026, 10:04", "nl": "zo 22 nov 2026, 10:04",
        ]
        for (code, date) in expected {
            #expect(sunday.readable(words: try #require(Words.shipped(code))) == date)
        }
        #expect(sunday.readable(utcOffset: 3600) == "Sun 22 Nov 2026, 11:04")
        // A table whose list is not whole gives English's names, never a missing one.
        let broken = Words(code: "x", table: [.weekdays: "a b", .months: "m1 m2"])
        #expect(sunday.readable(words: broken) == "Sun 22 Nov 2026, 10:04")
    }

    /// Figures with the language's decimal mark; English's stay as every machine reads them.
    @Test func figuresTakeTheDecimalMark() throws {
        let french = try #require(Words.shipped("fr"))
        #expect(Equality.percent(125) == "12.5%" && Equality.percent(125, words: french) == "12,5%")
        #expect(Equality.ratioText(2.5) == "2.50" && Equality.ratioText(2.5, words: french) == "2,50")
        #expect(Equality.percent(nil, words: french) == "—")
    }
}
