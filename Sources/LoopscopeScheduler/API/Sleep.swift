/// Suspends the calling task for `seconds` of virtual time: asyncio's `await asyncio.sleep(s)`.
///
/// A positive delay arms a timer; when it comes due, its callback completes the sleep and
/// the task's next step joins the ready queue. Zero or less is a bare yield (`yieldNow`).
/// Cancellation during the sleep throws `CancelledError` here and disarms the timer.
///
/// ```swift
/// try await sleep(1)       // wakes at now + 1 s (virtual)
/// ```
public func sleep(_ seconds: Double, file: StaticString = #fileID, line: UInt = #line) async throws {
    let loop = try EventLoop.running()
    let site = loop.site(file, line)
    guard seconds > 0 || seconds.isNaN else {
        _ = try loop.runningTask("sleep")
        try await loop.yieldStep(site: site)
        return
    }
    let task = try loop.runningTask("sleep")
    let deadline = try loop.deadline(after: seconds, for: "sleep(nan)")
    let future = loop.makeFuture(.timer)
    let timer = loop.callAt(deadline, purpose: .sleep, task: task.id, site: site,
                            label: "sleep(\(VirtualTime.literal(seconds))) is over: wake \(task.name)") {
        if !future.isDone { future.setResult(()) }
    }
    future.objectID = timer.handle.id
    defer { loop.cancelTimer(timer) }
    try await loop.park(on: future, reason: .sleep, other: timer.handle.id, value: deadline, site: site,
                        describe: "sleep(\(VirtualTime.literal(seconds))) until \(VirtualTime(nanoseconds: deadline)) s")
}

/// Gives up control for one loop iteration: asyncio's `await asyncio.sleep(0)`, or a bare
/// `yield` in a generator-based awaitable. The task goes to the back of the ready queue.
public func yieldNow(file: StaticString = #fileID, line: UInt = #line) async throws {
    let loop = try EventLoop.running()
    _ = try loop.runningTask("yieldNow")
    try await loop.yieldStep(site: loop.site(file, line))
}

/// Blocks for `seconds` without yielding: `time.sleep(s)` (or CPU-bound work) called from
/// async code. In a loop task it holds the whole loop — nothing else on the loop runs, and
/// the clock moves on — and is drawn as a blocking span. In a worker thread it blocks only
/// that thread. The `await` only marks where the simulation steps; it never yields the loop.
public func blockingSleep(_ seconds: Double, kind: BlockingKind = .sleep,
                          file: StaticString = #fileID, line: UInt = #line) async throws {
    let loop = try EventLoop.running()
    guard let me = loop.running else { throw loop.notInTask() }
    let site = loop.site(file, line)
    let until = try loop.deadline(after: seconds, for: "blockingSleep(nan)")
    guard until > loop.now else { return }
    if me.isThread {
        try await loop.parkThread(until: until, site: site,
                                  describe: "blocking sleep until \(VirtualTime(nanoseconds: until)) s")
    } else {
        loop.emit(.blocked, task: me.id, value: until - loop.now, site: site, reason: kind.rawValue)
        try await loop.holdLoop(until: until)
    }
}
