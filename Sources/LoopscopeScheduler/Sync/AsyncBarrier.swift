/// asyncio's `BrokenBarrierError`: the barrier was aborted or reset while a task waited.
public struct BrokenBarrierError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "BrokenBarrierError('\(message)')" }
}

/// A meeting point for a fixed number of tasks: asyncio's `Barrier` (new in 3.11).
///
/// Each `wait()` counts an arrival; the last of `parties` arrivals lets everyone through —
/// it goes on at once, the others in the order they arrived — and each gets its arrival
/// index (0, 1, …). Tasks that arrive while the barrier is still letting the previous group
/// out wait for it to empty, so it can be used again and again. `abort()` breaks it: every
/// waiter, and every later `wait()`, gets `BrokenBarrierError`; `reset()` breaks the current
/// round for those waiting and starts a fresh one. Built on an `AsyncCondition`, exactly as
/// asyncio builds it, so the order of wake-ups matches.
public final class AsyncBarrier: @unchecked Sendable {
    enum State { case filling, draining, resetting, broken }

    private let cond = AsyncCondition()
    public let parties: Int
    private var state = State.filling
    private var count = 0
    private var affinity = LoopAffinity()

    /// A barrier for `parties` tasks (at least 1). Fewer is a misuse (asyncio raises
    /// ValueError): the run ends reporting the line, and the barrier is a broken one.
    public init(_ parties: Int, file: StaticString = #fileID, line: UInt = #line) {
        self.parties = parties
        if parties <= 0 {
            state = .broken
            if let loop = EventLoop.runningOrReport("AsyncBarrier(\(parties))", file: file, line: line) {
                loop.fail(.exception, "AsyncBarrier(\(parties)) at \(file):\(line): parties must be > 0 (asyncio raises ValueError)",
                          warning: .misuse, site: loop.site(file, line))
            }
        }
    }

    /// How many tasks wait at the barrier now (asyncio's `n_waiting`).
    public var waitingCount: Int {
        guard affinity.allows("barrier.waitingCount") else { return 0 }
        return state == .filling ? count : 0
    }
    /// asyncio's `broken`.
    public var isBroken: Bool { affinity.allows("barrier.isBroken") ? state == .broken : false }

    /// Arrives and waits for the rest (asyncio's `await barrier.wait()`); returns the
    /// arrival index.
    public func wait(file: StaticString = #fileID, line: UInt = #line) async throws -> Int {
        try await cond.withLock(file: file, line: line) {
            try await block(file: file, line: line)
            let index = count
            count += 1
            defer {
                count -= 1
                exit()
            }
            if index + 1 == parties {
                state = .draining
                try cond.notifyAll()
            } else {
                _ = try await cond.waitFor(reason: .barrier, file: file, line: line) { self.state != .filling }
                if state == .broken || state == .resetting {
                    throw BrokenBarrierError("Abort or reset of barrier")
                }
            }
            return index
        }
    }

    /// Waits while the previous round drains or resets.
    private func block(file: StaticString, line: UInt) async throws {
        _ = try await cond.waitFor(reason: .barrier, file: file, line: line) {
            self.state != .draining && self.state != .resetting
        }
        if state == .broken { throw BrokenBarrierError("Barrier aborted") }
    }

    private func exit() {
        if count == 0 {
            if state == .resetting || state == .draining { state = .filling }
            try? cond.notifyAll()
        }
    }

    /// Starts over (asyncio's `await barrier.reset()`): tasks waiting now get
    /// `BrokenBarrierError`.
    public func reset(file: StaticString = #fileID, line: UInt = #line) async throws {
        try await cond.withLock(file: file, line: line) {
            state = count > 0 ? .resetting : .filling
            try cond.notifyAll()
        }
    }

    /// Breaks the barrier for good (asyncio's `await barrier.abort()`).
    public func abort(file: StaticString = #fileID, line: UInt = #line) async throws {
        try await cond.withLock(file: file, line: line) {
            state = .broken
            try cond.notifyAll()
        }
    }
}

/// A semaphore that refuses to be released above its initial value: asyncio's
/// `BoundedSemaphore`. A release too many throws instead of silently adding a slot.
public final class AsyncBoundedSemaphore: @unchecked Sendable {
    private let semaphore: AsyncSemaphore
    private let bound: Int
    private var affinity = LoopAffinity()

    public init(_ value: Int = 1) {
        semaphore = AsyncSemaphore(value)
        bound = value
    }

    /// True when `acquire` would wait (asyncio's `locked()`).
    public var isLocked: Bool { semaphore.isLocked }

    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        try await semaphore.acquire(file: file, line: line)
    }

    /// Frees a slot; throws when every slot is already free ("BoundedSemaphore released too
    /// many times", asyncio's `ValueError`).
    public func release(file: StaticString = #fileID, line: UInt = #line) throws {
        guard affinity.allows("boundedSemaphore.release()", file: file, line: line) else {
            throw LoopAffinity.refused("boundedSemaphore.release()", file, line)
        }
        guard semaphore.value < bound else { throw SchedulerError("BoundedSemaphore released too many times") }
        semaphore.release()
    }

    /// Runs `body` holding one slot (asyncio's `async with semaphore:`).
    public func withSlot<R: Sendable>(file: StaticString = #fileID, line: UInt = #line,
                                      _ body: () async throws -> R) async throws -> R {
        try await acquire(file: file, line: line)
        defer { try? release() }
        return try await body()
    }
}
