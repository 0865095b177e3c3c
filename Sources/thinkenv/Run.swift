import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTUI
import ThinkingTranscripts

extension Direction: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}
extension SessionLog: SessionRecorder {}

/// Options that shape the screen, shared by `run` and `resume`. Each left out takes its value
/// from the settings file, else the built-in default (`thinkenv settings`).
struct ScreenOptions: ParsableArguments {
    @Option(help: "Colours: default, high-contrast or mono (NO_COLOR forces mono).")
    var theme: Theme?

    @Flag(inversion: .prefixedNo, help: "Ring the terminal bell once when a turn reaches its time.")
    var bell: Bool?

    @Option(
        name: .customLong("on-time"),
        help: ArgumentHelp(
            "A command to run when a turn reaches its time (a soft chime); never waited for.", valueName: "command"))
    var onTime: String?

    @Flag(help: "Show the facilitator's view here (keys, notes, what comes next); project `thinkenv display`.")
    var control = false

    @Option(help: ArgumentHelp("The screen's language: en, fr, de, es, nl (or your own file's).", valueName: "code"))
    var language: String?

    /// The options in force: these flags over `settings`.
    func runOptions(_ settings: Settings) throws -> RunOptions {
        var options = RunOptions(
            bell: Settings.inForce(flag: bell, file: settings.bell, builtIn: false),
            onTime: onTime ?? settings.onTime?.value)
        options.control = control
        options.letters = RoomLetters.shared
        options.figuresAtEnd = settings.endScreen?.value == .figures
        options.words = try Thinkenv.words(flag: language, settings: settings)
        return options
    }
}

