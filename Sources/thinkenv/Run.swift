import ArgumentParser
import Foundation
import ThinkingCore
import ThinkingStore
import ThinkingTUI

extension Direction: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}
extension SessionLog: SessionRecorder {}

/// Options that shape the screen, shared by `run` and `resume`.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Colours: default, high-contrast or mono (NO_COLOR forces mono).")
    var theme: Theme = .default

    @Flag(help: "Ring the terminal bell once when a turn reaches its time.")
    var bell = false

    @Option(
        name: .customLong("on-time"),
        help: ArgumentHelp(
            "A command to run when a turn reaches its time (a soft chime); never waited for.", valueName: "command"))
    var onTime: String?

    var runOptions: RunOptions { RunOptions(bell: bell, onTime: onTime) }
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
    var direction: Direction = .clockwise

    @Flag(name: .customLong("random-order"), help: "Seat people in a random order (recorded with its seed).")
    var randomOrder = false

    @Option(help: "The seed of --random-order, to repeat an order.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("The council's Presenter.", valueName: "name"))
    var presenter: String?

    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        if let turn, DurationText.parse(turn) == nil {
            throw ValidationError("\"\(neutralised(turn))\" is not a duration: write it like 90s, 2m or 1m30s.")
        }
        if seed != nil && !randomOrder { throw ValidationError("--seed goes with --random-order.") }
    }

    var request: PlanRequest {
        PlanRequest(
            protocolName: protocolName, people: people, rosterPath: roster, question: question,
            turn: turn, starter: starter, direction: direction, randomOrder: randomOrder, seed: seed,
            presenter: presenter)
    }

    func run() throws {
        try TerminalCheck.require()
        let catalog = ProtocolCatalog(environment: Thinkenv.environment)
        let plan: SessionPlan
        let terminal: Terminal
        if request.hasPeople {
            do {
                plan = try request.plan(catalog: catalog)
            } catch {
                printError(neutralised(error.description, multiline: true))
                throw ExitCode(1)
            }
            terminal = try TerminalCheck.start(theme: screen.theme)
        } else {
            terminal = try TerminalCheck.start(theme: screen.theme)
            guard let chosen = SetupFlow.ask(request: request, catalog: catalog, terminal: terminal) else {
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
        let runner = SessionRunner(
            session: Session(plan: plan), clock: SessionClock(now: .zero), recorder: log,
            terminal: terminal, options: screen.runOptions)
        try Ending.report(runner.run(), log: log)
    }
}

/// `thinkenv resume [SESSION]`: takes up an unfinished session where the screen was.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resume an unfinished session (by default the newest) exactly where it was.")

    @Argument(help: "A session: its file name, the start of it, or latest. Default: the newest unfinished one.")
    var session: String?

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try TerminalCheck.require()
        let paths = try Thinkenv.paths()
        let loaded = try SessionChoice.load(session, paths: paths, unfinishedOnly: session == nil)
        if loaded.isFinished {
            printError(neutralised(SessionLog.ResumeError.finished(loaded.name).description))
            throw ExitCode(1)
        }
        for problem in loaded.problems { printError(neutralised("note: \(problem)")) }
        let terminal = try TerminalCheck.start(theme: screen.theme)
        let resumed: (log: SessionLog, session: Session, now: Duration)
        do {
            resumed = try SessionLog.resume(loaded, paths: paths)
        } catch {
            terminal.restore()
            printError(neutralised(error.description))
            throw ExitCode(1)
        }
        let runner = SessionRunner(
            session: resumed.session, clock: SessionClock(now: resumed.now), recorder: resumed.log,
            terminal: terminal, options: screen.runOptions)
        try Ending.report(runner.run(), log: resumed.log)
    }
}

/// What the program says when the screen closes.
enum Ending {
    static func report(_ outcome: RunOutcome, log: SessionLog) throws {
        let problem = log.close(finished: outcome == .finished)
        let name = neutralised(log.header.session)
        switch outcome {
        case .finished:
            print("The session has finished. Its transcript:\n  thinkenv show \(name)")
        case .left, .terminalLost, .signalled:
            print("The session is saved. To take it up again:\n  thinkenv resume \(name)")
        }
        if let problem { printError(neutralised(problem, multiline: true)) }
        if case .signalled = outcome { throw ExitCode(1) }
        if problem != nil { throw ExitCode(1) }
    }
}
