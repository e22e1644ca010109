import LoopscopeTrace

/// Appends events to a `TraceBuilder` the way the tracing scheduler records them: every
/// task step goes through the ready queue (`scheduled` then `started`/`resumed`), sleeps arm
/// timers, and timers fire into the ready queue as callbacks.
struct EventWriter {
    var builder: TraceBuilder
    var time = VirtualTime.zero

    mutating func add(_ kind: EventKind, task: Int32 = -1, other: Int32 = -1, value: Int64 = 0,
                      site: Int32 = -1, reason: UInt8 = 0) {
        builder.append(TraceEvent(kind: kind, time: time, task: task, other: other, value: value,
                                  site: site, reason: reason))
    }

    /// `created` then `scheduled(created)`.
    mutating func create(_ task: Int32, by creator: Int32, at site: Int32) {
        let label = builder.intern(builder.trace.tasks[Int(task)].label)
        add(.created, task: task, other: creator, value: Int64(label), site: site)
        add(.scheduled, task: task, reason: WakeReason.created.rawValue)
    }

    mutating func print(_ text: String, by task: Int32, at site: Int32) {
        add(.printed, task: task, value: Int64(builder.intern(text)), site: site)
    }

    /// `timerAdded` then `suspended(sleep)`.
    mutating func sleep(_ task: Int32, seconds: Double, timer: Int32, at site: Int32) {
        let deadline = (time + .seconds(seconds)).nanoseconds
        add(.timerAdded, task: task, other: timer, value: deadline)
        add(.suspended, task: task, other: timer, value: deadline, site: site, reason: WaitReason.sleep.rawValue)
    }

    mutating func jump(to seconds: Double) {
        let from = time
        time = .seconds(seconds)
        add(.clockJump, value: from.nanoseconds)
    }

    /// `timerFired`, `callbackRan`, then the woken task's step joins the queue.
    mutating func fire(timer: Int32, waking task: Int32) {
        add(.timerFired, task: task, other: timer, value: time.nanoseconds)
        add(.callbackRan, task: task, other: timer)
        add(.scheduled, task: task, other: timer, reason: WakeReason.timer.rawValue)
    }

    mutating func complete(_ task: Int32, _ result: String) {
        add(.completed, task: task, value: Int64(builder.intern(result)))
    }

    /// The runner's stop callback, queued behind whatever is ready, and its run.
    mutating func stopAfterQueue(handle: Int32) {
        add(.callbackQueued, other: handle, value: Int64(builder.intern("stop the loop")))
        add(.callbackRan, other: handle)
    }

    mutating func finish(_ outcome: RunOutcome = .ok) {
        add(.finished, value: Int64(builder.intern(outcome == .ok ? "ok" : "error")), reason: outcome.rawValue)
    }
}