/// `thinkenv run PROTOCOL`: starts a session on the projected screen.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a session: a round, thinking pairs, a council or your own protocol.",
        discussion: """
            Example: thinkenv run round --people "Ana, Ben, Chloé" --question "What is going well?" --turn 2m
            Without --people (or --roster), a setup form asks for the names.
            """)

    @Argument(help: "The protocol: round, thinking-pairs, council, one of your own, or a file.")
    var protocolName: String = "round"

    @Option(help: ArgumentHelp("The people, in the order they sit: \"Ana, Ben, Chloé\".", valueName: "names"))
    var people: String?

    @Option(help: ArgumentHelp("A file with one name per line.", valueName: "file"))
    var roster: String?

    @Option(help: "The question for the session.")
    var question: String?

    @Option(help: ArgumentHelp("Each turn's time in rounds and pairs: 90s, 2m, 1m30s.", valueName: "duration"))
    var turn: String?

    @Option(name: .customLong("start"), help: ArgumentHelp("Who starts the first round.", valueName: "name"))
    var starter: String?

    @Option(help: "clockwise (the order given) or anticlockwise.")
    var direction: Direction?

    @Flag(name: .customLong("random-order"), help: "Seat people in a random order (recorded with its seed).")
    var randomOrder = false

    @Option(
        help: "given (as named), rotate (start after last time's starter with the same people), or random (seeded).")
    var order: Settings.Order?

    @Option(
        help: ArgumentHelp("A time shared equally by the people present in each round: 30m.", valueName: "duration"))
    var total: String?

    @Option(
        name: .customLong("step-question"),
        help: ArgumentHelp("A step's own question: 2=\"What next?\" (repeatable).", valueName: "n=text"))
    var stepQuestions: [String] = []

    @Option(
        name: .customLong("step-turn"),
        help: ArgumentHelp("A step's own turn time: 3=2m (repeatable).", valueName: "n=duration"))
    var stepTurns: [String] = []

    @Option(help: "The seed of --random-order, to repeat an order.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("The council's Presenter.", valueName: "name"))
    var presenter: String?

    @Option(
        help: ArgumentHelp("A transforming meeting's agenda: one question per line, or YAML items.", valueName: "file"))
    var agenda: String?

    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        if let turn, DurationText.parse(turn) == nil {
            throw ValidationError("\"\(neutralised(turn))\" is not a duration: write it like 90s, 2m or 1m30s.")
        }
        if seed != nil && !randomOrder && order != .random && order != nil {
            throw ValidationError("--seed goes with --random-order.")
        }
        if let total, DurationText.parse(total) == nil {
            throw ValidationError("\"\(total)\" is not a duration: write it like 30m or 1h.")
        }
        if order == .rotate && starter != nil {
            throw ValidationError("--order rotate chooses the starter: leave out --start.")
        }
        _ = try Self.numbered(stepQuestions, "--step-question")
        _ = try Self.numbered(stepTurns, "--step-turn")
    }

    /// `2=What next?` pairs, by step number.
    static func numbered(_ values: [String], _ option: String) throws -> [Int: String] {
        var result: [Int: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let number = Int(String(parts[0]).trimmed), number >= 1 else {
                throw ValidationError("\(option) takes a step number and a value: \(option) 2=...")
            }
            result[number] = String(parts[1])
        }
        return result
    }

    /// The order in force: the flag's, else the file's (unless --start chose the starter).
    func order(_ settings: Settings) -> Settings.Order {
        order ?? (starter == nil ? settings.order?.value : nil) ?? .given
    }

    func request(_ settings: Settings) -> PlanRequest {
        let order = order(settings)
        var request = PlanRequest(
            protocolName: protocolName, people: people, rosterPath: roster, question: question,
            turn: turn ?? settings.turn.map { DurationText.format($0.value) }, starter: starter,
            direction: Settings.inForce(flag: direction, file: settings.direction, builtIn: .clockwise),
            randomOrder: randomOrder || order == .random, seed: seed, presenter: presenter, agendaPath: agenda)
        request.total = total
        request.stepQuestions = (try? Self.numbered(stepQuestions, "")) ?? [:]
        request.stepTurns = (try? Self.numbered(stepTurns, "")) ?? [:]
        return request
    }

    /// With `--order rotate`, the starter after last time's (said on standard error).
    func rotated(_ request: PlanRequest, order: Settings.Order) throws -> PlanRequest {
        guard order == .rotate, let names = try? request.names() else { return request }
        var request = request
        let paths = try Thinkenv.paths()
        if let next = OrderRotation.nextStarter(
            for: names, in: paths.sessionsDirectory, fallbackDirectories: paths.fallbackDirectories)
        {
            request.starter = next.name
            printError(
                neutralised("note: \(next.name) starts (the person after last time's starter, in \(next.after))."))
        } else {
            printError("note: no earlier session with these people: the first person starts.")
        }
        return request
    }

    func run() throws {
        let settings = try Thinkenv.settings()
        let options = try screen.runOptions(settings)
        try TerminalCheck.require()
        if seed != nil && !randomOrder && order(settings) != .random {
            printError("--seed goes with --random-order.")
            throw ExitCode(64)
        }
        let request = request(settings)
        let catalog = ProtocolCatalog(environment: Thinkenv.environment)
        let plan: SessionPlan
        let terminal: Terminal
        var warnings: [String] = []
        if request.hasPeople {
            do {
                (plan, warnings) = try rotated(request, order: order(settings)).planWithWarnings(catalog: catalog)
                for warning in warnings { printError(neutralised("note: \(agenda ?? "the agenda"): \(warning)")) }
            } catch let error as ExitCode {
                throw error
            } catch {
                printError(neutralised(String(describing: error), multiline: true))
                throw ExitCode(1)
            }
            terminal = try TerminalCheck.start(theme: settings.theme(flag: screen.theme))
        } else {
            terminal = try TerminalCheck.start(theme: settings.theme(flag: screen.theme))
            guard
                let chosen = SetupFlow.ask(
                    request: request, catalog: catalog, words: options.words, terminal: terminal)
            else {
                terminal.restore()
                print("No session was started.")
                return
            }
            plan = chosen
        }
        let log: SessionLog
        do {
            log = try SessionLog.start(plan: plan, paths: try Thinkenv.paths(), program: "thinkenv \(Thinkenv.version)")
        } catch {
            terminal.restore()
            printError("Cannot create the session log: \(error)")
            throw ExitCode(1)
        }
        let model = SessionModel(
            session: Session(plan: plan), clock: SessionClock(now: .zero), recorder: log,
            options: options, message: warnings.first)
        try Ending.report(ScreenLoop(terminal: terminal).run(model), log: log)
    }
}

