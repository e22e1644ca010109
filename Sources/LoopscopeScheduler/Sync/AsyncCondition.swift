/// A condition variable for tasks: asyncio's `Condition`, over an `AsyncLock`.
///
/// `wait()` must be called holding the lock. It releases the lock (waking the lock's first
/// waiter), waits to be notified, then waits to take the lock back — so the tasks that
/// `notifyAll()` wakes go on one at a time, in the order they started waiting. `notify(n)`
/// wakes the first `n` waiters. A task cancelled while it waits still takes the lock back
/// before the `CancelledError` leaves `wait()`, as in asyncio.
///
/// ```swift
/// try await cond.withLock {
///     _ = try await cond.waitFor { !items.value.isEmpty }
///     take(items.value.removeFirst())
/// }
/// ```
public final class AsyncCondition: @unchecked Sendable {
    public let lock: AsyncLock
    private var waiters: [FutureCore] = []
    private var affinity = LoopAffinity()

    public init(lock: AsyncLock = AsyncLock()) {
        self.lock = lock
    }

    /// Whether the underlying lock is held (asyncio's `cond.locked()`).
    public var isLocked: Bool { lock.isLocked }

    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        try await lock.acquire(file: file, line: line)
    }

    public func release(file: StaticString = #fileID, line: UInt = #line) throws {
        try lock.release(file: file, line: line)
    }

    /// Runs `body` holding the lock (asyncio's `async with cond:`).
    public func withLock<R: Sendable>(file: StaticString = #fileID, line: UInt = #line,
                                      _ body: () async throws -> R) async throws -> R {
        try await lock.withLock(file: file, line: line, body)
    }

    /// Releases the lock, waits for a notification, and takes the lock back (asyncio's
    /// `await cond.wait()`); returns true. Throws if the lock is not held.
    @discardableResult
    public func wait(file: StaticString = #fileID, line: UInt = #line) async throws -> Bool {
        try await wait(reason: .condition, file: file, line: line)
    }

    func wait(reason: WaitReason, file: StaticString, line: UInt) async throws -> Bool {
        guard lock.isLocked else { throw SchedulerError("cannot wait on un-acquired lock") }
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        try lock.release()
        var thrown: (any Error)?
        let fut = loop.makeFuture(reason == .barrier ? .barrier : .condition)
        waiters.append(fut)
        do {
            try await loop.park(on: fut, reason: reason, site: site,
                                describe: reason == .barrier ? "the other parties of a barrier" : "a condition to be notified")
        } catch {
            thrown = error
        }
        waiters.removeAll { $0 === fut }
        var cancelled = false
        while true {
            do {
                try await lock.acquire(file: file, line: line)
                break
            } catch is CancelledError {
                cancelled = true
            }
        }
        if cancelled { throw CancelledError() }
        if let thrown { throw thrown }
        return true
    }

    /// Waits until `predicate` is true, checking it first and after every wake-up (asyncio's
    /// `await cond.wait_for(predicate)`); returns its last value.
    @discardableResult
    public func waitFor(file: StaticString = #fileID, line: UInt = #line,
                        _ predicate: () -> Bool) async throws -> Bool {
        try await waitFor(reason: .condition, file: file, line: line, predicate)
    }

    func waitFor(reason: WaitReason, file: StaticString, line: UInt, _ predicate: () -> Bool) async throws -> Bool {
        var result = predicate()
        while !result {
            _ = try await wait(reason: reason, file: file, line: line)
            result = predicate()
        }
        return result
    }

    /// Wakes the first `n` waiters (asyncio's `cond.notify(n)`); throws if the lock is not
    /// held. A woken task goes on only once it has the lock back.
    public func notify(_ n: Int = 1, file: StaticString = #fileID, line: UInt = #line) throws {
        guard affinity.allows("condition.notify()", file: file, line: line) else {
            throw LoopAffinity.refused("condition.notify()", file, line)
        }
        guard lock.isLocked else { throw SchedulerError("cannot notify on un-acquired lock") }
        var woken = 0
        for fut in waiters {
            if woken >= n { break }
            if !fut.isDone {
                woken += 1
                fut.setResult(false)
            }
        }
    }

    /// Wakes every waiter (asyncio's `cond.notify_all()`).
    public func notifyAll(file: StaticString = #fileID, line: UInt = #line) throws {
        guard affinity.allows("condition.notifyAll()", file: file, line: line) else {
            throw LoopAffinity.refused("condition.notifyAll()", file, line)
        }
        try notify(waiters.count, file: file, line: line)
    }
}
