import DequeModule
import Foundation
import HeapModule

/// The tracing scheduler: a deterministic, single-threaded event loop with a virtual clock
/// and CPython asyncio's semantics, recording every step into a `Trace`.
///
/// Structure follows asyncio's `BaseEventLoop`: a FIFO ready queue of task steps and
/// callbacks, a heap of timers ordered by `(deadline, creation)`, and an iteration
/// (`runOnce`) that jumps the clock to the earliest timer when nothing is ready, moves every
/// due timer's callback to the ready queue, then runs exactly the entries that were queued
/// when the iteration began. Worker threads advance in the same virtual time beside it.
///
/// It does not run anything in parallel, read the real clock, or let a job run off its
/// thread: all of a run happens on the thread that called `asyncioRun` / `threadsRun`.
/// Programs use the free functions of this module (`sleep`, `createTask`, `gather`, …),
/// which find the running loop through `EventLoop.current`.
package final class EventLoop: @unchecked Sendable {
    /// The loop running the current task (asyncio's `get_running_loop()`).
    @TaskLocal static var current: EventLoop?

    let executor: LoopExecutor
    let options: RunOptions
    let tracing: Bool
    @exclusivity(unchecked) var recorder: Recorder

    /// Virtual time in nanoseconds.
    @exclusivity(unchecked) var now: Int64 = 0
    @exclusivity(unchecked) var ready = Deque<ReadyEntry>()
    @exclusivity(unchecked) var timers = Heap<TimerKey>()
    var timerSeq: Int64 = 0
    @exclusivity(unchecked) var nextHandle: Int32 = 0
    @exclusivity(unchecked) var callbackCounter = 0
    var records: [TaskRecord] = []
    var taskNumber = 0
    var threadNumber = 0
    var executorThreads = 0
    /// The task or thread whose step is running.
    @exclusivity(unchecked) var running: TaskRecord?
    @exclusivity(unchecked) var runnableThreads = Deque<TaskRecord>()
    /// Worker threads (and a loop-less main thread) not finished yet.
    var liveThreads = 0
    /// A loop task that holds the loop in a blocking call, and when it lets go.
    @exclusivity(unchecked) var blocking: (task: TaskRecord, until: Int64)?
    var stopping = false
    /// Set when the run must end early: misuse, deadlock, or a limit.
    var abort: (outcome: RunOutcome, message: String)?
    @exclusivity(unchecked) var switches = 0
    /// Events an untraced run would have recorded, so its event limit holds too.
    @exclusivity(unchecked) var untracedEvents = 0
    /// Async generators iterated at least once, in that order (asyncio's `_asyncgens`).
    var asyncGenerators: [any ClosableGenerator] = []
    /// Set once `finished` is recorded: nothing may be recorded after it.
    var isFinished = false

    init(program: ProgramInfo, options: RunOptions) {
        executor = LoopExecutor(thread: pthread_self())
        self.options = options
        tracing = options.tracing
        recorder = Recorder(program: program, sources: options.sources)
        if tracing { recorder.builder.reserveCapacity(events: 1024) }
    }

    // MARK: recording

    @inline(__always)
    func emit(_ kind: EventKind, task: Int32 = -1, other: Int32 = -1, value: Int64 = 0,
                site: Int32 = -1, reason: UInt8 = 0) {
        guard tracing else {
            untracedEvents &+= 1
            return
        }
        recorder.builder.append(TraceEvent(kind: kind, time: VirtualTime(nanoseconds: now), task: task,
                                           other: other, value: value, site: site, reason: reason))
    }

    @inline(__always)
    func site(_ file: StaticString, _ line: UInt) -> Int32 {
        tracing ? recorder.site(file, line) : -1
    }

    func intern(_ s: @autoclosure () -> String) -> Int64 {
        guard tracing else { return -1 }
        guard recorder.builder.trace.strings.count < options.idLimit else {
            fail(.limit, "stopped after \(options.idLimit) distinct strings: string ids are 32-bit in a trace")
            return -1
        }
        return Int64(recorder.builder.intern(s()))
    }

    /// Events recorded so far, or that would have been in an untraced run (for the limit).
    var eventCount: Int { tracing ? recorder.builder.eventCount : untracedEvents }

    // MARK: ids

    func nextCallbackID() -> Int {
        callbackCounter += 1
        return callbackCounter
    }

    func newHandleID() -> Int32 {
        guard Int(nextHandle) < options.idLimit - 1 else {
            fail(.limit, "stopped after \(options.idLimit) callbacks and timers: handle ids are 32-bit in a trace")
            return nextHandle
        }
        defer { nextHandle += 1 }
        return nextHandle
    }

    // MARK: the ready queue

    /// Puts a task's next step on the ready queue (asyncio's `call_soon(task.__step)`).
    @inline(__always)
    func scheduleStep(_ task: TaskRecord, reason: WakeReason, other: Int32 = -1, wokenBy: FutureCore? = nil) {
        emit(.scheduled, task: task.id, other: other, reason: reason.rawValue)
        ready.append(.step(task, wokenBy: wokenBy))
    }

    /// Puts a callback on the ready queue (asyncio's `call_soon`).
    func callSoon(_ label: @autoclosure () -> String, task: Int32 = -1, _ body: @escaping () -> Void) {
        let labelID = intern(label())
        let handle = CallbackHandle(id: newHandleID(), label: Int32(clamping: labelID),
                                    task: task, body: body)
        emit(.callbackQueued, task: task, other: handle.id, value: labelID)
        ready.append(.callback(handle))
    }

    /// Arms a timer (asyncio's `call_at`); its callback joins the ready queue when due.
    @discardableResult
    func callAt(_ deadline: Int64, purpose: TimerPurpose, task: Int32, site: Int32 = -1,
                label: @autoclosure () -> String, _ body: @escaping () -> Void) -> TimerHandle {
        let labelID = intern(label())
        let handle = CallbackHandle(id: newHandleID(), label: Int32(clamping: labelID),
                                    task: task, body: body)
        let timer = TimerHandle(handle: handle, deadline: deadline, purpose: purpose, thread: nil)
        emit(.timerAdded, task: task, other: handle.id, value: deadline, site: site, reason: purpose.rawValue)
        timerSeq += 1
        timers.insert(TimerKey(deadline: deadline, seq: timerSeq, timer: timer))
        return timer
    }

    /// Arms a worker thread's wake-up: when due, the thread runs (it never joins the ready queue).
    func wakeThread(_ thread: TaskRecord, at deadline: Int64) {
        let handle = CallbackHandle(id: -1, label: -1, task: thread.id, body: {})
        let timer = TimerHandle(handle: handle, deadline: deadline, purpose: .thread, thread: thread)
        timerSeq += 1
        timers.insert(TimerKey(deadline: deadline, seq: timerSeq, timer: timer))
    }

    /// Cancels a timer that has not fired (asyncio's `TimerHandle.cancel`).
    func cancelTimer(_ timer: TimerHandle) {
        guard timer.inHeap, !timer.handle.cancelled else { return }
        timer.handle.cancelled = true
        emit(.timerCancelled, task: timer.handle.task, other: timer.handle.id, value: timer.deadline,
               reason: timer.purpose.rawValue)
    }

    // MARK: futures

    func scheduleCallbacks(of future: FutureCore) {
        let callbacks = future.callbacks
        future.callbacks = []
        for cb in callbacks { dispatch(cb, of: future) }
    }

    func dispatch(_ callback: FutureCallback, of future: FutureCore) {
        switch callback.action {
        case .wake(let task):
            let reason: WakeReason = future.isCancelled ? .cancelled : future.wakeReason
            scheduleStep(task, reason: reason, other: future.objectID, wokenBy: future)
        case .wakeThread(let thread):
            runnableThreads.append(thread)
        case .call(let label, let task, let body):
            callSoon(label, task: task) { body(future) }
        }
    }

    func makeFuture(_ reason: WakeReason) -> FutureCore {
        FutureCore(loop: self, wakeReason: reason)
    }
}