/// `thinkenv resume [SESSION]`: takes up an unfinished session where the screen was.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resume an unfinished session (by default the newest) exactly where it was.",
        discussion: """
            One terminal at a time: while a session is open elsewhere, resume says so and writes nothing.
            A session whose record stops being trustworthy (a line out of order) is continued in a copy
            of its trustworthy part: thinkenv resume SESSION --from-line N.
            """)

    @Argument(help: "A session: its file name, the start of it, or latest. Default: the newest unfinished one.")
    var session: String?

    @Option(
        name: .customLong("from-line"),
        help: ArgumentHelp(
            "Continue a copy made of the session's first N lines (the original is kept as it is).", valueName: "N"))
    var fromLine: Int?

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let settings = try Thinkenv.settings()
        let options = try screen.runOptions(settings)
        try TerminalCheck.require()
        let paths = try Thinkenv.paths()
        var file = try SessionChoice.file(session, paths: paths, unfinishedOnly: session == nil)
        let resumed: SessionLog.Resumed
        do {
            if let fromLine {
                let original = file.name
                file = try SessionLog.copy(file, throughLine: fromLine, paths: paths)
                printError(
                    neutralised("note: continuing \(file.name), a copy of the first \(fromLine) lines of \(original)."))
            }
            resumed = try SessionLog.resume(file, paths: paths)
        } catch {
            printError(neutralised(error.description))
            throw ExitCode(1)
        }
        for problem in resumed.problems { printError(neutralised("note: \(problem)")) }
        let terminal: Terminal
        do {
            terminal = try TerminalCheck.start(theme: settings.theme(flag: screen.theme))
        } catch {
            _ = resumed.log.close(finished: false)
            throw error
        }
        let model = SessionModel(
            session: resumed.session, clock: SessionClock(now: resumed.now), recorder: resumed.log,
            options: options, draft: resumed.draft)
        try Ending.report(ScreenLoop(terminal: terminal).run(model), log: resumed.log)
    }
}

/// What the program says when the screen closes: where the record is, and what to run.
enum Ending {
    static func report(_ outcome: RunOutcome, log: SessionLog) throws {
        let closed = log.close(finished: outcome == .finished)
        let name = neutralised(log.header.session)
        switch (closed, outcome) {
        case (.closed, .finished):
            print("The session has finished. Its transcript:\n  thinkenv show \(name)")
        case (.closed, _):
            print("The session is saved. To take it up again:\n  thinkenv resume \(name)")
        case (.savedToFallback(let path, let count), _):
            printError(
                neutralised(
                    """
                    The session log \(log.path) could not be written: its last \(count) line(s) are in
                      \(path)
                    `thinkenv show \(name)` reads them from there. Once the disk can be written again,
                      thinkenv resume \(name)
                    puts them back into the log (and removes that file).
                    """, multiline: true))
        case (.unsaved(let lines, let reason), _):
            printError(
                neutralised(
                    "The session could not be saved (\(reason)), not even to a fallback file. "
                        + "Its last \(lines.count) line(s) follow: keep them."))
            for line in lines { printError(neutralised(String(decoding: line, as: UTF8.self))) }
        }
        if case .signalled = outcome { throw ExitCode(1) }
        if closed != .closed { throw ExitCode(1) }
    }
}
