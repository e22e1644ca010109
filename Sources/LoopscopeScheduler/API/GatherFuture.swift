/// `gather` as asyncio's `gather(...)` returns it before anyone awaits: a future that can be
/// kept, handed to another task, nested in another gather, awaited later (`value()`), or
/// cancelled.
///
/// It completes when every child has (its result: the children's results in order), or at
/// the first child that fails or is cancelled (that error). The other children run on.
/// `cancel()` cancels every child still running and returns whether any was; the gather
/// then ends with `CancelledError` once the children have finished — even if a child
/// swallows its cancellation, and whatever `returningExceptions` says — but as a finished
/// future holding that error, so `isCancelled` stays false (asyncio's `_GatheringFuture`).
/// With `returningExceptions`, every child's error comes back in its slot instead.
///
/// ```swift
/// let inner = gatherFuture([a, b])                 // asyncio.gather(a, b)
/// let outer = gatherFuture(inner, c)               // nested, results of different types
/// let (ab, cResult) = try await outer.value()
/// ```
public func gatherFuture<F: Awaitable>(_ children: [F], file: StaticString = #fileID, line: UInt = #line)
    -> LoopFuture<[F.Value]> {
    guard let loop = EventLoop.runningOrReport("gatherFuture()", file: file, line: line) else {
        return LoopFuture(core: EventLoop.inert().makeFuture(.gather))
    }
    let outer = loop.gatherFuture(children.map(\.future.core), returnExceptions: false) { outcomes in
        outcomes.map { try! $0.get() as! F.Value }
    }
    return LoopFuture(core: outer)
}

/// `gatherFuture` with asyncio's `return_exceptions=True`: each child's error in its slot.
public func gatherFuture<F: Awaitable>(returningExceptions children: [F], file: StaticString = #fileID,
                                       line: UInt = #line) -> LoopFuture<[Result<F.Value, any Error>]> {
    guard let loop = EventLoop.runningOrReport("gatherFuture()", file: file, line: line) else {
        return LoopFuture(core: EventLoop.inert().makeFuture(.gather))
    }
    let outer = loop.gatherFuture(children.map(\.future.core), returnExceptions: true) { outcomes in
        outcomes.map { r in r.map { $0 as! F.Value } }
    }
    return LoopFuture(core: outer)
}

/// `gatherFuture` over children of different result types: the result is a tuple.
public func gatherFuture<each F: Awaitable>(_ children: repeat each F, file: StaticString = #fileID,
                                            line: UInt = #line) -> LoopFuture<(repeat (each F).Value)> {
    guard let loop = EventLoop.runningOrReport("gatherFuture()", file: file, line: line) else {
        return LoopFuture(core: EventLoop.inert().makeFuture(.gather))
    }
    var cores: [FutureCore] = []
    for child in repeat each children { cores.append(child.future.core) }
    let outer = loop.gatherFuture(cores, returnExceptions: false) { outcomes in
        var next = 0
        func take<V: Sendable>(_: V.Type) -> V {
            defer { next += 1 }
            return try! outcomes[next].get() as! V
        }
        return (repeat take((each F).Value.self))
    }
    return LoopFuture(core: outer)
}

/// `gatherFuture` over children of different result types with `return_exceptions=True`.
public func gatherFuture<each F: Awaitable>(returningExceptions children: repeat each F,
                                            file: StaticString = #fileID, line: UInt = #line)
    -> LoopFuture<(repeat Result<(each F).Value, any Error>)> {
    guard let loop = EventLoop.runningOrReport("gatherFuture()", file: file, line: line) else {
        return LoopFuture(core: EventLoop.inert().makeFuture(.gather))
    }
    var cores: [FutureCore] = []
    for child in repeat each children { cores.append(child.future.core) }
    let outer = loop.gatherFuture(cores, returnExceptions: true) { outcomes in
        var next = 0
        func take<V: Sendable>(_: V.Type) -> Result<V, any Error> {
            defer { next += 1 }
            return outcomes[next].map { $0 as! V }
        }
        return (repeat take((each F).Value.self))
    }
    return LoopFuture(core: outer)
}

/// Waits for children of different result types and returns their results as a tuple:
/// `let (n, s) = try await gather(intTask, stringTask)` (asyncio's `await gather(a, b)`).
public func gather<each F: Awaitable>(_ children: repeat each F, file: StaticString = #fileID,
                                      line: UInt = #line) async throws -> (repeat (each F).Value) {
    try await gatherFuture(repeat each children, file: file, line: line).value(file: file, line: line)
}
