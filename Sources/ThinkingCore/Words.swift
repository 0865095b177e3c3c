/// The words of one language for what the room and the facilitator read on screen, and for the
/// headings of transcripts: one table per language, `Languages/*.yaml` built into the program
/// (English, French, German, Spanish, Dutch), and a user's own in
/// `$XDG_CONFIG_HOME/thinkenv/languages/`. A word a table lacks is the English one.
///
/// A text may hold `{name}` slots that `fill` replaces (`"Round {n} of {count}"`). Names,
/// questions and protocol titles are the room's own text and never pass through a table.
public struct Words: Equatable, Sendable {
    /// The language's code (`fr`), as `--language` and the settings file name it.
    public let code: String
    /// The language's own name for itself (`Français`).
    public var name: String { table[.languageName] ?? code }
    public let table: [Word: String]

    /// A table of `code`; missing words fall back to English.
    public init(code: String, table: [Word: String]) {
        self.code = code
        self.table = table
    }

    public subscript(_ word: Word) -> String {
        table[word] ?? Words.englishTable[word] ?? word.rawValue
    }

    /// The word with its `{slot}`s filled in.
    /// A value is put in as it is: a `{slot}` inside a name stays the name's text.
    public func fill(_ word: Word, _ values: KeyValuePairs<String, String>) -> String {
        let template = self[word]
        var text = ""
        var rest = Substring(template)
        // By hand, not `replacing(_:with:)`: that brings the regex library's code into the
        // screen's memory for a few slots.
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values.first(where: { $0.key == after[..<close] }) {
                text += value.value
                rest = after[after.index(after: close)...]
            } else {
                text.append("{")
                rest = after
            }
        }
        return text + rest
    }

    /// A list of names written with spaces between them (`weekdays`: seven, Sunday first;
    /// `months`: twelve), this table's when it has them all, else English's.
    public func names(_ word: Word) -> [String] {
        let wanted = Self.nameCounts[word] ?? 0
        let mine = self[word].split(separator: " ").map(String.init)
        if mine.count == wanted { return mine }
        return Self.englishTable[word, default: ""].split(separator: " ").map(String.init)
    }

    /// How many names a list word holds.
    static let nameCounts: [Word: Int] = [.weekdays: 7, .months: 12]

    /// Whether this table has its own text for `word`.
    public func has(_ word: Word) -> Bool { table[word] != nil }

    /// The words this table lacks (English stands in for them).
    public var missing: [Word] { Word.allCases.filter { table[$0] == nil } }

    // MARK: - The shipped languages

    public static let english = Words(code: "en", table: englishTable)

    private static let englishTable: [Word: String] = {
        guard case .success(let read) = LanguageText.read(EmbeddedLanguages.text(of: "en") ?? "") else { return [:] }
        return read.table
    }()

    /// The languages built in, by code.
    public static var shippedCodes: [String] { EmbeddedLanguages.files.map(\.code) }

    /// A built-in language, or nil.
    public static func shipped(_ code: String) -> Words? {
        if code == "en" { return english }
        guard let text = EmbeddedLanguages.text(of: code),
            case .success(let read) = LanguageText.read(text)
        else {
            return nil
        }
        return Words(code: code, table: read.table)
    }

    /// The language a locale variable asks for (`fr_FR.UTF-8` -> `fr`), if it is a code at all.
    public static func code(fromLocale value: String?) -> String? {
        guard let value, !value.isEmpty, value != "C", value != "POSIX", !value.hasPrefix("C.") else { return nil }
        let code = value.prefix { $0.isLetter }.lowercased()
        return code.count >= 2 && code.count <= 3 ? code : nil
    }
}

extension Words {
    /// A component's name in this language (protocol files name them in English).
    public func name(of component: Component) -> String {
        self[Self.componentWords[component]!.name]
    }

    /// What a component asks of the room, in one line.
    public func line(of component: Component) -> String {
        self[Self.componentWords[component]!.line]
    }

