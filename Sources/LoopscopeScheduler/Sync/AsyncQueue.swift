import DequeModule

/// A FIFO queue for tasks on the loop: asyncio's `Queue`.
///
/// `get` waits while the queue is empty; `put` waits while it is full (when `maxSize > 0`).
/// A waiting getter or putter is a future woken in FIFO order, exactly as asyncio does, so
/// the order tasks run in matches CPython's. Use it only from the loop's tasks.
///
/// ```swift
/// let q = AsyncQueue<Int>()
/// createTask("producer()") { try await q.put(1) }
/// let item = try await q.get()
/// ```
public class AsyncQueue<Element: Sendable>: @unchecked Sendable {
    public let maxSize: Int
    /// The stored items, in the order `store` / `take` keep them (subclasses change it).
    var items = Deque<Element>()
    private var getters = Deque<FutureCore>()
    private var putters = Deque<FutureCore>()
    private var unfinished = 0
    private let finished = AsyncEvent(initiallySet: true)
    private var affinity = LoopAffinity()

    public init(maxSize: Int = 0) {
        self.maxSize = maxSize
    }

    /// How many items wait in the queue (0, and reported, off the loop's thread).
    public var count: Int { affinity.allows("queue.count") ? items.count : 0 }
    public var isEmpty: Bool { count == 0 }
    public var isFull: Bool { maxSize > 0 && count >= maxSize }

    /// Adds an item without waiting; throws `QueueError.full` when full.
    public func putNowait(_ item: Element, file: StaticString = #fileID, line: UInt = #line) throws {
        try putNowait(item, loop: EventLoop.running("queue.putNowait()", file: file, line: line))
    }

    func putNowait(_ item: Element, loop: EventLoop) throws {
        if isFull { throw QueueError.full }
        store(item)
        unfinished += 1
        finished.clearValue()
        wakeNext(&getters)
    }

    /// Removes the first item without waiting; throws `QueueError.empty` when empty.
    public func getNowait(file: StaticString = #fileID, line: UInt = #line) throws -> Element {
        guard affinity.allows("queue.getNowait()", file: file, line: line) else {
            throw SchedulerError("queue.getNowait() at \(file):\(line) ran off the loop's thread")
        }
        guard let item = take() else { throw QueueError.empty }
        wakeNext(&putters)
        return item
    }

    /// Adds an item, waiting while the queue is full.
    public func put(_ item: Element, file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        while isFull {
            let putter = loop.makeFuture(.queue)
            putters.append(putter)
            do {
                try await loop.park(on: putter, reason: .queuePut, site: site, describe: "a free slot in a full queue")
            } catch {
                _ = putter.cancel(message: nil, by: -1, site: -1)
                if let i = putters.firstIndex(where: { $0 === putter }) { putters.remove(at: i) }
                if !isFull && !putter.isCancelled { wakeNext(&putters) }
                throw error
            }
        }
        try putNowait(item, loop: loop)
    }

    /// Removes and returns the first item, waiting while the queue is empty.
    public func get(file: StaticString = #fileID, line: UInt = #line) async throws -> Element {
        try await get(waitReason: .queueGet, file: file, line: line)
    }

    func get(waitReason: WaitReason, file: StaticString, line: UInt) async throws -> Element {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        if !isEmpty {
            loop.emit(.awaitedReady, task: loop.running?.id ?? -1, site: site, reason: waitReason.rawValue)
        }
        while isEmpty {
            let getter = loop.makeFuture(waitReason == .asCompleted ? .asCompleted : .queue)
            getters.append(getter)
            do {
                try await loop.park(on: getter, reason: waitReason, site: site,
                                    describe: waitReason == .asCompleted ? "the next task to finish (as_completed)" : "an item in an empty queue")
            } catch {
                _ = getter.cancel(message: nil, by: -1, site: -1)
                if let i = getters.firstIndex(where: { $0 === getter }) { getters.remove(at: i) }
                if !isEmpty && !getter.isCancelled { wakeNext(&getters) }
                throw error
            }
        }
        return try getNowait()
    }

    /// Marks one item as processed (asyncio's `task_done`).
    public func taskDone(file: StaticString = #fileID, line: UInt = #line) throws {
        guard affinity.allows("queue.taskDone()", file: file, line: line) else {
            throw SchedulerError("queue.taskDone() at \(file):\(line) ran off the loop's thread")
        }
        guard unfinished > 0 else { throw SchedulerError("taskDone() called more times than there were items") }
        unfinished -= 1
        if unfinished == 0 { finished.setValue() }
    }

    /// Waits until every item put has been marked done (asyncio's `join`).
    public func join(file: StaticString = #fileID, line: UInt = #line) async throws {
        if unfinished > 0 { try await finished.wait(file: file, line: line) }
    }

    /// Adds an item to the storage (asyncio's `Queue._put`): at the back.
    func store(_ item: Element) { items.append(item) }

    /// Removes the next item (asyncio's `Queue._get`): from the front.
    func take() -> Element? { items.popFirst() }

    private func wakeNext(_ waiters: inout Deque<FutureCore>) {
        while let w = waiters.popFirst() {
            if !w.isDone {
                w.setResult(())
                break
            }
        }
    }
}
