import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeTUI

/// What the player keeps per step stays small on a large run, and what it shows is what the
/// plain definitions (a status lookup per lane, a walk over the steps) give.
@Suite struct ScaleStateTests {
    let timeline = Timeline(trace: SyntheticTrace.make(tasks: 300, events: 20_000, seed: 3))

    /// The lanes shown with finished tasks hidden or the future hidden: the definition, one
    /// status lookup per lane at the current step.
    func expectedLanes(_ s: AppState) -> [Int32] {
        timeline.lanes.filter { lane in
            let state = s.loop.status(ofTask: lane.task).state
            if s.hidesFuture && state == nil { return false }
            let final = state?.isFinal ?? false
            return !s.hideFinished || !final || lane.task == s.selectedTask
        }.map(\.task)
    }

    @Test func visibleLanesFollowTheStepAndTheFilters() {
        var s = AppState(timeline: timeline, options: PlayerOptions(), size: TerminalSize(width: 120, height: 40))
        #expect(s.visibleLanes.map(\.task) == expectedLanes(s))
        s = reduce(s, .toggleFinished)
        let stride = max(1, timeline.steps.count / 40)
        for target in Swift.stride(from: 0, to: timeline.steps.count, by: stride) + [timeline.steps.count - 1] {
            s = reduce(s, .openGoTo)
            for c in String(target + 1) { s = reduce(s, .promptInput(c)) }
            s = reduce(s, .promptSubmit)
            #expect(s.step == target)
            #expect(s.visibleLanes.map(\.task) == expectedLanes(s), "finished hidden, step \(target + 1)")
            s = reduce(s, .selectNext)
            #expect(s.visibleLanes.map(\.task) == expectedLanes(s), "after a selection, step \(target + 1)")
        }
        s = reduce(s, .first)
        s = reduce(s, .togglePredict)
        for _ in 0..<200 {
            s = reduce(s, s.predict.question.map { .answer($0.answer) } ?? .stepForward)
            #expect(s.visibleLanes.map(\.task) == expectedLanes(s), "predict mode, step \(s.step + 1)")
        }
    }

    @Test func nextAndPreviousEventOfATaskMatchAWalkOverTheSteps() {
        var s = AppState(timeline: timeline, options: PlayerOptions(), size: TerminalSize(width: 120, height: 40))
        for _ in 0..<25 { s = reduce(s, .selectNext) }
        let task = s.selectedTask
        let own = timeline.steps.indices.filter { timeline.steps[$0].task == task }
        #expect(own.count > 2)
        var visited: [Int] = []
        s = reduce(s, .first)
        while true {
            let before = s.step
            s = reduce(s, .nextEventOfSelected)
            if s.step == before { break }
            visited.append(s.step)
        }
        #expect(visited == own.filter { $0 > 0 })
        var back: [Int] = []
        while true {
            let before = s.step
            s = reduce(s, .previousEventOfSelected)
            if s.step == before { break }
            back.append(s.step)
        }
        #expect(back == Array(own.dropLast().reversed()))
    }

    /// The player keeps the front of the queue and the earliest timers, with their counts:
    /// a long queue is not copied at every key.
    @Test func thePlayerKeepsOnlyTheFrontOfTheLoop() {
        let s = AppState(timeline: timeline, options: PlayerOptions(startStep: timeline.steps.count / 2),
                         size: TerminalSize(width: 120, height: 40))
        let full = timeline.state(atStep: s.step)
        #expect(full.readyQueue.count + full.timers.count > 2 * AppState.loopFront, "the run keeps a long queue")
        #expect(s.loop.readyQueue == Array(full.readyQueue.prefix(AppState.loopFront)))
        #expect(s.loop.timers == Array(full.timers.prefix(AppState.loopFront)))
        #expect(s.loop.readyCount == full.readyQueue.count && s.loop.timerCount == full.timers.count)
    }

    @Test func firstStartIsTheFirstStartedStep() {
        for lane in timeline.lanes.prefix(80) {
            let expected = timeline.steps.indices.first {
                timeline.steps[$0].task == lane.task && timeline.steps[$0].kind == .started
            }
            #expect(timeline.firstStart(ofTask: lane.task) == expected)
        }
    }
}
