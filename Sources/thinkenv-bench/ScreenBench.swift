import Foundation
import ThinkingCore
import ThinkingTUI

/// Render time of the session screen, frame after frame with the clock running.
struct ScreenFigures {
    struct Size {
        var width: Int
        var height: Int
        var frames = Samples([])
    }

    var sizes: [Size] = [Size(width: 80, height: 24), Size(width: 250, height: 70)]

    static func measure(frames: Int) -> ScreenFigures {
        var figures = ScreenFigures()
        let step = StepDefinition(
            kind: .round, title: "Opening round", turn: .seconds(120), notes: true,
            components: [.attention, .equality, .ease])
        let plan = SessionPlan(
            definition: ProtocolDefinition(id: "round", name: "Round", summary: "bench", steps: [step]),
            people: ["Ana", "Ben", "Chloé", "Dev", "李", "🦊 Fox"], question: "What is going well for you at the moment?")
        var session = Session(plan: plan)
        _ = try? session.handle(.begin, at: .zero)
        _ = try? session.handle(.handOn, at: .seconds(50))
        for index in figures.sizes.indices {
            var times: [Double] = []
            times.reserveCapacity(frames)
            var cells = 0
            for frame in 0..<frames {
                // A frame a second of a running clock, across the turn reaching its time.
                let now = Duration.seconds(50) + .milliseconds(frame * 1000 % 300_000)
                let screen = SessionScreen(session: session, controls: Controls(), now: now)
                let start = Measure.clock.now
                let buffer = screen.render(width: figures.sizes[index].width, height: figures.sizes[index].height)
                times.append(Measure.ms(Measure.clock.now - start))
                cells &+= buffer.cells.count
            }
            figures.sizes[index].frames = Samples(times)
            if cells == 0 { print("warning: empty frames") }
        }
        return figures
    }
}
