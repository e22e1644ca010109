import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

@Suite("Loop state at a step")
struct LoopStateTests {
    let fetch = Timeline(trace: fetchURLTrace())

    @Test func readyQueueAfterMainAwaits() {
        let s = fetch.state(atStep: 5)
        #expect(s.running == -1)
        #expect(s.readyQueue.map { fetch.describe($0) } == ["Task-2 step", "Task-3 step"])
        #expect(s.timers.isEmpty)
        #expect(s.tasks[0].state == .suspended)
        #expect(fetch.siteLabel(s.tasks[0].site) == "main.swift:26")
        #expect(s.outputCount == 1)
    }

    @Test func timersEarliestFirst() {
        let s = fetch.state(atStep: 9)
        #expect(s.timers.map { fetch.describe($0) } == ["1: sleep timer (Task-3)", "3: sleep timer (Task-2)"])
        #expect(s.readyQueue.isEmpty)
        #expect(s.tasks.map(\.state) == [.suspended, .suspended, .suspended])
    }

    @Test func clockJumpWakesTheSleeper() {
        let s = fetch.state(atStep: 10)
        #expect(s.time == .seconds(1))
        #expect(s.readyQueue.map { fetch.describe($0) } == ["Task-3 step"])
        #expect(s.timers.map(\.task) == [1])
        #expect(s.tasks[2].state == .ready)
    }

    @Test func runningTaskAndFinishes() {
        #expect(fetch.state(atStep: 1).running == 0)
        #expect(fetch.state(atStep: 11).running == 2)
        let s = fetch.state(atStep: 15)
        #expect(s.finished.map(\.task) == [2, 1])
        #expect(s.readyQueue.map { fetch.describe($0) } == ["Task-1 step"])
        #expect(fetch.state(atStep: 20).outputCount == 2)
    }

    @Test func beforeCreationATaskHasNoState() {
        let s = fetch.state(atStep: 1)
        #expect(s.tasks[1].state == nil && s.tasks[2].state == nil)
        #expect(fetch.state(atStep: 2).tasks[1].state == .ready)
    }

    @Test func outOfRangeStepsAreClamped() {
        #expect(fetch.state(atStep: -4).step == 0)
        #expect(fetch.state(atStep: 999).step == 20)
    }

    @Test func cancellationDropsTheTimer() {
        let t = Timeline(trace: createTaskNoAwaitTrace())
        #expect(t.state(atStep: 8).timers.map(\.deadline) == [.seconds(1)])
        let s = t.state(atStep: 10)
        #expect(s.timers.isEmpty)
        #expect(s.readyQueue.map { t.describe($0) } == ["Task-2 step"])
    }
}
