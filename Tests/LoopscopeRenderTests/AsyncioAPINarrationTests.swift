import LoopscopeRender
import LoopscopeScheduler
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// What the narration and the loop-state panes say about the waits and callbacks of the
/// asyncio API beyond tasks and sleeps: one small recorded run per kind.
@Suite struct AsyncioAPINarrationTests {
    static func timeline(_ main: @escaping @Sendable () async throws -> Void) -> Timeline {
        let result = asyncioRun(ProgramInfo(id: "narration", title: "narration"), main: main)
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(result.trace.validate().map(\.description) == [])
        return Timeline(trace: result.trace)
    }

    /// The sentence of the first step whose event matches.
    static func sentence(_ timeline: Timeline, where match: (TraceEvent) -> Bool) -> String? {
        guard let step = timeline.steps.indices.first(where: { match(timeline.trace.events[Int(timeline.steps[$0].event)]) })
        else { return nil }
        return Narration.sentence(for: step, in: timeline, ascii: true)
    }

    @Test func shieldWaitNamesTheShieldedTask() {
        let t = Self.timeline {
            let inner = createTask("work()") { try await sleep(1) }
            try await shield(inner).value()
        }
        let s = Self.sentence(t) { $0.kind == .suspended && $0.waitReason == .shield }
        #expect(s == "Task-1 awaits shield(Task-2) and suspends until Task-2 finishes; cancelling Task-1"
            + " meanwhile cancels only the shield, not Task-2. Next the loop runs Task-2.")
        let e = t.trace.events.firstIndex { $0.waitReason == .shield }!
        #expect(t.waitDescription(ofEvent: e) == "shield of Task-2")
    }

    @Test func futureWaitSaysWhatEndsIt() {
        let t = Self.timeline {
            let fut = getRunningLoop().createFuture(of: Int.self)
            getRunningLoop().callLater(1, "fut.set_result(1)") { try? fut.setResult(1) }
            _ = try await fut.value()
        }
        let s = Self.sentence(t) { $0.kind == .suspended && $0.waitReason == .future }
        #expect(s?.hasPrefix("Task-1 awaits a future and suspends until something sets its result or cancels it.") == true)
    }

    @Test func conditionWaitSaysTheLockIsLetGo() {
        let t = Self.timeline {
            let cond = AsyncCondition()
            let w = createTask("waiter()") { try await cond.withLock { try await cond.wait() } }
            try await sleep(0)
            try await cond.withLock { try cond.notify() }
            _ = try await w.value()
        }
        let s = Self.sentence(t) { $0.kind == .suspended && $0.waitReason == .condition }
        #expect(s?.hasPrefix("Task-2 waits on a condition: it lets go of the condition's lock and suspends until"
            + " another task calls notify(); then it must take the lock back before it goes on.") == true, "\(s ?? "")")
        let e = t.trace.events.firstIndex { $0.waitReason == .condition }!
        #expect(t.waitDescription(ofEvent: e) == "condition notify")
        let woken = t.trace.events.first { $0.kind == .scheduled && $0.wakeReason == .condition }
        #expect(woken?.task == 1)
    }

    @Test func barrierWaitSaysWhatOpensIt() {
        let t = Self.timeline {
            let barrier = AsyncBarrier(2)
            let p = createTask("party()") { try await barrier.wait() }
            try await sleep(0.5)
            _ = try await barrier.wait()
            _ = try await p.value()
        }
        let s = Self.sentence(t) { $0.kind == .suspended && $0.waitReason == .barrier }
        #expect(s?.hasPrefix("Task-2 waits at a barrier and suspends until the last of its parties arrives") == true,
                "\(s ?? "")")
        let resumed = t.steps.indices.first { t.trace.events[Int(t.steps[$0].event)].kind == .resumed
            && t.trace.events[Int(t.steps[$0].event)].task == 1 }!
        #expect(Narration.sentence(for: resumed, in: t, ascii: true).contains("now that the barrier has opened"))
    }

    @Test func aCallbackThatCancelsOrPrintsIsNamed() {
        let t = Self.timeline {
            let me = currentTask()!
            getRunningLoop().callLater(1, "main.cancel()") {
                output("callback fires")
                me.cancel()
            }
            do { try await sleep(5) } catch is CancelledError {}
        }
        #expect(Self.sentence(t) { $0.kind == .printed }
                == "the loop callback \"main.cancel()\" prints \"callback fires\".")
        let cancel = Self.sentence(t) { $0.kind == .cancelRequested }
        #expect(cancel?.hasPrefix("The loop callback \"main.cancel()\" calls cancel() on Task-1") == true, "\(cancel ?? "")")
    }

    @Test func callLaterTimersAndTimeoutsShowInTheLoopState() {
        let t = Self.timeline {
            getRunningLoop().callLater(2, "note()") {}
            try await timeout(1).run { try await sleep(0.5) }
        }
        let step = t.steps.indices.first { t.trace.events[Int(t.steps[$0].event)].waitReason == .sleep }!
        let timers = t.state(atStep: step).timers.map { t.describe($0, ascii: true) }
        #expect(timers == ["0.5: sleep timer (Task-1)", "1: timeout timer (Task-1)", "2: callback timer (Task-1)"])
    }

    @Test func aCancelledQueuedCallbackLeavesTheQueue() {
        let t = Self.timeline {
            let h = getRunningLoop().callSoon("never()") {}
            h.cancel()
            try await sleep(0)
        }
        let step = t.steps.indices.first { t.trace.events[Int(t.steps[$0].event)].kind == .suspended }!
        #expect(t.state(atStep: step).readyQueue.map { t.describe($0, ascii: true) } == ["Task-1 step"])
    }
}
