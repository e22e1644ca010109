import Testing
import LoopscopeTrace

/// Each test breaks the small valid run in `Fixtures.sleepyRun()` in one way and checks
/// that `validate()` names the event and the inconsistency.
///
/// The run's events: 0 created Task-1, 1 scheduled Task-1, 2 started Task-1, 3 created
/// Task-2, 4 scheduled Task-2, 5 Task-1 suspended, 6 started Task-2, 7 timerAdded 0,
/// 8 Task-2 suspended (sleep), 9 clockJump, 10 timerFired 0, 11 callbackRan 0,
/// 12 scheduled Task-2, 13 resumed Task-2, 14 printed, 15 completed Task-2,
/// 16 scheduled Task-1, 17 resumed Task-1, 18 completed Task-1, 19 shutdown, 20 finished.
@Suite("Trace validation")
struct TraceValidationTests {
    let run = Fixtures.sleepyRun()
    let one = VirtualTime(nanoseconds: 1_000_000_000)

    func problems(_ change: (inout Trace) -> Void) -> [String] {
        var trace = run
        change(&trace)
        return trace.validate().map(\.description)
    }

    @Test func theFixtureIsValid() {
        #expect(run.validate() == [])
        #expect(run.events.count == 21)
    }

    @Test func timeGoingBackwards() {
        #expect(problems { $0.events[12].time = .zero } == ["event 12: time goes backwards: 0 after 1"])
    }

