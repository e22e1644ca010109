/// The future `gather` returns: done when every child is (or at the first failure), and
/// cancelling it cancels the children (asyncio's `_GatheringFuture`).
final class GatherFuture: FutureCore, @unchecked Sendable {
    var children: [TaskRecord] = []
    var cancelRequested = false

    override func cancel(message: String?, by: Int32, site: Int32) -> Bool {
        guard !isDone else { return false }
        var any = false
        for child in children where child.cancel(message: message, by: by, site: site) { any = true }
        // A child really cancelled: the gather ends cancelled even if the child swallows it,
        // and whatever `returnExceptions` says (asyncio's `_cancel_requested`).
        if any { cancelRequested = true }
        return any
    }
}

extension EventLoop {
    /// asyncio's `gather(*tasks, return_exceptions=…)` machinery: one done-callback per
    /// child, run from the ready queue; the last one (or the first failure) settles the
    /// outer future with the children's outcomes.
    func gatherFuture(_ children: [TaskRecord], returnExceptions: Bool) -> GatherFuture {
        let outer = GatherFuture(loop: self, wakeReason: .gather)
        outer.children = children
        guard !children.isEmpty else {
            outer.setResult([Result<any Sendable, any Error>]())
            return outer
        }
        var finished = 0
        let total = children.count
        for child in children {
            child.addCallback(.call(label: "gather: \(child.name) is done", task: child.id) { done in
                let child = done as! TaskRecord
                finished += 1
                if outer.isDone {
                    if !child.isCancelled { child.retrieved = true }
                    return
                }
                if !returnExceptions {
                    if child.isCancelled {
                        outer.setError(CancelledError(message: child.cancelMessage))
                        return
                    }
                    if let e = child.error {
                        child.retrieved = true
                        outer.setError(e)
                        return
                    }
                }
                guard finished == total else { return }
                let outcomes: [Result<any Sendable, any Error>] = outer.children.map { c in
                    if c.isCancelled { return .failure(CancelledError(message: c.cancelMessage)) }
                    c.retrieved = true
                    if let e = c.error { return .failure(e) }
                    return .success(c.value ?? ())
                }
                if outer.cancelRequested {
                    outer.setError(CancelledError(message: outer.children.last?.cancelMessage))
                } else {
                    outer.setResult(outcomes)
                }
            })
        }
        return outer
    }

    func awaitGather(_ children: [TaskRecord], returnExceptions: Bool, site: Int32) async throws
        -> [Result<any Sendable, any Error>] {
        let outer = gatherFuture(children, returnExceptions: returnExceptions)
        if outer.isDone {
            emit(.awaitedReady, task: running?.id ?? -1, site: site, reason: WaitReason.gather.rawValue)
        } else {
            try await park(on: outer, reason: .gather, value: Int64(children.count), site: site,
                           describe: "gather of \(children.map(\.name).joined(separator: ", "))")
        }
        if let e = outer.awaitError() { throw e }
        return outer.value as! [Result<any Sendable, any Error>]
    }
}

/// Waits for every task and returns their results in order (asyncio's `await gather(*tasks)`).
/// The first failure (error or cancellation) is thrown at once; the other tasks go on.
public func gather<T: Sendable>(_ tasks: [LoopTask<T>], file: StaticString = #fileID, line: UInt = #line)
    async throws -> [T] {
    let loop = try EventLoop.running()
    let outcomes = try await loop.awaitGather(tasks.map(\.record), returnExceptions: false, site: loop.site(file, line))
    return try outcomes.map { try $0.get() as! T }
}

/// Like `gather`, but every task's outcome comes back, errors included
/// (asyncio's `gather(*tasks, return_exceptions=True)`).
public func gather<T: Sendable>(returningExceptions tasks: [LoopTask<T>], file: StaticString = #fileID,
                                line: UInt = #line) async throws -> [Result<T, any Error>] {
    let loop = try EventLoop.running()
    let outcomes = try await loop.awaitGather(tasks.map(\.record), returnExceptions: true, site: loop.site(file, line))
    return outcomes.map { r in r.map { $0 as! T } }
}

/// Wraps each body in a task (in order, as asyncio wraps coroutines) and gathers them.
public func gather<T: Sendable>(_ labelledBodies: [(String, @Sendable () async throws -> T)],
                                file: StaticString = #fileID, line: UInt = #line) async throws -> [T] {
    let tasks = labelledBodies.map { createTask($0.0, file: file, line: line, $0.1) }
    return try await gather(tasks, file: file, line: line)
}
