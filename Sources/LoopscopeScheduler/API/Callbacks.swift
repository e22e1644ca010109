/// The running event loop as a program sees it: asyncio's `asyncio.get_running_loop()`,
/// for its clock, its plain callbacks and `create_future`.
///
/// ```swift
/// let loop = getRunningLoop()
/// loop.callSoon("note('soon')") { note("soon") }          // loop.call_soon(note, "soon")
/// let h = loop.callLater(1, "note('later')") { note("later") }
/// h.cancel()                                               // it never runs
/// ```
///
/// Callbacks run from the ready queue, in turn with task steps, and belong to no task
/// (what they print is the loop's). Each call returns a `Handle`.
public struct RunningLoop: Sendable {
    let loop: EventLoop

    /// The virtual clock in seconds (asyncio's `loop.time()`).
    public func time(file: StaticString = #fileID, line: UInt = #line) -> Double {
        LoopAffinity.allows(loop, "loop.time()", file: file, line: line) ? loop.seconds : 0
    }

    /// Queues `callback` at the back of the ready queue (asyncio's `loop.call_soon`): it runs
    /// in the loop's next iteration, after every step and callback already queued.
    @discardableResult
    public func callSoon(_ label: String, file: StaticString = #fileID, line: UInt = #line,
                         _ callback: @escaping () -> Void) -> Handle {
        let handle = Handle(loop: loop, when: nil)
        guard LoopAffinity.allows(loop, "loop.callSoon(\"\(label)\")", file: file, line: line) else { return handle }
        handle.core = loop.callSoonHandle(label, callback)
        return handle
    }

    /// Arms a timer that queues `callback` after `delay` seconds of virtual time (asyncio's
    /// `loop.call_later`). Timers due at the same instant run in the order they were armed,
    /// all in the same iteration, after the steps and callbacks already queued.
    @discardableResult
    public func callLater(_ delay: Double, _ label: String, file: StaticString = #fileID, line: UInt = #line,
                          _ callback: @escaping () -> Void) -> Handle {
        guard LoopAffinity.allows(loop, "loop.callLater(\"\(label)\")", file: file, line: line) else {
            return Handle(loop: loop, when: nil)
        }
        return callAt(loop.seconds + delay, label, file: file, line: line, callback)
    }

    /// Arms a timer for the loop time `when` (asyncio's `loop.call_at`); a time already past
    /// runs in the next iteration.
    @discardableResult
    public func callAt(_ when: Double, _ label: String, file: StaticString = #fileID, line: UInt = #line,
                       _ callback: @escaping () -> Void) -> Handle {
        let handle = Handle(loop: loop, when: when)
        guard LoopAffinity.allows(loop, "loop.callAt(\"\(label)\")", file: file, line: line) else { return handle }
        let timer = loop.callAt(VirtualTime(seconds: when).nanoseconds, purpose: .callback,
                                task: loop.running?.id ?? -1, site: loop.site(file, line), label: label, callback)
        handle.core = timer.handle
        handle.timer = timer
        return handle
    }

    /// A new pending future on this loop (asyncio's `loop.create_future()`).
    public func createFuture<T: Sendable>(of type: T.Type = T.self, file: StaticString = #fileID,
                                          line: UInt = #line) -> LoopFuture<T> {
        guard LoopAffinity.allows(loop, "loop.createFuture()", file: file, line: line) else {
            return LoopFuture(core: EventLoop.inert().makeFuture(.future))
        }
        return LoopFuture(core: loop.makeFuture(.future))
    }
}

/// The loop of the running task (asyncio's `asyncio.get_running_loop()`). Only inside a run.
public func getRunningLoop() -> RunningLoop {
    RunningLoop(loop: EventLoop.runningOrInert("getRunningLoop()"))
}

/// A scheduled callback: asyncio's `Handle` (from `callSoon`) or `TimerHandle` (from
/// `callLater` / `callAt`, which also have `when`).
///
/// `cancel()` stops it from running, whether it still waits for its time or is already in
/// the ready queue (a timer that came due in this very iteration, behind a callback that
/// cancels it, never runs). Cancelling one that has run changes nothing but `isCancelled`,
/// as in asyncio.
public final class Handle: @unchecked Sendable {
    let loop: EventLoop
    /// nil when the call that made it was refused (off the loop's thread): nothing to cancel.
    var core: CallbackHandle?
    var timer: TimerHandle?
    private var cancelFlag = false

    /// The loop time it is due at (asyncio's `TimerHandle.when()`); nil for `callSoon`.
    public let when: Double?

    init(loop: EventLoop, when: Double?) {
        self.loop = loop
        self.when = when
    }

    /// asyncio's `handle.cancelled()`.
    public var isCancelled: Bool { LoopAffinity.allows(loop, "handle.isCancelled") ? cancelFlag : false }

    /// asyncio's `handle.cancel()`.
    public func cancel(file: StaticString = #fileID, line: UInt = #line) {
        guard LoopAffinity.allows(loop, "handle.cancel()", file: file, line: line) else { return }
        cancelFlag = true
        if let core { loop.cancelHandle(core, timer: timer, purpose: .callback) }
    }
}
