/// A worker thread on the virtual clock, drawn as a lane beside the loop: Python's
/// `threading.Thread` (see `startThread`) or a thread of asyncio's default executor (see
/// `toThread`).
///
/// A thread runs in parallel with the loop and with other threads: its `blockingSleep`
/// blocks only itself. The simulation runs it on the loop's thread, deterministically, so
/// traces stay byte-identical; it does not model the GIL or real parallel speed-ups.
public struct WorkerThread: Sendable, Hashable {
    let record: TaskRecord

    public var name: String { record.name }
    public var isAlive: Bool { !record.isDone }

    /// Waits for the thread to finish (Python's `thread.join()`), from the main thread or
    /// another worker thread. A loop task must not join a thread: that would block the loop;
    /// it awaits `toThread` instead.
    public func join(file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running()
        guard let me = loop.running, me.isThread else {
            throw SchedulerError("join() would block the event loop; await toThread(...) instead")
        }
        let site = loop.site(file, line)
        if record.isDone {
            loop.emit(.awaitedReady, task: me.id, other: record.id, site: site, reason: WaitReason.join.rawValue)
            return
        }
        try await loop.park(on: record, reason: .join, other: record.id, site: site,
                            describe: "\(record.name) to finish (join)")
    }

    public static func == (a: WorkerThread, b: WorkerThread) -> Bool { a.record === b.record }
    public func hash(into h: inout Hasher) { h.combine(record.id) }
}

/// Starts a worker thread running `body` (Python's `threading.Thread(target=…).start()`).
/// Threads are named `Thread-1`, `Thread-2`, … unless named.
@discardableResult
public func startThread(_ label: String, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
                        _ body: @escaping @Sendable () async throws -> Void) -> WorkerThread {
    guard let loop = EventLoop.runningOrReport("startThread(\"\(label)\")", file: file, line: line) else {
        let record = TaskRecord.refused(SchedulerError("""
            startThread("\(label)") at \(file):\(line) was refused: it ran outside a run or off the loop's thread
            """), loop: nil)
        return WorkerThread(record: record)
    }
    let record = loop.spawn(kind: .thread, name: name, label: label, site: loop.site(file, line), body)
    if !record.isDone { loop.runnableThreads.append(record) }
    return WorkerThread(record: record)
}

/// Runs `body` on a worker thread and waits for its result without blocking the loop
/// (asyncio's `await asyncio.to_thread(fn)`). The thread's lane is named `asyncio_0`, … as
/// asyncio's default executor names its threads.
public func toThread<T: Sendable>(_ label: String, file: StaticString = #fileID, line: UInt = #line,
                                  _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let loop = try EventLoop.running()
    let me = try loop.runningTask("toThread")
    let site = loop.site(file, line)
    let name = "asyncio_\(loop.executorThreads)"
    loop.executorThreads += 1
    let thread = loop.spawn(kind: .thread, name: name, label: label, site: site, body)
    let result = loop.makeFuture(.thread)
    result.objectID = thread.id
    thread.addCallback(.call(label: "\(name) finished: pass its result to \(me.name)", task: thread.id) { f in
        if let e = f.error {
            f.retrieved = true
            result.setError(e)
        } else {
            result.setResult(f.value ?? ())
        }
    })
    loop.runnableThreads.append(thread)
    try await loop.park(on: result, reason: .thread, other: thread.id, site: site,
                        describe: "\(name) running \(label)")
    return result.value as! T
}
