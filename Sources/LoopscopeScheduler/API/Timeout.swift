/// A deadline around a block of code: asyncio's `Timeout`, made by `timeout(_:)` or
/// `timeoutAt(_:)` and entered with `run` (`async with asyncio.timeout(1) as cm:`).
///
/// Entering arms a timer for `when` (a `when` already past is queued with `call_soon`, so it
/// fires at the block's first await). When it fires, its callback cancels the task running
/// the block; the block's current await throws `CancelledError`. Leaving the block, the
/// timer is disarmed; if the timeout fired and the block ends in that `CancelledError`, it
/// becomes `TimeoutError` — unless someone else also cancelled the task meanwhile (its
/// `cancelling` count is still above what it was on entry), in which case the
/// `CancelledError` goes on. A block that catches the `CancelledError` and ends normally
/// leaves normally (`expired` is still true).
///
/// This is CPython 3.11.7 (and 3.12): the count is compared with the one at entry.
/// CPython 3.11.0–3.11.2 required it to drop to 0, so a task that had absorbed an earlier
/// `cancel()` without `uncancel()` got `CancelledError` instead of `TimeoutError`.
///
/// ```swift
/// let cm = timeout(1)
/// do {
///     try await cm.run { try await sleep(5) }
/// } catch is TimeoutError {
///     print("expired:", cm.expired)      // true
/// }
/// ```
public final class Timeout: @unchecked Sendable {
    enum State: String { case created, active, expiring, expired, finished }

    let loop: EventLoop
    var state = State.created
    var whenSeconds: Double?
    var handler: (handle: CallbackHandle, timer: TimerHandle?)?
    var task: TaskRecord?
    var cancellingAtEntry = 0

    init(loop: EventLoop, when: Double?) {
        self.loop = loop
        whenSeconds = when
    }

    /// The deadline as a loop time (asyncio's `cm.when()`); nil for none.
    public var when: Double? { LoopAffinity.allows(loop, "timeout.when") ? whenSeconds : nil }

    /// The timeout fired while the block ran (asyncio's `cm.expired()`).
    public var expired: Bool {
        LoopAffinity.allows(loop, "timeout.expired") ? state == .expiring || state == .expired : false
    }

    /// Moves the deadline (asyncio's `cm.reschedule(when)`); nil removes it. Only inside the
    /// block, before the timeout has fired: otherwise it throws.
    public func reschedule(_ when: Double?, file: StaticString = #fileID, line: UInt = #line) throws {
        guard LoopAffinity.allows(loop, "timeout.reschedule()", file: file, line: line) else {
            throw LoopAffinity.refused("timeout.reschedule()", file, line)
        }
        guard state == .active else {
            throw SchedulerError(state == .created ? "Timeout has not been entered"
                                                   : "Cannot change state of \(state.rawValue) Timeout")
        }
        whenSeconds = when
        if let h = handler { loop.cancelHandle(h.handle, timer: h.timer, purpose: .timeout) }
        handler = nil
        guard let when else { return }
        let label = "timeout: cancel \(task?.name ?? "the task")"
        let fire: () -> Void = { [unowned(unsafe) self] in self.onTimeout() }
        if VirtualTime(seconds: when).nanoseconds <= loop.now {
            handler = (loop.callSoonHandle(label, task: task?.id ?? -1, fire), nil)
        } else {
            let timer = loop.callAt(VirtualTime(seconds: when).nanoseconds, purpose: .timeout,
                                    task: task?.id ?? -1, site: loop.site(file, line), label: label, fire)
            handler = (timer.handle, timer)
        }
    }

    /// Runs `body` inside the deadline (asyncio's `async with cm:`); see `Timeout`. A
    /// `Timeout` can be entered once.
    public func run<R>(file: StaticString = #fileID, line: UInt = #line,
                       _ body: () async throws -> R) async throws -> R {
        guard LoopAffinity.allows(loop, "timeout.run", file: file, line: line) else {
            throw LoopAffinity.refused("timeout.run", file, line)
        }
        guard state == .created else { throw SchedulerError("Timeout has already been entered") }
        let me = try loop.runningTask("timeout")
        state = .active
        task = me
        cancellingAtEntry = me.cancelsRequested
        try reschedule(whenSeconds, file: file, line: line)
        let result: R
        do {
            result = try await body()
        } catch {
            try exit(with: error)
            throw error
        }
        try exit(with: nil)
        return result
    }

    private func exit(with error: (any Error)?) throws {
        if let h = handler { loop.cancelHandle(h.handle, timer: h.timer, purpose: .timeout) }
        handler = nil
        if state == .expiring {
            state = .expired
            if let task, task.cancelsRequested > 0 { task.cancelsRequested -= 1 }
            if (task?.cancelsRequested ?? 0) <= cancellingAtEntry && error is CancelledError {
                throw TimeoutError()
            }
        } else if state == .active {
            state = .finished
        }
    }

    private func onTimeout() {
        guard state == .active, let task else { return }
        _ = task.cancel(message: nil, by: -1, site: -1)
        state = .expiring
        handler = nil
    }
}

/// A `Timeout` that fires `delay` seconds from now (asyncio's `asyncio.timeout(delay)`);
/// nil never fires (until rescheduled). Enter it with `run`.
public func timeout(_ delay: Double?) -> Timeout {
    let loop = EventLoop.runningOrInert("timeout()")
    return Timeout(loop: loop, when: delay.map { loop.seconds + $0 })
}

/// A `Timeout` that fires at the loop time `when` (asyncio's `asyncio.timeout_at(when)`).
public func timeoutAt(_ when: Double?) -> Timeout {
    Timeout(loop: EventLoop.runningOrInert("timeoutAt()"), when: when)
}
