/// What happened at one step of a traced run. See `TraceEvent` for what each field means
/// for each kind, and `docs/trace-format.md` for the JSON Lines spelling.
public enum EventKind: UInt8, Sendable, CaseIterable, Codable {
    /// A task (or worker thread) came into being. `task`: the new one; `other`: its creator
    /// (-1 when created by the runner, as `asyncio.run` creates main); `value`: string id of
    /// the coroutine's label; `site`: the line that created it; `reason`: a `TaskKind`.
    case created
    /// A task's next step was put on the ready queue. `reason`: a `WakeReason`;
    /// `other`: the task, timer or object whose change woke it (or -1).
    case scheduled
    /// A task's first step began (it left the ready queue).
    case started
    /// A task's later step began (it left the ready queue). `reason`: a `ResumeMode`.
    case resumed
    /// A task gave control back to the loop. `site`: the await; `reason`: a `WaitReason`;
    /// `other`: the awaited task / object (or -1); `value`: the deadline in ns for sleeps,
    /// else how many things it waits on.
    case suspended
    /// A task returned. `value`: string id of the result's description.
    case completed
    /// A task ended with an error. `value`: string id of the error's description.
    case failed
    /// A task ended cancelled.
    case cancelled
    /// `task.cancel()` was called. `task`: the target; `other`: the caller (-1 for the
    /// runner); `value`: 1 if the request was accepted, 0 if the task had already finished.
    case cancelRequested
    /// A line was printed. `task`: who printed (-1: no task); `value`: string id of the text;
    /// `reason`: an `OutputStream`.
    case printed
    /// The loop had nothing ready and jumped the clock. `time`: the new time;
    /// `value`: the time it jumped from, in ns.
    case clockJump
    /// A task held the loop (or a worker thread its thread) without yielding: `time` is the
    /// start, `value` the duration in ns; `reason`: a `BlockingKind`.
    case blocked
    /// A timer was armed. `other`: the timer id; `value`: its deadline in ns; `task`: whose
    /// it is; `reason`: a `TimerPurpose`.
    case timerAdded
    /// A timer came due: its callback joins the ready queue (as a callback entry with the
    /// timer id as handle id).
    case timerFired
    /// A timer was cancelled before it came due. Since version 2 also: a callback waiting in
    /// the ready queue (a `callbackQueued` one, or a timer that has fired) was cancelled; it
    /// leaves the queue and never runs. `value`: the timer's deadline (for a queued callback,
    /// the time it was cancelled).
    case timerCancelled
    /// A callback (not a task step) joined the ready queue. `other`: the handle id;
    /// `value`: string id of its label; `task`: the task it concerns (or -1).
    case callbackQueued
    /// A callback left the ready queue and ran. `other`: the handle id; `value`: string id
    /// of its label (timer callbacks are labelled only here).
    case callbackRan
    /// Something asyncio would warn about. `reason`: a `WarningKind`; `value`: string id
    /// of the message.
    case warning
    /// The main coroutine finished: the runner cancels whatever is still pending.
    /// `value`: how many tasks are still pending.
    case shutdown
    /// The run ended. `reason`: a `RunOutcome`; `value`: string id of a message.
    case finished
    /// A task awaited something that had already finished (a done task, a set event, a
    /// non-empty queue), so it went on without suspending. `site`: the await; `reason`: a
    /// `WaitReason`; `other`: the awaited task or object (or -1).
    case awaitedReady
}

/// Kinds of lanes.
public enum TaskKind: UInt8, Sendable, Codable {
    /// An asyncio-style task on the event loop.
    case task = 0
    /// A worker thread (`toThread`, `startThread`), shown beside the loop.
    case thread = 1
    /// The program's main thread, for programs that run without an event loop.
    case mainThread = 2
}

/// Why a task became ready.
public enum WakeReason: UInt8, Sendable, CaseIterable {
    case created = 0, yielded, timer, taskDone, gather, wait, asCompleted, queue, lock, event,
         semaphore, thread, cancelled, timeout, taskGroup, future
    // Version 2:
    /// A `Condition`'s notify / notify_all.
    case condition
    /// A `Barrier` filled up, drained, or was reset or aborted.
    case barrier
}

/// What a suspended task waits on.
public enum WaitReason: UInt8, Sendable, CaseIterable {
    case sleep = 0, yield, task, gather, wait, waitFor, asCompleted, queueGet, queuePut, lock,
         event, semaphore, thread, taskGroup, future, join
    // Version 2 (appended, so earlier numbers keep their meaning):
    /// The outer future of `shield(x)`; `other`: the shielded task (or -1).
    case shield
    /// A notification of a `Condition` (`cond.wait()`, `wait_for`).
    case condition
    /// The other parties of a `Barrier` (or the end of its draining).
    case barrier
}

/// How a step resumes a task.
public enum ResumeMode: UInt8, Sendable, CaseIterable {
    case normal = 0
    /// `CancelledError` is thrown in at the await.
    case cancelled
    /// The awaited thing failed; its error is thrown in at the await.
    case error
}

public enum OutputStream: UInt8, Sendable, CaseIterable { case stdout = 0, stderr }

public enum BlockingKind: UInt8, Sendable, CaseIterable {
    /// A blocking sleep (`time.sleep`) inside a coroutine or thread.
    case sleep = 0
    /// CPU-bound work.
    case cpu
}

public enum TimerPurpose: UInt8, Sendable, CaseIterable {
    case sleep = 0, timeout, thread
    /// A plain callback armed by `loop.call_later` / `loop.call_at` (format version 2);
    /// in `timerCancelled`, also a `call_soon` callback cancelled in the ready queue.
    case callback
}

public enum WarningKind: UInt8, Sendable, CaseIterable {
    /// A task failed and nobody ever retrieved its exception.
    case exceptionNeverRetrieved = 0
    /// A coroutine was created and never awaited.
    case neverAwaited
    /// Every task waits and no timer is pending.
    case deadlock
    /// The run hit the event limit or the virtual-time limit.
    case limit
    /// Work tried to run off the loop's thread.
    case escapedJob
    /// The program used an API the wrong way (a task group used after it finished, …); the
    /// message names the call and its line. Version 2.
    case misuse
}

public enum RunOutcome: UInt8, Sendable, CaseIterable {
    case ok = 0, exception, deadlock, limit
}
