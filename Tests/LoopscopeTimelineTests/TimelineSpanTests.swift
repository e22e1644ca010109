import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// `"state start..<end"` for each span of a lane, to compare at a glance.
func spanSummary(_ lane: Lane?) -> [String] {
    (lane?.spans ?? []).map { "\($0.state.name) \($0.startStep)..<\($0.endStep)" }
}

@Suite("Timeline spans and steps")
struct TimelineSpanTests {
    let fetch = Timeline(trace: fetchURLTrace())

    @Test func bookkeepingEventsAreNotSteps() {
        let kinds = fetch.steps.map(\.kind)
        #expect(fetch.steps.count == 21)
        #expect(!kinds.contains(.scheduled) && !kinds.contains(.timerAdded) && !kinds.contains(.callbackRan))
        #expect(kinds.first == .created && kinds.last == .finished)
        #expect(kinds.filter { $0 == .clockJump }.count == 2)
    }

    @Test func lanesFollowCreationOrder() {
        #expect(fetch.lanes.map(\.task) == [0, 1, 2])
        #expect(fetch.lanes.map(\.firstStep) == [0, 2, 3])
        #expect(fetch.laneTitle(fetch.lanes[1]) == "Task-2 fetch_url(\"A (long)\", 3)")
    }

    @Test func mainRunsOnThenAwaitsA() {
        #expect(spanSummary(fetch.lane(ofTask: 0)) == [
            "ready 0..<1", "running 1..<5", "suspended 5..<15", "ready 15..<16", "running 16..<17",
            "done 17..<21",
        ])
    }

    @Test func sleepingTasksWakeAtTheirClockJump() {
        #expect(spanSummary(fetch.lane(ofTask: 1)) == [
            "ready 2..<6", "running 6..<7", "suspended 7..<13", "ready 13..<14", "running 14..<15",
            "done 15..<21",
        ])
        #expect(spanSummary(fetch.lane(ofTask: 2)) == [
            "ready 3..<8", "running 8..<9", "suspended 9..<10", "ready 10..<11", "running 11..<12",
            "done 12..<21",
        ])
    }

    @Test func spansCarryVirtualTimesAndWhatTheyAwait() throws {
        let a = try #require(fetch.lane(ofTask: 1))
        let sleep = a.spans[2]
        #expect(sleep.state == .suspended)
        #expect(sleep.startTime == .zero && sleep.endTime == .seconds(3))
        #expect(fetch.waitDescription(of: sleep) == "sleep until 3")
        let main = try #require(fetch.lane(ofTask: 0))
        #expect(fetch.waitDescription(of: main.spans[2]) == "Task-2")
        #expect(fetch.waitDescription(of: main.spans[1]) == nil)
        #expect(main.spans.last?.endTime == .seconds(3))
    }

    @Test func spansTileEachLane() {
        for lane in fetch.lanes {
            for (x, y) in zip(lane.spans, lane.spans.dropFirst()) {
                #expect(x.endStep == y.startStep && x.startStep < x.endStep)
                #expect(x.endTime == y.startTime)
            }
            #expect(lane.spans.last?.endStep == Int32(fetch.steps.count))
        }
    }

    @Test func stepTimesAndEventRanges() {
        #expect(fetch.steps.map(\.time.description) == Array(repeating: "0", count: 10)
            + Array(repeating: "1", count: 3) + Array(repeating: "3", count: 8))
        // The clock jump to 1 folds in timerFired, callbackRan and scheduled(Task-3).
        #expect(fetch.events(ofStep: 10) == 15..<19)
        #expect(fetch.step(containingEvent: 17) == 10)
        #expect(fetch.step(containingEvent: 1) == 0)
    }

    @Test func cancelledAtShutdown() {
        let t = Timeline(trace: createTaskNoAwaitTrace())
        #expect(spanSummary(t.lane(ofTask: 0)) == ["ready 0..<1", "running 1..<5", "done 5..<14"])
        #expect(spanSummary(t.lane(ofTask: 1)) == [
            "ready 3..<6", "running 6..<8", "suspended 8..<10", "ready 10..<11", "running 11..<12",
            "cancelled 12..<14",
        ])
        #expect(t.finishes.map(\.outcome) == [.done, .cancelled])
        #expect(t.outputLines(count: 10) == ["shav", "finished", "text"])
    }

    @Test func blockingHoldsTheLoopUntilItsTimeIsUp() {
        var s = TraceScript()
        let main = s.spawn("Task-1", "main()")
        s.started(main)
        s.blocked(main, seconds: 2)
        s.printed(main, "woke", line: 3)
        s.awaits(main, .yield, line: 4)
        let t = Timeline(trace: s.trace)
        #expect(spanSummary(t.lane(ofTask: main)) == [
            "ready 0..<1", "running 1..<2", "blocking 2..<3", "running 3..<4", "suspended 4..<5",
        ])
        let blocking = t.lanes[0].spans[2]
        #expect(blocking.startTime == .zero && blocking.endTime == .seconds(2))
        #expect(t.loopSpans.map(\.activity) == [.idle, .running(task: 0), .blocked(task: 0), .running(task: 0), .idle])
    }

    @Test func threadsWorkBesideTheLoopAndNeverQueue() {
        var s = TraceScript()
        let main = s.spawn("Task-1", "main()")
        s.started(main)
        let worker = s.spawn("Thread-1", "job(1)", by: main, kind: .thread)
        s.started(worker)
        s.awaits(main, .thread, other: worker, line: 5)
        s.blocked(worker, seconds: 1)
        s.completed(worker, "None")
        s.scheduled(main, .thread, other: worker)
        s.resumed(main, line: 5)
        s.completed(main, "None")
        let t = Timeline(trace: s.trace)
        #expect(spanSummary(t.lane(ofTask: worker)) == ["created 2..<3", "thread 3..<6", "done 6..<9"])
        #expect(t.lanes[1].kind == .thread)
        #expect(t.waitDescription(of: t.lanes[0].spans[2]) == "thread Thread-1")
        #expect(t.state(atStep: 5).readyQueue.isEmpty)
    }

    @Test func emptyTraceGivesAnEmptyTimeline() {
        let t = Timeline(trace: Trace(program: ProgramInfo(id: "e", title: "E")))
        #expect(t.steps.isEmpty && t.lanes.isEmpty)
        #expect(t.state(atStep: 0).readyQueue.isEmpty)
        #expect(TimeAxis(timeline: t, width: 20).width >= 1)
    }
}
