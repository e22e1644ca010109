/// Waits for a task with a time limit: asyncio's `wait_for(task, timeout)` (3.11).
///
/// If the task finishes in time its result is returned. Otherwise the task is cancelled,
/// `waitFor` waits for it to finish cancelling, and throws `TimeoutError`. A nil timeout
/// waits without limit.
public func waitFor<T: Sendable>(_ task: LoopTask<T>, timeout: Double?, file: StaticString = #fileID,
                                 line: UInt = #line) async throws -> T {
    let loop = try EventLoop.running()
    let me = try loop.runningTask("waitFor")
    let site = loop.site(file, line)
    let fut = task.record
    guard let timeout else { return try await task.value(file: file, line: line) }
    if timeout <= 0 {
        if fut.isDone { return try task.result() }
        try await loop.cancelAndWait(fut, site: site)
        do { return try task.result() } catch is CancelledError { throw TimeoutError() }
    }
    let waiter = loop.makeFuture(.timeout)
    let deadline = try loop.deadline(after: timeout, for: "timeout")
    let timer = loop.callAt(deadline, purpose: .timeout, task: me.id, site: site,
                            label: "wait_for: timeout for \(fut.name)") {
        if !waiter.isDone { waiter.setResult(()) }
    }
    defer { loop.cancelTimer(timer) }
    let cb = fut.addCallback(.call(label: "wait_for: \(fut.name) is done", task: fut.id) { _ in
        if !waiter.isDone { waiter.setResult(()) }
    })
    do {
        try await loop.park(on: waiter, reason: .waitFor, other: fut.id, value: deadline, site: site,
                            describe: "\(fut.name) with a timeout at \(VirtualTime(nanoseconds: deadline)) s")
    } catch let cancelled as CancelledError {
        if fut.isDone { return try task.result() }
        fut.removeCallback(cb)
        try await loop.cancelAndWait(fut, site: site)
        throw cancelled
    }
    if fut.isDone { return try task.result() }
    fut.removeCallback(cb)
    try await loop.cancelAndWait(fut, site: site)
    do { return try task.result() } catch is CancelledError { throw TimeoutError() }
}

extension EventLoop {
    /// asyncio's `_cancel_and_wait`: cancel `fut` and wait until it has finished.
    func cancelAndWait(_ fut: TaskRecord, site: Int32) async throws {
        let waiter = makeFuture(.taskDone)
        waiter.objectID = fut.id
        let cb = fut.addCallback(.call(label: "wait_for: \(fut.name) finished cancelling", task: fut.id) { _ in
            if !waiter.isDone { waiter.setResult(()) }
        })
        defer { fut.removeCallback(cb) }
        _ = fut.cancel(message: nil, by: running?.id ?? -1, site: site)
        try await park(on: waiter, reason: .task, other: fut.id, site: site,
                       describe: "\(fut.name) to finish cancelling")
    }
}

/// When `wait` returns.
public enum ReturnWhen: Sendable {
    case firstCompleted, firstException, allCompleted
}

/// Waits until some or all tasks finish (asyncio's `wait(tasks, return_when=…, timeout=…)`)
/// and returns the finished and the pending ones, each in the order given. Never throws
/// the tasks' errors and never cancels them.
public func wait<T: Sendable>(_ tasks: [LoopTask<T>], returnWhen: ReturnWhen = .allCompleted,
                              timeout: Double? = nil, file: StaticString = #fileID, line: UInt = #line)
    async throws -> (done: [LoopTask<T>], pending: [LoopTask<T>]) {
    let loop = try EventLoop.running()
    let me = try loop.runningTask("wait")
    guard !tasks.isEmpty else { throw SchedulerError("wait() needs at least one task") }
    let site = loop.site(file, line)
    var seen = Set<Int32>()
    let unique = tasks.filter { seen.insert($0.record.id).inserted }
    let waiter = loop.makeFuture(.wait)
    var timer: TimerHandle?
    if let timeout {
        let deadline = try loop.deadline(after: timeout, for: "timeout")
        timer = loop.callAt(deadline, purpose: .timeout, task: me.id, site: site, label: "wait: timeout") {
            if !waiter.isDone { waiter.setResult(()) }
        }
    }
    var counter = unique.count
    var ids: [(TaskRecord, Int)] = []
    for t in unique {
        let id = t.record.addCallback(.call(label: "wait: \(t.name) is done", task: t.record.id) { f in
            counter -= 1
            let failed = !f.isCancelled && f.error != nil
            if counter <= 0 || returnWhen == .firstCompleted || (returnWhen == .firstException && failed) {
                if let timer { loop.cancelTimer(timer) }
                if !waiter.isDone { waiter.setResult(()) }
            }
        })
        ids.append((t.record, id))
    }
    defer {
        if let timer { loop.cancelTimer(timer) }
        for (r, id) in ids { r.removeCallback(id) }
    }
    try await loop.park(on: waiter, reason: .wait, value: Int64(unique.count), site: site,
                        describe: "wait on \(unique.map(\.name).joined(separator: ", "))")
    return (unique.filter(\.isDone), unique.filter { !$0.isDone })
}
