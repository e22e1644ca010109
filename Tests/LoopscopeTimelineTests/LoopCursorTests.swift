import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// The cursor keeps the loop's state incrementally (and its timers in a heap); at every
/// step it must show what a full replay from the first event shows.
@Suite("Loop cursor")
struct LoopCursorTests {
    private func check(_ cursor: LoopCursor, _ trace: Trace, _ timeline: Timeline, step: Int) {
        let end = timeline.events(ofStep: step).upperBound
        let expected = naiveState(trace, throughEvent: end)
        let queue = cursor.queueFront(cursor.queueCount).map { $0.kind == .taskStep ? $0.task : -100 - $0.handle }
        #expect(queue == expected.queue, "ready queue at step \(step)")
        #expect(cursor.queueCount == expected.queue.count)
        #expect(cursor.earliestTimers(cursor.timerCount).map(\.id) == expected.timers, "timers at step \(step)")
        #expect(cursor.timerCount == expected.timers.count)
        #expect(cursor.running == expected.running, "running at step \(step)")
        // The first few timers are the first few of the full order.
        #expect(cursor.earliestTimers(3).map(\.id) == Array(expected.timers.prefix(3)))
        #expect(cursor.earliestTimers(3) == Array(timeline.state(atStep: step).timers.prefix(3)))
    }

    @Test(arguments: [(UInt64(1), false), (7, false), (9, true), (11, true)])
    func everyStepInOrderMatchesAFullReplay(seed: UInt64, scrambled: Bool) {
        let trace = randomLoopTrace(seed: seed, events: 3000, scrambleTimerIDs: scrambled)
        let timeline = Timeline(trace: trace)
        var cursor = LoopCursor(timeline: timeline)
        for step in timeline.steps.indices {
            cursor.move(toStep: step)
            check(cursor, trace, timeline, step: step)
        }
    }

    @Test(arguments: [UInt64(3), 5, 8])
    func randomJumpsMatchAFullReplay(seed: UInt64) {
        let trace = randomLoopTrace(seed: seed, events: 6000)
        let timeline = Timeline(trace: trace)
        var cursor = LoopCursor(timeline: timeline)
        var rng = SeededRandom(seed: seed)
        for _ in 0..<80 {
            // Far jumps both ways and short hops forward.
            let step = rng.next(3) == 0 ? min(timeline.steps.count - 1, max(0, cursor.step) + rng.next(5))
                : rng.next(timeline.steps.count)
            cursor.move(toStep: step)
            #expect(cursor.step == step)
            check(cursor, trace, timeline, step: step)
        }
    }

    @Test func aLargeSyntheticRunAtRandomSteps() {
        let trace = SyntheticTrace.make(tasks: 400, events: 40_000, seed: 5)
        let timeline = Timeline(trace: trace)
        var cursor = LoopCursor(timeline: timeline)
        var rng = SeededRandom(seed: 5)
        var maxTimers = 0
        for _ in 0..<25 {
            let step = rng.next(timeline.steps.count)
            cursor.move(toStep: step)
            check(cursor, trace, timeline, step: step)
            maxTimers = max(maxTimers, cursor.timerCount)
        }
        #expect(maxTimers > 20, "the run should have long timer lists to order")
    }
}
