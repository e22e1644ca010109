/// Tasks in the order they finish (asyncio's `as_completed`).
///
/// ```swift
/// for next in asCompleted(tasks) {
///     let (site, duration) = try await next.value()
/// }
/// ```
///
/// As in asyncio, each finished task passes through an internal queue: its done-callback
/// puts it there, and the waiting `value()` wakes from the queue's getter.
public struct AsCompleted<T: Sendable>: Sequence, Sendable {
    let queue: AsyncQueue<TaskRecord?>
    let count: Int

    public func makeIterator() -> Iterator { Iterator(queue: queue, left: count) }

    public struct Iterator: IteratorProtocol {
        let queue: AsyncQueue<TaskRecord?>
        var left: Int
        public mutating func next() -> Completion<T>? {
            guard left > 0 else { return nil }
            left -= 1
            return Completion(queue: queue)
        }
    }
}

/// One awaitable of `asCompleted`: the next task to finish.
public struct Completion<T: Sendable>: Sendable {
    let queue: AsyncQueue<TaskRecord?>

    /// Waits for the next task to finish and returns its result (or throws its error);
    /// throws `TimeoutError` if the `asCompleted` timeout passed first.
    public func value(file: StaticString = #fileID, line: UInt = #line) async throws -> T {
        guard let record = try await queue.get(waitReason: .asCompleted, file: file, line: line) else {
            throw TimeoutError()
        }
        return try LoopTask<T>(record: record).result()
    }
}

/// Starts watching `tasks`; see `AsCompleted`. With a timeout, awaits that come after it
/// throw `TimeoutError`.
public func asCompleted<T: Sendable>(_ tasks: [LoopTask<T>], timeout: Double? = nil,
                                     file: StaticString = #fileID, line: UInt = #line) -> AsCompleted<T> {
    guard let loop = EventLoop.runningOrReport("asCompleted", file: file, line: line) else {
        return AsCompleted(queue: AsyncQueue(), count: 0)
    }
    let done = AsyncQueue<TaskRecord?>()
    var todo = Set(tasks.map(\.record.id))
    var timeoutTimer: TimerHandle?
    var seen = Set<Int32>()
    let unique = tasks.map(\.record).filter { seen.insert($0.id).inserted }
    var callbacks: [(record: TaskRecord, id: Int)] = []
    for record in unique {
        let id = record.addCallback(.call(label: "as_completed: \(record.name) is done", task: record.id) { f in
            let r = f as! TaskRecord
            guard !todo.isEmpty else { return }
            todo.remove(r.id)
            try? done.putNowait(r, loop: loop)
            if todo.isEmpty, let t = timeoutTimer { loop.cancelTimer(t) }
        })
        callbacks.append((record, id))
    }
    if let timeout, !todo.isEmpty {
        let deadline = (try? loop.deadline(after: timeout, for: "asCompleted")) ?? .max
        timeoutTimer = loop.callAt(deadline, purpose: .timeout, task: loop.running?.id ?? -1,
                                   site: loop.site(file, line), label: "as_completed: timeout") {
            // Every task still pending gets its own timeout marker (asyncio's `_on_timeout`),
            // so each remaining await raises TimeoutError at once.
            for (record, id) in callbacks where todo.contains(record.id) {
                record.removeCallback(id)
                try? done.putNowait(nil, loop: loop)
            }
            todo.removeAll()
        }
    }
    return AsCompleted(queue: done, count: unique.count)
}
