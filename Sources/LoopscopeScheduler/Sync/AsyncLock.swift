/// A mutual-exclusion lock for tasks: asyncio's `Lock`. Waiters acquire it in FIFO order.
///
/// ```swift
/// try await lock.withLock { try await sleep(1) }
/// ```
public final class AsyncLock: @unchecked Sendable {
    private var locked = false
    private var waiters: [FutureCore] = []
    private var affinity = LoopAffinity()

    public init() {}

    /// Whether a task holds the lock (false, and reported, off the loop's thread).
    public var isLocked: Bool { affinity.allows("lock.isLocked") ? locked : false }

    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        if !locked && waiters.allSatisfy(\.isCancelled) {
            locked = true
            loop.emit(.awaitedReady, task: loop.running?.id ?? -1, site: site, reason: WaitReason.lock.rawValue)
            return
        }
        let f = loop.makeFuture(.lock)
        waiters.append(f)
        do {
            defer { waiters.removeAll { $0 === f } }
            try await loop.park(on: f, reason: .lock, site: site, describe: "a lock held by another task")
        } catch let cancelled as CancelledError {
            if !locked { wakeFirst() }
            throw cancelled
        }
        locked = true
    }

    /// Releases the lock and wakes the first waiter. Throws if it was not held.
    public func release(file: StaticString = #fileID, line: UInt = #line) throws {
        guard affinity.allows("lock.release()", file: file, line: line) else {
            throw SchedulerError("lock.release() at \(file):\(line) ran off the loop's thread")
        }
        guard locked else { throw SchedulerError("release() of a lock that is not acquired") }
        locked = false
        wakeFirst()
    }

    /// Runs `body` holding the lock (asyncio's `async with lock:`).
    public func withLock<R: Sendable>(file: StaticString = #fileID, line: UInt = #line,
                                      _ body: () async throws -> R) async throws -> R {
        try await acquire(file: file, line: line)
        defer { try? release() }
        return try await body()
    }

    private func wakeFirst() {
        if let first = waiters.first, !first.isDone { first.setResult(true) }
    }
}

/// A counter of free slots for tasks: asyncio's `Semaphore`.
public final class AsyncSemaphore: @unchecked Sendable {
    var value: Int
    private var waiters: [FutureCore] = []
    private var affinity = LoopAffinity()

    public init(_ value: Int = 1) {
        self.value = value
    }

    /// True when `acquire` would wait.
    public var isLocked: Bool {
        guard affinity.allows("semaphore.isLocked") else { return false }
        return value == 0 || waiters.contains { !$0.isCancelled }
    }

    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        if !isLocked {
            value -= 1
            loop.emit(.awaitedReady, task: loop.running?.id ?? -1, site: site, reason: WaitReason.semaphore.rawValue)
            return
        }
        let f = loop.makeFuture(.semaphore)
        waiters.append(f)
        do {
            defer { waiters.removeAll { $0 === f } }
            try await loop.park(on: f, reason: .semaphore, site: site, describe: "a semaphore slot")
        } catch let cancelled as CancelledError {
            if !f.isCancelled {
                value += 1
                wakeNext()
            }
            throw cancelled
        }
        if value > 0 { wakeNext() }
    }

    public func release(file: StaticString = #fileID, line: UInt = #line) {
        guard affinity.allows("semaphore.release()", file: file, line: line) else { return }
        value += 1
        wakeNext()
    }

    /// Runs `body` holding one slot (asyncio's `async with semaphore:`).
    public func withSlot<R: Sendable>(file: StaticString = #fileID, line: UInt = #line,
                                      _ body: () async throws -> R) async throws -> R {
        try await acquire(file: file, line: line)
        defer { release() }
        return try await body()
    }

    private func wakeNext() {
        for f in waiters where !f.isDone {
            value -= 1
            f.setResult(true)
            return
        }
    }
}
