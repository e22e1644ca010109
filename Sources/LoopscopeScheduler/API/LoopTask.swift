/// A task on the loop: asyncio's `Task`, typed by its result.
///
/// Create one with `createTask`; await it with `value()`. Awaiting a task that has already
/// finished does not suspend (and is recorded as such).
///
/// ```swift
/// let a = createTask("fetch_url('A', 3)") { try await fetchURL("A", 3) }
/// print("scheduled")          // main runs on: A has not started yet
/// let data = try await a.value()
/// ```
public struct LoopTask<T: Sendable>: Sendable, Hashable {
    let record: TaskRecord

    /// asyncio's name: `Task-2`, … unless given.
    public var name: String { record.name }
    public var isDone: Bool { readable("\(name).isDone") ? record.isDone : false }
    public var isCancelled: Bool { readable("\(name).isCancelled") ? record.isCancelled : false }
    /// How many times `cancel()` was requested and not withdrawn (asyncio's `cancelling()`).
    public var cancelling: Int { readable("\(name).cancelling") ? record.cancelsRequested : 0 }

    /// False (and reported) while the task's run is going and the caller is off its thread
    /// (a raw `Task {}` or a thread of its own); once the run is over the task's state no
    /// longer changes and may be read.
    private func readable(_ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        LoopAffinity.allows(record.loop, what(), file: file, line: line)
    }

    /// Waits for the task and returns its result (asyncio's `await task`). Throws the task's
    /// error, or `CancelledError` if it was cancelled.
    public func value(file: StaticString = #fileID, line: UInt = #line) async throws -> T {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        if let me = loop.running, me === record {
            throw SchedulerError("\(record.name) cannot await itself")
        }
        if record.isDone {
            loop.emit(.awaitedReady, task: loop.running?.id ?? -1, other: record.id, site: site,
                        reason: WaitReason.task.rawValue)
        } else {
            try await loop.park(on: record, reason: .task, other: record.id, site: site,
                                describe: "\(record.name) (awaited at \(loop.siteText(site)))")
        }
        return try result()
    }

    /// The result of a finished task, without waiting (asyncio's `task.result()`).
    /// Throws `InvalidStateError` while it is still pending.
    public func result(file: StaticString = #fileID, line: UInt = #line) throws -> T {
        guard readable("\(name).result()", file: file, line: line) else {
            throw LoopAffinity.refused("\(name).result()", file, line)
        }
        switch record.state {
        case .pending:
            throw InvalidStateError("\(record.name) has not finished")
        case .cancelled:
            throw CancelledError(message: record.cancelMessage)
        case .finished:
            record.retrieved = true
            if let error = record.error { throw error }
            return record.value as! T
        }
    }

    /// Requests cancellation (asyncio's `task.cancel(msg)`): returns false if the task had
    /// already finished. The task sees `CancelledError` at its current await (or at its
    /// first step, if it has not started — then its body never runs).
    @discardableResult
    public func cancel(_ message: String? = nil, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        let loop = record.loop
        guard readable("\(name).cancel()", file: file, line: line) else { return false }
        return record.cancel(message: message, by: loop.running?.id ?? -1, site: loop.site(file, line))
    }

    /// Withdraws one cancellation request (asyncio's `uncancel()`); returns how many remain.
    @discardableResult
    public func uncancel(file: StaticString = #fileID, line: UInt = #line) -> Int {
        guard readable("\(name).uncancel()", file: file, line: line) else { return 0 }
        if record.cancelsRequested > 0 { record.cancelsRequested -= 1 }
        return record.cancelsRequested
    }

    public static func == (a: LoopTask, b: LoopTask) -> Bool { a.record === b.record }
    public func hash(into h: inout Hasher) { h.combine(record.id) }
}

/// Schedules `body` as a new task (asyncio's `asyncio.create_task(coro)`) and returns it.
///
/// The creator runs on until its own next await; the new task's first step waits in the
/// ready queue behind whatever is already there. `label` is how the task is shown (the
/// coroutine call, e.g. `say_after(1, 'hello')`); `name` overrides `Task-N`.
public func createTask<T: Sendable>(_ label: String, name: String? = nil,
                                    file: StaticString = #fileID, line: UInt = #line,
                                    _ body: @escaping @Sendable () async throws -> T) -> LoopTask<T> {
    guard let loop = EventLoop.runningOrReport("createTask(\"\(label)\")", file: file, line: line) else {
        return LoopTask(record: .refused(SchedulerError("""
            createTask("\(label)") at \(file):\(line) was refused: it ran outside a run or off the loop's thread
            """), loop: nil))
    }
    let record = loop.spawn(kind: .task, name: name, label: label, site: loop.site(file, line), body)
    if !record.isDone { loop.scheduleStep(record, reason: .created) }
    return LoopTask(record: record)
}

/// The name of the running task or thread (asyncio's `current_task().get_name()`).
public func currentTaskName() -> String? {
    (try? EventLoop.running())?.running?.name
}

extension EventLoop {
    /// `File.swift:12` for a site id (empty when not tracing).
    func siteText(_ site: Int32) -> String {
        guard tracing else { return "" }
        return recorder.builder.trace.siteLabel(site) ?? ""
    }
}

/// The running task (asyncio's `asyncio.current_task()`), or nil in a callback or a thread.
public func currentTask() -> LoopTask<any Sendable>? {
    guard let loop = try? EventLoop.running(), let task = loop.running, task.kind == .task else { return nil }
    return LoopTask(record: task)
}
