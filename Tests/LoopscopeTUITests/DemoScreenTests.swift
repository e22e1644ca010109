import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Golden screens of every seed demo at its key steps: the first step, a middle step and
/// the last at 80×24, the middle one at 120×40, and a predict question for seed 000.
@Suite struct DemoScreenTests {
    static let small = TerminalSize(width: 80, height: 24)
    static let large = TerminalSize(width: 120, height: 40)

    @Test(arguments: DemoCatalog.all.map(\.id))
    func keySteps(_ id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let timeline = Timeline(trace: demo.record().trace)
        let count = timeline.steps.count
        try #require(count > 0)
        for (name, step) in [("first", 0), ("middle", count / 2), ("last", count - 1)] {
            let state = AppState(timeline: timeline, options: PlayerOptions(startStep: step), size: Self.small)
            let grid = view(state)
            #expect(grid.text().contains("step \(step + 1) of \(count)"))
            Golden.check(grid, "demos/\(id)/\(name)-80x24")
        }
        let wide = AppState(timeline: timeline, options: PlayerOptions(startStep: count / 2), size: Self.large)
        Golden.check(view(wide), "demos/\(id)/middle-120x40")
    }

    @Test func predictQuestionOnSeed000() throws {
        let demo = try #require(DemoCatalog.named("seed000-fetch-url"))
        let timeline = Timeline(trace: demo.record().trace)
        var state = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: Self.small)
        var questions = 0
        while state.step + 1 < state.stepCount {
            state = reduce(state, .stepForward)
            if let q = state.predict.question {
                questions += 1
                if q.kind == .nextTask { break }
                state = reduce(state, .answer(q.answer))
            }
        }
        let q = try #require(state.predict.question)
        #expect(q.kind == .nextTask)
        Golden.check(view(state), "demos/seed000-fetch-url/predict-question-80x24", styles: true)
        state = reduce(state, .answer((q.answer + 1) % q.choices.count))
        Golden.check(view(state), "demos/seed000-fetch-url/predict-reveal-80x24")
        #expect(questions >= 2)
    }
}