    private static let componentWords: [Component: (name: Word, line: Word)] = [
        .attention: (.componentAttention, .componentAttentionLine),
        .equality: (.componentEquality, .componentEqualityLine),
        .ease: (.componentEase, .componentEaseLine),
        .appreciation: (.componentAppreciation, .componentAppreciationLine),
        .encouragement: (.componentEncouragement, .componentEncouragementLine),
        .feelings: (.componentFeelings, .componentFeelingsLine),
        .information: (.componentInformation, .componentInformationLine),
        .difference: (.componentDifference, .componentDifferenceLine),
        .incisiveQuestions: (.componentIncisiveQuestions, .componentIncisiveQuestionsLine),
        .place: (.componentPlace, .componentPlaceLine),
    ]
}

extension Words {
    /// Why the engine refused an action, in this language (the facilitator's line).
    public func refusal(_ rejection: Rejection) -> String {
        self[Self.refusalWord(rejection)]
    }

    private static func refusalWord(_ rejection: Rejection) -> Word {
        switch rejection {
        case .nothingToBegin: .refusedNothingToBegin
        case .noTurnInProgress: .refusedNoTurn
        case .passNotAllowed: .refusedPass
        case .pairsTimeBelongsToThinker: .refusedPairsTime
        case .notPairs: .refusedNotPairs
        case .nothingToUndo: .refusedNothingToUndo
        case .paused: .refusedPaused
        case .notPaused: .refusedNotPaused
        case .noQuestionAsked: .refusedNoQuestion
        case .emptyText: .refusedEmpty
        case .notesNotRecordedHere: .refusedNoNotes
        case .finished: .refusedFinished
        case .badRecovery: .refusedRecovery
        case .notADiscussion: .refusedNotDiscussion
        case .alreadySpeaking: .refusedAlreadySpeaking
        case .unknownPerson: .refusedUnknownPerson
        case .notOpenEnded: .refusedNotOpenEnded
        case .everyStepDone: .refusedEveryStepDone
        case .alreadyHere: .refusedAlreadyHere
        case .presenterCannotLeave: .refusedPresenterLeaves
        case .lastPersonCannotLeave: .refusedLastPerson
        case .nobodyHere: .refusedNobodyHere
        case .notTheIncisiveQuestion: .refusedIncisive
        }
    }
}

extension Words {
    /// Why a session cannot start as asked, in this language.
    public func plan(_ error: PlanError) -> String {
        switch error {
        case .noPeople: self[.planNoPeople]
        case .emptyName(let position): fill(.planEmptyName, ["n": "\(position)"])
        case .duplicateName(let name): fill(.planDuplicate, ["name": name])
        case .unknownPerson(let name, let people):
            fill(.planUnknownPerson, ["name": name, "people": people.joined(separator: ", ")])
        case .ambiguousPerson(let name, let matches):
            fill(
                .planAmbiguous,
                [
                    "name": name,
                    "names": matches.map { fill(.planQuoted, ["name": $0]) }.joined(separator: " \(self[.planOr]) "),
                ])
        case .presenterNeeded(let name): fill(.planPresenterNeeded, ["protocol": name])
        case .presenterCannotStart: self[.planPresenterCannotStart]
        case .tooFewPeople(let needed, let name): fill(.planTooFew, ["protocol": name, "count": "\(needed)"])
        case .pairsNeedTurnTime(let step): fill(.planPairsNeedTurn, ["n": "\(step.number)"])
        case .noSteps: self[.planNoSteps]
        case .unknownStarter(let number, let count):
            fill(.planUnknownStarter, ["n": "\(number)", "count": "\(count)"])
        case .exactlyTwo(let name): fill(.planExactlyTwo, ["protocol": name])
        case .agendaNeeded(let name): fill(.planAgendaNeeded, ["protocol": name])
        }
    }
}
