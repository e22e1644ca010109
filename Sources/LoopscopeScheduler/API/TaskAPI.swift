/// A task's end, looked at from outside: asyncio's `task.exception()`,
/// `add_done_callback`, `remove_done_callback`, and `all_tasks()`.
extension LoopTask {
    /// asyncio's `task.exception()`: the error it failed with, or nil if it returned; throws
    /// `CancelledError` if it was cancelled and `InvalidStateError` while it runs. Looking
    /// marks the error as retrieved, so it is not reported as never retrieved.
    public func exception(file: StaticString = #fileID, line: UInt = #line) throws -> (any Error)? {
        try future.exception(file: file, line: line)
    }

    /// asyncio's `task.add_done_callback(fn)`: `callback` is queued as a loop callback
    /// (labelled `label`) when the task ends — ahead of the wake-up of any task that starts
    /// awaiting it later — or at once if it has ended. Returns an id for `removeDoneCallback`.
    @discardableResult
    public func addDoneCallback(_ label: String, file: StaticString = #fileID, line: UInt = #line,
                                _ callback: @escaping (LoopTask<T>) -> Void) -> Int {
        guard LoopAffinity.allows(record.loop, "\(name).addDoneCallback()", file: file, line: line) else { return -1 }
        let task = self
        return record.addCallback(.call(label: label, task: record.id) { _ in callback(task) })
    }

    /// asyncio's `task.remove_done_callback(fn)`: how many callbacks were removed (0 or 1).
    @discardableResult
    public func removeDoneCallback(_ id: Int, file: StaticString = #fileID, line: UInt = #line) -> Int {
        future.removeDoneCallback(id, file: file, line: line)
    }

    /// The same task with its result type forgotten, to put tasks of different result types
    /// in one list (for `wait`, or to compare with `allTasks()`).
    public var erased: LoopTask<any Sendable> { LoopTask<any Sendable>(record: record) }
}

/// The loop's tasks that have not finished, in the order they were created (asyncio's
/// `asyncio.all_tasks()`; asyncio returns a set). Worker threads are not tasks.
public func allTasks() -> [LoopTask<any Sendable>] {
    guard let loop = EventLoop.runningOrReport("allTasks()", file: #fileID, line: #line) else { return [] }
    return loop.records.filter { $0.kind == .task && !$0.isDone }.map { LoopTask(record: $0) }
}
