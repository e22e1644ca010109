/// The future `gather` returns: done when every child is (or at the first failure), and
/// cancelling it cancels the children (asyncio's `_GatheringFuture`).
final class GatherFuture: FutureCore, @unchecked Sendable {
    var children: [FutureCore] = []
    var cancelRequested = false
    /// Turns the children's outcomes, in order, into the result the awaiter gets: the
    /// outcomes themselves, or a typed array or tuple (see the public `gatherFuture`s).
    var convert: ([Result<any Sendable, any Error>]) -> any Sendable = { $0 }

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

extension FutureCore {
    /// How gather's labels and deadlock reports name a child.
    var gatherName: String {
        switch self {
        case let task as TaskRecord: task.name
        case let g as GatherFuture: "a gather of \(g.children.count)"
        default: "a future"
        }
    }
}

extension EventLoop {
    /// asyncio's `gather(*futures, return_exceptions=…)` machinery: one done-callback per
    /// distinct child, run from the ready queue; the last one (or the first failure) settles
    /// the outer future with the children's outcomes, in the order given (a child passed
    /// twice appears twice). A child is a task, a plain future or another gather.
    func gatherFuture(_ children: [FutureCore], returnExceptions: Bool,
                      convert: @escaping ([Result<any Sendable, any Error>]) -> any Sendable = { $0 }) -> GatherFuture {
        let outer = GatherFuture(loop: self, wakeReason: .gather)
        outer.children = children
        outer.convert = convert
        guard !children.isEmpty else {
            outer.setResult(convert([]))
            return outer
        }
        var unique: [FutureCore] = []
        for child in children where !unique.contains(where: { $0 === child }) { unique.append(child) }
        var finished = 0
        let total = unique.count
        for child in unique {
            child.addCallback(.call(label: "gather: \(child.gatherName) is done",
                                    task: (child as? TaskRecord)?.id ?? -1) { child in
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
                    outer.setResult(outer.convert(outcomes))
                }
            })
        }
        return outer
    }

    func awaitGather(_ children: [FutureCore], returnExceptions: Bool, site: Int32) async throws
        -> [Result<any Sendable, any Error>] {
        let outer = gatherFuture(children, returnExceptions: returnExceptions)
        if outer.isDone {
            emit(.awaitedReady, task: running?.id ?? -1, site: site, reason: WaitReason.gather.rawValue)
        } else {
            try await park(on: outer, reason: .gather, value: Int64(children.count), site: site,
                           describe: "gather of \(children.map(\.gatherName).joined(separator: ", "))")
        }
        if let e = outer.awaitError() { throw e }
        return outer.value as! [Result<any Sendable, any Error>]
    }
}

/// Waits for every task (or future, or gather) and returns their results in order
/// (asyncio's `await gather(*tasks)`). The first failure (error or cancellation) is thrown
/// at once; the other tasks go on.
public func gather<F: Awaitable>(_ tasks: [F], file: StaticString = #fileID, line: UInt = #line)
    async throws -> [F.Value] {
    let loop = try EventLoop.running()
    let outcomes = try await loop.awaitGather(tasks.map(\.future.core), returnExceptions: false, site: loop.site(file, line))
    return try outcomes.map { try $0.get() as! F.Value }
}

/// Like `gather`, but every task's outcome comes back, errors included
/// (asyncio's `gather(*tasks, return_exceptions=True)`).
public func gather<F: Awaitable>(returningExceptions tasks: [F], file: StaticString = #fileID,
                                 line: UInt = #line) async throws -> [Result<F.Value, any Error>] {
    let loop = try EventLoop.running()
    let outcomes = try await loop.awaitGather(tasks.map(\.future.core), returnExceptions: true, site: loop.site(file, line))
    return outcomes.map { r in r.map { $0 as! F.Value } }
}

/// Wraps each body in a task (in order, as asyncio wraps coroutines) and gathers them.
public func gather<T: Sendable>(_ labelledBodies: [(String, @Sendable () async throws -> T)],
                                file: StaticString = #fileID, line: UInt = #line) async throws -> [T] {
    let tasks = labelledBodies.map { createTask($0.0, file: file, line: line, $0.1) }
    return try await gather(tasks, file: file, line: line)
}
