/// The outer future of a `shield`: it mirrors the inner one, but cancelling it leaves the
/// inner one alone.
final class ShieldFuture: FutureCore, @unchecked Sendable {
    /// The shielded task's id, for the trace (-1 when it shields a plain future).
    var innerTask: Int32 = -1
}

/// Protects `inner` from the cancellation of whoever awaits it: asyncio's `shield(arg)`.
///
/// Returns a new outer future that completes as `inner` does. Cancelling the awaiting task
/// cancels only the outer future — the awaiter gets `CancelledError` at once, while `inner`
/// runs on and can still be awaited (its error is then marked as retrieved, so it is never
/// reported). Cancelling `inner` itself cancels the outer future too. A finished `inner` is
/// returned as it is (`shield(task) == task.future`).
///
/// As in CPython, the hand-over is two callbacks through the ready queue: `inner`'s
/// done-callback settles the outer future, whose own done-callback detaches it from `inner`.
///
/// ```swift
/// let r = try await shield(task).value()     // await asyncio.shield(task)
/// ```
public func shield<F: Awaitable>(_ arg: F, file: StaticString = #fileID, line: UInt = #line) -> LoopFuture<F.Value> {
    let loop = EventLoop.runningOrInert("shield()", file: file, line: line)
    guard loop.executor.isOnLoopThread, !loop.executor.isRunOver else { return LoopFuture(core: loop.makeFuture(.future)) }
    let inner = arg.future.core
    if inner.isDone { return LoopFuture(core: inner) }
    let outer = ShieldFuture(loop: loop, wakeReason: .future)
    let innerTask = (inner as? TaskRecord)
    outer.innerTask = innerTask?.id ?? -1
    let name = innerTask?.name ?? "the inner future"
    let innerCallback = inner.addCallback(.call(label: "shield: \(name) is done, settle the outer future",
                                                task: innerTask?.id ?? -1) { inner in
        if outer.isCancelled {
            if !inner.isCancelled { inner.retrieved = true }
            return
        }
        if inner.isCancelled {
            _ = outer.cancel(message: nil, by: -1, site: -1)
        } else {
            inner.retrieved = true
            if let error = inner.error { outer.setError(error) } else { outer.setResult(inner.value ?? ()) }
        }
    })
    outer.addCallback(.call(label: "shield: outer future done, detach it from \(name)", task: -1) { _ in
        if !inner.isDone { inner.removeCallback(innerCallback) }
    })
    return LoopFuture(core: outer)
}
