import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// `state(atStep:front:)` holds only the front of the queue, the earliest timers and the
/// last finishes: it must agree with a full replay from the first event (the truth for the
/// state at a step, docs/steps.md) on what it holds and on every count.
@Suite("Loop state, front only")
struct FrontStateTests {
    @Test(arguments: [(UInt64(1), false), (7, false), (9, true), (11, true)])
    func theFrontIsTheFrontOfAFullReplay(seed: UInt64, scrambled: Bool) {
        let trace = randomLoopTrace(seed: seed, events: 3000, scrambleTimerIDs: scrambled)
        let timeline = Timeline(trace: trace)
        for step in stride(from: 0, to: timeline.steps.count, by: 7) {
            let end = timeline.events(ofStep: step).upperBound
            let expected = naiveState(trace, throughEvent: end)
            let full = timeline.state(atStep: step)
            for n in [0, 1, 3, 50] {
                let s = timeline.state(atStep: step, front: n)
                let queue = s.readyQueue.map { $0.kind == .taskStep ? $0.task : -100 - $0.handle }
                #expect(queue == Array(expected.queue.prefix(n)), "queue at step \(step), front \(n)")
                #expect(s.timers.map(\.id) == Array(expected.timers.prefix(n)), "timers at step \(step), front \(n)")
                #expect(s.readyCount == expected.queue.count && s.timerCount == expected.timers.count)
                #expect(s.running == expected.running)
                #expect(s.finished == Array(full.finished.suffix(n)) && s.finishedCount == full.finished.count)
                #expect(s.outputCount == full.outputCount && s.time == full.time)
            }
        }
    }

    /// With 2,000 tasks queued and 2,000 timers pending, the state the player keeps holds
    /// 60 of each, not a copy of the whole queue and a sort of every timer.
    @Test func aLongQueueIsNotCopied() {
        var s = TraceScript(id: "long-queue", title: "long queue")
        let main = s.spawn("Task-1", "main()")
        s.started(main)
        var workers: [Int32] = []
        for n in 1...2000 { workers.append(s.spawn("Task-\(n + 1)", "w()", by: main)) }
        for w in workers.reversed() { s.sleeps(w, seconds: Double(3000 - Int(w)) / 1000, line: 3) }
        s.awaits(main, .task, other: workers[0], line: 2)
        // Not a run a loop could make (the workers arm timers without running): only the
        // loop's bookkeeping matters here, so the trace is not validated.
        let timeline = Timeline(trace: s.builder.build())
        let state = timeline.state(atStep: timeline.steps.count - 1, front: 60)
        #expect(state.readyCount == 2000 && state.readyQueue.count == 60)
        #expect(state.timerCount == 2000 && state.timers.count == 60)
        // Earliest deadline first: the last worker has the earliest deadline.
        #expect(state.timers.first?.task == workers.last && state.timers.last?.task == workers[2000 - 60])
        #expect(state.readyQueue.map(\.task) == Array(workers.prefix(60)))
    }

    /// `isPending` and `isFinal(laneAt:)` (O(1) per lane) against the status at the step,
    /// on random runs and on one where a task runs again after it finished (a trace only
    /// `--force` shows).
    @Test(arguments: [UInt64(2), 5])
    func pendingAndFinishedAgreeWithTheStatus(seed: UInt64) {
        var s = TraceScript()
        let a = s.spawn("Task-1", "main()")
        s.started(a)
        s.completed(a, "None")
        s.resumed(a)
        s.printed(a, "again")
        s.cancelled(a)
        // The second trace is invalid on purpose (a task runs after it finished): not validated.
        let timelines = [Timeline(trace: randomLoopTrace(seed: seed, events: 2000)), Timeline(trace: s.builder.build())]
        for timeline in timelines {
            for step in timeline.steps.indices {
                let state = timeline.state(atStep: step)
                for (i, lane) in timeline.lanes.enumerated() {
                    let status = state.status(ofTask: lane.task)
                    #expect(timeline.status(ofTask: lane.task, atStep: step) == status)
                    let final = status.state?.isFinal ?? false
                    #expect(timeline.isFinal(laneAt: i, atStep: step) == final, "lane \(i), step \(step)")
                    #expect(timeline.isPending(task: lane.task, atStep: step) == (status.state != nil && !final))
                }
            }
        }
    }
}
