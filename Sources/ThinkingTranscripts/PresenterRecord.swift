import ThinkingCore

/// What a Time to Think Council's Presenter takes home: the question they framed, the
/// council's notes round by round (ideas, not advice) and the appreciation, in the order
/// spoken; who said what only where the step's protocol names it (`attributed`). No timings,
/// no equality figures: those are the facilitator's.
extension Transcript {
    public enum PresenterRecordError: Error, Equatable, CustomStringConvertible {
        /// Not a council: nobody presented.
        case noPresenter(protocolName: String)

        public var description: String {
            switch self {
            case .noPresenter(let name):
                "This session (\(neutralised(name))) has no Presenter: --for-presenter is for a Time to Think "
                    + "Council. Export the transcript without it."
            }
        }
    }

    /// The Presenter's record as a document, written like any other (`markdown()`, `html()`).
    public func presenterRecord(
        local: LocalTime? = nil, words: Words = .english
    ) throws(PresenterRecordError) -> TranscriptDocument {
        guard let presenter, people.holds(presenter) else { throw .noPresenter(protocolName: protocolName) }
        // The same names and local times as the transcript's own document.
        let builder = DocumentBuilder(self, local: local ?? .of(self))
        let clock = builder.clock, name = builder.name, inName = builder.inName, inText = builder.inText
        let presenterName = name(presenter)
        typealias Block = TranscriptDocument.Block
        var sections: [TranscriptDocument.Section] = []
        sections.append(
            .init(
                id: "summary", heading: nil,
                blocks: [
                    .fields([
                        .init(label: words[.recordFor], value: presenterName),
                        .init(label: words[.recordCouncil], value: safe(protocolName)),
                        .init(
                            label: words[.recordHeld],
                            value: "\(clock.readable(started, words: words)) \(clock.zoneName(started))"),
                    ]),
                    .paragraph(words[.recordOffered]),
                ]))
        let question: Block = framedQuestion.map { .quote(safe($0)) } ?? .aside(words[.recordNoQuestion])
        sections.append(.init(id: "question", heading: words[.recordYourQuestion], blocks: [question]))

        let asked = steps.firstIndex { $0.kind == .question } ?? -1
        for (k, step) in steps.enumerated() where k > asked && step.kind == .round {
            let named = step.attributed == true
            let stepNotes = notes.filter { $0.step == step.number }
            var blocks: [Block] = []
            if !step.reached {
                blocks.append(.aside(words[.notReached]))
            } else if stepNotes.isEmpty {
                blocks.append(.aside(words[.recordNoNotes]))
            } else {
                blocks.append(
                    .list(
                        stepNotes.map { note in
                            guard named, let person = note.person else { return safe(note.text) }
                            return "\(inName(person)): \(inText(note.text))"
                        }))
            }
            sections.append(.init(id: "step-\(step.number)", heading: safe(step.title), blocks: blocks))
        }
        let title =
            words.fill(.recordTitle, ["name": TranscriptDocument.isolated(presenterName)]) + " · "
            + [
                framedQuestion.map { TranscriptDocument.isolated(safe($0).truncated(toWidth: 60)) },
                clock.readable(started, words: words),
            ]
            .compactMap { $0 }.joined(separator: " · ")
        return TranscriptDocument(title: title, sections: sections)
    }
}