    @Test func idsOutOfRange() {
        #expect(problems { $0.events[14].task = 7 } == ["event 14: task 7 is out of range (the trace has 2 tasks)"])
        #expect(problems { $0.events[14].site = 99 } == ["event 14: site 99 is out of range (the trace has 4 sites)"])
        #expect(problems { $0.events[14].value = 99 }
                == ["event 14: string 99 is out of range (the trace has 5 strings)"])
        #expect(problems { $0.events[8].reason = 200 }
                == ["event 8: 200 is not a valid \"wait\" for a suspended event"])
        #expect(problems { $0.events[6].task = -1 } .first == "event 6: a started event must name a task")
    }

    @Test func aTaskUsedBeforeItIsCreated() {
        let p = problems { $0.events.swapAt(3, 4) }
        #expect(p.first == "event 3: Task-2 appears in a scheduled event before it is created")
    }

    @Test func aStepThatIsNotAtTheHeadOfTheReadyQueue() {
        let p = problems {
            $0.events.insert(TraceEvent(kind: .scheduled, time: .zero, task: 0, reason: 1), at: 4)
        }
        #expect(p.first == "event 7: Task-2 started but the ready queue's head is Task-1")
        let q = problems { $0.events.insert(TraceEvent(kind: .callbackQueued, time: .zero, other: 9), at: 4) }
        #expect(q.first == "event 7: Task-2 started but the ready queue's head is callback 9")
        let r = problems { $0.events.remove(at: 4) }
        #expect(r == ["event 5: Task-2 started but the ready queue is empty"])
    }

    @Test func twoTasksRunningOnTheLoop() {
        let p = problems { $0.events.remove(at: 5) }
        #expect(p.first == "event 5: Task-2 started while Task-1 is still running")
    }

    @Test func startedTwiceAndResumedBeforeStarting() {
        #expect(problems { $0.events[13].kind = .started } == ["event 13: Task-2 started twice"])
        let p = problems { $0.events[6].kind = .resumed }
        #expect(p.first == "event 6: Task-2 resumed before it started")
    }

    @Test func nothingHappensToATaskAfterItEnds() {
        let p = problems {
            $0.events.insert(TraceEvent(kind: .scheduled, time: self.one, task: 1, reason: 1), at: 16)
        }
        #expect(p.first == "event 16: Task-2 scheduled after it ended")
        let q = problems { $0.events.insert(TraceEvent(kind: .completed, time: self.one, task: 1, value: 2), at: 16) }
        #expect(q == ["event 16: Task-2 completed but it had already ended"])
    }

    @Test func aTaskMustBeRunningToSuspendPrintOrEnd() {
        #expect(problems { $0.events.swapAt(13, 14) }.first == "event 13: Task-2 printed but it is not running")
        let p = problems { $0.events.insert(TraceEvent(kind: .suspended, time: .zero, task: 1, reason: 1), at: 5) }
        #expect(p.first == "event 5: Task-2 suspended but it is not running")
    }

    @Test func timersMustBeAddedBeforeTheyFireAndFireWhenDue() {
        let p = problems { $0.events.remove(at: 7) }
        #expect(p.first == "event 9: timer 0 fired but it is not pending (never added, or already fired or cancelled)")
        #expect(problems { $0.events[7].value = 2_000_000_000 }
                == ["event 10: timer 0 fired at 1, before its deadline 2"])
        let q = problems { $0.events.insert(TraceEvent(kind: .timerCancelled, time: self.one, other: 5), at: 19) }
        #expect(q == ["event 19: timer 5 cancelled but it is neither pending nor in the ready queue (never added, already run or already cancelled)"])
        let r = problems { $0.events.insert(TraceEvent(kind: .timerAdded, time: .zero, task: 1, other: 0), at: 8) }
        #expect(r.first == "event 8: timer 0 added while it is already pending")
    }

    /// Version 2: cancelling a callback that waits in the ready queue takes it off the queue,
    /// so the clock may jump past it and it must not run.
    @Test func aCancelledQueuedCallbackLeavesTheReadyQueue() {
        let queued = TraceEvent(kind: .callbackQueued, time: .zero, other: 4)
        let cancelled = TraceEvent(kind: .timerCancelled, time: .zero, other: 4, reason: TimerPurpose.callback.rawValue)
        #expect(problems { $0.events.insert(contentsOf: [queued, cancelled], at: 9) } == [])
        let ran = TraceEvent(kind: .callbackRan, time: .zero, other: 4)
        #expect(problems { $0.events.insert(contentsOf: [queued, cancelled, ran], at: 9) }.first
                == "event 11: callback 4 ran but the ready queue is empty")
    }

    @Test func theClockOnlyJumpsWhenTheLoopIsIdle() {
        let p = problems { $0.events.insert(TraceEvent(kind: .callbackQueued, time: .zero, other: 4), at: 9) }
        #expect(p.first == "event 10: the clock jumped while the ready queue still held callback 4")
        #expect(problems { $0.events[9].value = 2_000_000_000 }
                == ["event 9: the clock jumped backwards from 2 to 1"])
    }

    @Test func nothingAfterFinished() {
        let p = problems { $0.events.append(TraceEvent(kind: .printed, time: self.one, value: 2)) }
        #expect(p == ["event 21: printed after the run finished at event 20"])
    }

    @Test func threadsNeverQueueAndLanesMatchTheirTable() {
        let p = problems { $0.tasks[1].kind = .thread }
        #expect(p.contains("event 3: Task-2 created as a task but its lane is a thread"))
        #expect(p.contains("event 4: Task-2 is a worker thread; threads never sit in the ready queue"))
        #expect(problems { $0.tasks[1].parent = -1 } == ["event 3: Task-2 created by Task-1 but its parent is the runner"])
    }

    @Test func tableProblemsHaveNoEvent() {
        var trace = run
        trace.tasks.append(TaskInfo(name: "Task-3", label: "ghost()", parent: 8))
        trace.sites.append(SourceSite(file: 3, line: 1))
        let p = trace.validate()
        #expect(p.contains(TraceProblem(event: nil, message: "site 4 points at file 3, but the trace has 1 files")))
        #expect(p.contains(TraceProblem(event: nil, message: "Task-3 (task 2) has parent 8, which is not a task")))
        #expect(p.contains(TraceProblem(event: nil, message: "Task-3 is never created")))
        #expect(p.allSatisfy { $0.event == nil })
    }

    @Test func problemsStopAtTheLimit() {
        var trace = run
        for i in trace.events.indices { trace.events[i].site = 50 }
        #expect(trace.validate(limit: 5).count == 5)
        #expect(trace.validate().count == 21)
    }
}
