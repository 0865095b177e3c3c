import Foundation
import ThinkingCore

/// The facilitator's choices for a new session, as typed (command-line options or the
/// setup form), turned into a checked `SessionPlan`.
public struct PlanRequest: Sendable {
    public var protocolName: String
    /// `"Ana, Ben, Chloé"`.
    public var people: String?
    /// A file with one name per line.
    public var rosterPath: String?
    public var question: String?
    /// `90s`, `2m`, `1m30s`.
    public var turn: String?
    public var starter: String?
    public var direction: Direction
    public var randomOrder: Bool
    public var seed: UInt64?
    public var presenter: String?
    /// A transforming meeting's agenda file.
    public var agendaPath: String?
    /// `--total 30m`: shared equally by the people present in each round.
    public var total: String?
    /// Each step's own question and turn time, by 1-based step number.
    public var stepQuestions: [Int: String] = [:]
    public var stepTurns: [Int: String] = [:]

    public init(
        protocolName: String, people: String? = nil, rosterPath: String? = nil,
        question: String? = nil, turn: String? = nil, starter: String? = nil,
        direction: Direction = .clockwise, randomOrder: Bool = false, seed: UInt64? = nil,
        presenter: String? = nil, agendaPath: String? = nil
    ) {
        self.protocolName = protocolName
        self.people = people
        self.rosterPath = rosterPath
        self.question = question
        self.turn = turn
        self.starter = starter
        self.direction = direction
        self.randomOrder = randomOrder
        self.seed = seed
        self.presenter = presenter
        self.agendaPath = agendaPath
    }

    /// Whether the request names anybody (without people, the setup form asks).
    public var hasPeople: Bool { people != nil || rosterPath != nil }

    /// The names given, from `--people` and/or `--roster`.
    public func names() throws(SetupError) -> [String] {
        var names: [String] = []
        if let people { names += Roster.names(fromList: people) }
        if let rosterPath {
            guard let data = FileManager.default.contents(atPath: rosterPath) else {
                throw .rosterUnreadable(rosterPath)
            }
            guard data.count <= 1 << 20 else { throw .rosterUnreadable(rosterPath) }
            names += Roster.names(fromLines: String(decoding: data, as: UTF8.self))
        }
        return names
    }

    /// A plan that can be run, or what is wrong with the request.
    public func plan(catalog: ProtocolCatalog) throws(SetupError) -> SessionPlan {
        try planWithWarnings(catalog: catalog).plan
    }

    /// A plan, and gentle warnings to show before it starts (an agenda item that is not a question).
    public func planWithWarnings(catalog: ProtocolCatalog) throws(SetupError) -> (plan: SessionPlan, warnings: [String])
    {
        var definition: ProtocolDefinition
        switch catalog.resolve(protocolName) {
        case .success(let found): definition = found
        case .failure(let problems): throw .protocolProblems(problems)
        }
        var warnings: [String] = []
        if let agendaPath {
            guard definition.steps.contains(where: { $0.kind == .agenda }) else {
                throw .agendaNotWanted(definition.name)
            }
            switch AgendaLoader.load(path: agendaPath) {
            case .success(let loaded):
                definition = loaded.agenda.expand(definition)
                warnings = loaded.warnings
            case .failure(let problems): throw .protocolProblems(problems)
            }
        }
        for (number, _) in stepQuestions.merging(stepTurns.mapValues { _ in "" }, uniquingKeysWith: { a, _ in a })
        where !definition.steps.indices.contains(number - 1) {
            throw .noSuchStep(number, definition.steps.count)
        }
        for (number, question) in stepQuestions { definition.steps[number - 1].question = question.trimmed }
        for (number, text) in stepTurns {
            guard let parsed = DurationText.parse(text) else { throw .badDuration(text) }
            definition.steps[number - 1].turn = parsed
        }
        var totalTime: Duration? = nil
        if let total {
            guard let parsed = DurationText.parse(total) else { throw .badDuration(total) }
            totalTime = parsed
        }
        var turnOverride: Duration? = nil
        if let turn {
            guard let parsed = DurationText.parse(turn) else { throw .badDuration(turn) }
            turnOverride = parsed
        }
        let seed = randomOrder ? (self.seed ?? UInt64.random(in: 1...UInt64.max)) : nil
        do {
            var plan = try SessionPlan.make(
                definition: definition, names: try names(), presenter: presenter,
                starter: starter, direction: direction, seed: seed, question: question,
                turnOverride: turnOverride)
            plan.total = totalTime
            plan.handOnGuard = SessionPlan.standardHandOnGuard
            return (plan, warnings)
        } catch let error as PlanError {
            throw .plan(error)
        } catch let error as SetupError {
            throw error
        } catch {
            throw .rosterUnreadable(rosterPath ?? "")
        }
    }
}

/// Why a session cannot be set up as asked.
public enum SetupError: Error, Equatable, Sendable, CustomStringConvertible {
    case protocolProblems(ProtocolDiagnostics)
    case badDuration(String)
    case rosterUnreadable(String)
    case plan(PlanError)
    case agendaNotWanted(String)
    case noSuchStep(Int, Int)

    /// In English, as the command line says it; the setup form says it in its language
    /// (`Words.setup`).
    public var description: String { Words.english.setup(self) }
}

extension Words {
    /// Why the answers cannot start a session, in this language (a protocol file's own
    /// problems are said as `protocols check` says them).
    public func setup(_ error: SetupError) -> String {
        switch error {
        case .protocolProblems(let problems): problems.description
        case .badDuration(let text): fill(.planBadDuration, ["text": text])
        case .rosterUnreadable(let path): fill(.planRosterUnreadable, ["path": path])
        case .plan(let error): plan(error)
        case .agendaNotWanted(let name): fill(.planAgendaNotWanted, ["protocol": name])
        case .noSuchStep(let number, let count): fill(.planNoSuchStep, ["n": "\(number)", "count": "\(count)"])
        }
    }
}
