/// Something a task can await that ends in a value of type `Value`: a task, a future, a
/// shield or a gather. `shield`, `gather` and `wait` take any of them.
public protocol Awaitable: Sendable {
    associatedtype Value: Sendable
    /// The future behind it (a task is its own future, as in asyncio).
    var future: LoopFuture<Value> { get }
}

/// A one-shot result on the loop: asyncio's `Future` (`loop.create_future()`).
///
/// Completing it (`setResult`, `setException`, `cancel`) queues, in the order they were
/// added, its done-callbacks — and the wake-up of every task awaiting it, so an awaiter runs
/// only after the callbacks and awaiters that came before it. A done-callback added to a
/// finished future is queued at once. Two futures are `==` when they are the same future.
///
/// ```swift
/// let fut = getRunningLoop().createFuture(of: Int.self)
/// loop.callLater(1, "fut.set_result(42)") { try? fut.setResult(42) }
/// let v = try await fut.value()        // await fut: 42, at t = 1
/// ```
public final class LoopFuture<Value: Sendable>: Awaitable, Equatable, @unchecked Sendable {
    let core: FutureCore

    init(core: FutureCore) {
        self.core = core
    }

    public var future: LoopFuture<Value> { self }

    /// asyncio's `fut.done()`: it has a result, an exception, or was cancelled.
    public var isDone: Bool { LoopAffinity.allows(core.loop, "future.isDone") ? core.isDone : false }
    /// asyncio's `fut.cancelled()`.
    public var isCancelled: Bool { LoopAffinity.allows(core.loop, "future.isCancelled") ? core.isCancelled : false }

    /// asyncio's `fut.set_result(v)`; throws `InvalidStateError` if it is already done.
    public func setResult(_ value: Value, file: StaticString = #fileID, line: UInt = #line) throws {
        try check("future.setResult()", file, line)
        guard !core.isDone else { throw InvalidStateError("invalid state: the future is already done") }
        core.setResult(value)
    }

    /// asyncio's `fut.set_exception(e)`; throws `InvalidStateError` if it is already done.
    public func setException(_ error: any Error, file: StaticString = #fileID, line: UInt = #line) throws {
        try check("future.setException()", file, line)
        guard !core.isDone else { throw InvalidStateError("invalid state: the future is already done") }
        core.setError(error)
    }

    /// asyncio's `fut.cancel(msg)`: false if it was already done. For a task's future this
    /// is `task.cancel()`; for a gather's, cancelling every child.
    @discardableResult
    public func cancel(_ message: String? = nil, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        let loop = core.loop
        guard LoopAffinity.allows(loop, "future.cancel()", file: file, line: line) else { return false }
        return core.cancel(message: message, by: loop.running?.id ?? -1, site: loop.site(file, line))
    }

    /// asyncio's `fut.result()`: the value, or the exception it was given; `CancelledError`
    /// if cancelled; `InvalidStateError` while pending.
    public func result(file: StaticString = #fileID, line: UInt = #line) throws -> Value {
        try check("future.result()", file, line)
        switch core.state {
        case .pending: throw InvalidStateError("result is not set")
        case .cancelled: throw CancelledError(message: core.cancelMessage)
        case .finished:
            core.retrieved = true
            if let error = core.error { throw error }
            return core.value as! Value
        }
    }

    /// asyncio's `fut.exception()`: the exception it ended with, or nil for a result;
    /// `CancelledError` if cancelled; `InvalidStateError` while pending.
    public func exception(file: StaticString = #fileID, line: UInt = #line) throws -> (any Error)? {
        try check("future.exception()", file, line)
        switch core.state {
        case .pending: throw InvalidStateError("exception is not set")
        case .cancelled: throw CancelledError(message: core.cancelMessage)
        case .finished:
            core.retrieved = true
            return core.error
        }
    }

    /// asyncio's `fut.add_done_callback(fn)`: `callback` is queued (as a loop callback
    /// labelled `label`) when the future completes, or at once if it already has. Returns
    /// an id for `removeDoneCallback`.
    @discardableResult
    public func addDoneCallback(_ label: String, file: StaticString = #fileID, line: UInt = #line,
                                _ callback: @escaping (LoopFuture<Value>) -> Void) -> Int {
        guard LoopAffinity.allows(core.loop, "future.addDoneCallback()", file: file, line: line) else { return -1 }
        let owner = (core as? TaskRecord)?.id ?? -1
        return core.addCallback(.call(label: label, task: owner) { [self] _ in callback(self) })
    }

    /// asyncio's `fut.remove_done_callback(fn)`: returns how many were removed (0 or 1).
    @discardableResult
    public func removeDoneCallback(_ id: Int, file: StaticString = #fileID, line: UInt = #line) -> Int {
        guard LoopAffinity.allows(core.loop, "future.removeDoneCallback()", file: file, line: line) else { return 0 }
        let before = core.callbacks.count
        core.removeCallback(id)
        return before - core.callbacks.count
    }

    /// Waits until the future is done and returns its result (asyncio's `await fut`).
    /// A done future returns at once, without suspending.
    public func value(file: StaticString = #fileID, line: UInt = #line) async throws -> Value {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        let me = try loop.runningTask("await")
        if me === core { throw SchedulerError("\(me.name) cannot await itself") }
        let (reason, other) = waitKind
        if core.isDone {
            loop.emit(.awaitedReady, task: me.id, other: other, site: site, reason: reason.rawValue)
        } else {
            try await loop.park(on: core, reason: reason, other: other, value: waitCount, site: site,
                                describe: describeWait(loop, site))
        }
        if let error = core.awaitError() { throw error }
        return core.value as! Value
    }

    /// Refuses a call made off the loop's thread (logged; the run reports it).
    private func check(_ what: String, _ file: StaticString, _ line: UInt) throws {
        guard LoopAffinity.allows(core.loop, what, file: file, line: line) else {
            throw LoopAffinity.refused(what, file, line)
        }
    }

    /// How an await of this future is recorded: a task, a shield, a gather or a plain future.
    var waitKind: (WaitReason, Int32) {
        switch core {
        case let task as TaskRecord: (.task, task.id)
        case let s as ShieldFuture: (.shield, s.innerTask)
        case is GatherFuture: (.gather, -1)
        default: (.future, -1)
        }
    }

    private var waitCount: Int64 {
        (core as? GatherFuture).map { Int64($0.children.count) } ?? 1
    }

    private func describeWait(_ loop: EventLoop, _ site: Int32) -> String {
        switch core {
        case let task as TaskRecord: "\(task.name) (awaited at \(loop.siteText(site)))"
        case is ShieldFuture: "a shielded task (awaited at \(loop.siteText(site)))"
        case let g as GatherFuture: "gather of \(g.children.map(\.gatherName).joined(separator: ", "))"
        default: "a future (awaited at \(loop.siteText(site)))"
        }
    }

    public static func == (a: LoopFuture, b: LoopFuture) -> Bool { a.core === b.core }
}

extension LoopTask: Awaitable {
    /// The task as a future (asyncio's Task is a Future): for `shield`, `gather`, callbacks.
    public var future: LoopFuture<T> { LoopFuture(core: record) }
}
