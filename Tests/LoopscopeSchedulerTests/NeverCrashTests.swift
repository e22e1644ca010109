import Foundation
import LoopscopeScheduler
import Testing

/// Calls from a raw `Task {}`: it inherits the run's task-locals but runs on the global pool,
/// so every loopscope call in it is off the loop's thread. The loop thread waits (in real
/// time, for a moment) until the raw task has made its call, so the run sees it every time.
private func offLoop(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        body()
        done.signal()
    }
    done.wait()
}

/// Runs a whole run on a thread of its own: `offLoop` blocks the loop's thread, which must
/// not be one of the few threads of the pool the raw task needs.
private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in
        Thread { c.resume(returning: body()) }.start()
    }
}

/// What `Run.swift` promises: a bad program ends with a reported outcome, never a crash or
/// a hang. Each case crashed (fatalError, precondition, overflow trap) or hung before.
@Suite(.timeLimit(.minutes(30))) struct NeverCrashTests {
    static let info = ProgramInfo(id: "never", title: "never")

    @Test func createTaskInARawTaskIsReportedWithItsLine() async {
        let line = #line + 3
        let result = await onOwnThread { asyncioRun(Self.info) {
            offLoop {
                let t = createTask("escaped()") { output("never runs") }
                #expect(t.name == "refused task")
            }
            try await sleep(1)
        } }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("createTask(\"escaped()\") at LoopscopeSchedulerTests/NeverCrashTests.swift:\(line)") == true,
                "\(result.message ?? "")")
        #expect(result.output.isEmpty)
        #expect(result.trace.events.contains { $0.warningKind == .escapedJob })
    }

    @Test func syncCallsOfLoopObjectsFromAnotherThreadAreReported() async {
        let result = await onOwnThread { asyncioRun(Self.info) {
            let event = AsyncEvent()
            let queue = AsyncQueue<Int>()
            let shared = Shared(0)
            let task = createTask("sleeper()") { try await sleep(5) }
            offLoop {
                event.set()
                #expect(throws: SchedulerError.self) { try queue.putNowait(1) }
                shared.value += 1
                #expect(task.cancel() == false)
                #expect(task.isDone == false)
            }
            try await task.value()
        } }
        #expect(result.outcome == .exception)
        let message = result.message ?? ""
        #expect(message.contains("call(s) reached the loop from another thread"), "\(message)")
        #expect(message.contains("event.set() at LoopscopeSchedulerTests/NeverCrashTests.swift:"))
        #expect(message.contains("queue.putNowait() at"))
        #expect(message.contains("Shared.value"))
        #expect(message.contains("Task-2.cancel() at"))
    }

    @Test func objectsMadeOutsideAnyRunWorkInsideOne() {
        let event = AsyncEvent()
        event.set()
        let result = asyncioRun(Self.info) {
            try await event.wait()
            event.clear()
            #expect(!event.isSet)
        }
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(event.isSet == false)   // read after the run: allowed
    }

    @Test func createTaskOutsideAnyRunHandsBackAFailedTask() {
        let t = createTask("nowhere()") { 1 }
        #expect(t.isDone)
        #expect(throws: SchedulerError.self) { try t.result() }
    }

    @Test(arguments: [Double.infinity, 1e10, 1e300])
    func sleepPastTheEndOfTheClockStopsAtTheTimeLimit(seconds: Double) {
        let result = asyncioRun(Self.info) { try await sleep(seconds) }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("past the limit of 86400 s") == true, "\(result.message ?? "")")
    }

    @Test(arguments: [Double.infinity, 1e10])
    func blockingPastTheEndOfTheClockStopsAtTheTimeLimit(seconds: Double) {
        let result = asyncioRun(Self.info) { try await blockingSleep(seconds) }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("the blocking call ends at") == true, "\(result.message ?? "")")
        let threads = threadsRun(Self.info) { try await blockingSleep(seconds) }
        #expect(threads.outcome == .limit)
    }

    @Test func sleepOfNaNIsAnErrorInTheTask() {
        let result = asyncioRun(Self.info) { try await sleep(.nan) }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("the delay is NaN") == true, "\(result.message ?? "")")
    }

    @Test func virtualTimeSaturatesInsteadOfTrapping() {
        #expect(VirtualTime(seconds: .infinity).nanoseconds == .max)
        #expect(VirtualTime(seconds: 1e10).nanoseconds == .max)
        #expect(VirtualTime(seconds: -.infinity).nanoseconds == .min)
        #expect(VirtualTime(seconds: .nan).nanoseconds == 0)
        #expect(VirtualTime(seconds: 9e9).nanoseconds == 9_000_000_000_000_000_000)
    }

    @Test func taskGroupUsedAfterItFinishedIsAMisuseWithItsLine() {
        let line = #line + 5
        let result = asyncioRun(Self.info) {
            let box = Shared<LoopTaskGroup?>(nil)
            try await taskGroup { group in box.value = group }
            output("after the group")
            box.value!.createTask("late()") { output("never runs") }
            output("the step ends")
            try await sleep(1)
            output("never reached")
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("group.createTask(\"late()\") at LoopscopeSchedulerTests/NeverCrashTests.swift:\(line) was refused: the group is finished") == true,
                "\(result.message ?? "")")
        #expect(result.output == ["after the group", "the step ends"])
        let warning = result.trace.events.first { $0.kind == .warning }
        #expect(warning?.warningKind == .misuse)
        #expect(warning.flatMap { result.trace.site($0.site)?.line } == Int32(line))
    }

    @Test func taskGroupUsedWhileShuttingDownIsAMisuse() {
        struct Boom: Error {}
        let result = asyncioRun(Self.info) {
            try await taskGroup { group in
                group.createTask("bad()") { throw Boom() }
                try? await sleep(1)   // the failure cancels the body out of this sleep
                _ = group.createTask("late()") { output("never runs") }
            }
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("the group is shutting down") == true, "\(result.message ?? "")")
        #expect(result.output.isEmpty)
    }

    @Test func untracedRunStopsAtTheEventLimitToo() {
        var options = RunOptions(tracing: false)
        options.maxEvents = 10_000
        let result = asyncioRun(Self.info, options: options) {
            while true { try await yieldNow() }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("stopped after") == true)
        #expect(result.switches < 10_000)
    }

    @Test func tooManyTasksStopAtTheIdLimit() {
        var options = RunOptions()
        options.idLimit = 50
        let result = asyncioRun(Self.info, options: options) {
            for i in 0..<100 { _ = createTask("t(\(i))") {} }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("stopped after 50 tasks and threads") == true, "\(result.message ?? "")")
        #expect(result.trace.tasks.count == 50)
    }

    @Test func tooManyTimersStopAtTheIdLimit() {
        var options = RunOptions()
        options.idLimit = 50
        let result = asyncioRun(Self.info, options: options) {
            while true { try await sleep(0.001) }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("callbacks and timers") == true, "\(result.message ?? "")")
    }

    @Test func tooManyStringsStopAtTheIdLimit() {
        var options = RunOptions()
        options.idLimit = 50
        let result = asyncioRun(Self.info, options: options) {
            for i in 0..<100 { output("line \(i)") }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("distinct strings") == true, "\(result.message ?? "")")
    }

    @Test func barrierOfNoPartiesIsAMisuse() {
        let result = asyncioRun(Self.info) {
            let barrier = AsyncBarrier(0)
            #expect(barrier.isBroken)
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("parties must be > 0") == true, "\(result.message ?? "")")
        #expect(result.trace.events.contains { $0.warningKind == .misuse })
    }

    @Test func asyncLetIsNamedWithWhatToUseInstead() {
        let result = asyncioRun(Self.info) {
            async let a: Void = sleep(1)
            async let b: Void = sleep(2)
            _ = try await (a, b)
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("`async let` and `withTaskGroup` children run inside their parent") == true,
                "\(result.message ?? "")")
        #expect(result.message?.contains("gather(...)") == true)
    }

    /// One child alone used to run as its parent (the parent's suspension looked like its own).
    @Test func aSingleAsyncLetChildIsNamedToo() {
        let result = asyncioRun(Self.info) {
            async let a: Void = sleep(1)
            try await a
            output("after the child")
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("`async let` and `withTaskGroup` children run inside their parent") == true,
                "\(result.message ?? "")")
        #expect(result.output.isEmpty)
        #expect(result.trace.events.contains { $0.warningKind == .misuse })
    }

    @Test func aSingleWithTaskGroupChildIsNamedToo() {
        let result = asyncioRun(Self.info) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await sleep(1) }
                try await group.waitForAll()
            }
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("withTaskGroup") == true, "\(result.message ?? "")")
    }

    /// A child that held the loop with a blocking call is resumed first in the next slice of
    /// its parent's step: being first does not make it the parent, so its next await of the
    /// loop is still refused.
    @Test func aChildResumedAfterABlockingCallIsStillNamed() {
        let result = asyncioRun(Self.info) {
            async let a: Void = {
                try await blockingSleep(0.5)
                try await yieldNow()
                output("the child ran as its parent")
            }()
            try await a
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("`async let` and `withTaskGroup` children run inside their parent") == true,
                "\(result.message ?? "")")
        #expect(result.output.isEmpty)
    }

    /// The parent's own await is accepted (the first job of its step), and its child's, in
    /// a later job of the same step, is refused.
    @Test func aChildAwaitingAfterItsParentsOwnAwaitIsNamed() {
        let result = asyncioRun(Self.info) {
            try await yieldNow()
            output("parent before")
            async let a: Void = yieldNow()
            _ = try? await a
            output("parent after")
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("`async let` and `withTaskGroup` children run inside their parent") == true,
                "\(result.message ?? "")")
        #expect(result.output.first == "parent before")
    }

    @Test func withTaskGroupIsNamedWithWhatToUseInstead() {
        let result = asyncioRun(Self.info) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await sleep(1) }
                group.addTask { try await sleep(2) }
                try await group.waitForAll()
            }
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("withTaskGroup") == true, "\(result.message ?? "")")
    }
}
