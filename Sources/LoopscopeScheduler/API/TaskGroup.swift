/// A group of tasks that finish together: asyncio's `TaskGroup` (3.11).
///
/// `taskGroup` returns only when every task created in the group has finished. When a task
/// fails, the others are cancelled, the task running the group is cancelled out of its
/// current await, and the failures are thrown together as an `ExceptionGroup`.
///
/// ```swift
/// try await taskGroup { group in
///     group.createTask("job(1)") { try await job(1) }
///     group.createTask("job(2)") { try await job(2) }
/// }
/// ```
public final class LoopTaskGroup: @unchecked Sendable {
    let loop: EventLoop
    let parent: TaskRecord
    var tasks: [TaskRecord] = []
    var errors: [any Error] = []
    var aborting = false
    var exiting = false
    var parentCancelRequested = false
    var onCompleted: FutureCore?
    var affinity = LoopAffinity()

    init(loop: EventLoop, parent: TaskRecord) {
        self.loop = loop
        self.parent = parent
    }

    /// Creates a task in the group (asyncio's `group.create_task(coro)`).
    @discardableResult
    public func createTask<T: Sendable>(_ label: String, name: String? = nil,
                                        file: StaticString = #fileID, line: UInt = #line,
                                        _ body: @escaping @Sendable () async throws -> T) -> LoopTask<T> {
        let problem: String? = if !affinity.allows("group.createTask(\"\(label)\")", file: file, line: line) {
            "it ran off the loop's thread"
        } else if exiting && tasks.isEmpty {
            "the group is finished (asyncio raises RuntimeError: TaskGroup is finished); create tasks inside the group's body"
        } else if aborting {
            "the group is shutting down after a failure (asyncio raises RuntimeError: TaskGroup is shutting down)"
        } else {
            nil
        }
        if let problem {
            let message = "group.createTask(\"\(label)\") at \(file):\(line) was refused: \(problem)"
            if loop.executor.isOnLoopThread {
                loop.fail(.exception, message, warning: .misuse, site: loop.site(file, line))
            }
            return LoopTask(record: .refused(SchedulerError(message), loop: loop))
        }
        let task = loopscope_createTask(label, name: name, file: file, line: line, body)
        let record = task.record
        tasks.append(record)
        record.addCallback(.call(label: "task group: \(record.name) is done", task: record.id) { [self] f in
            self.taskDone(f as! TaskRecord)
        })
        return task
    }

    func abort() {
        aborting = true
        for t in tasks where !t.isDone { _ = t.cancel(message: nil, by: loop.running?.id ?? -1, site: -1) }
    }

    func taskDone(_ t: TaskRecord) {
        tasks.removeAll { $0 === t }
        if let f = onCompleted, tasks.isEmpty, !f.isDone { f.setResult(true) }
        guard !t.isCancelled, let error = t.error else { return }
        t.retrieved = true
        errors.append(error)
        guard !parent.isDone else { return }
        if !aborting && !parentCancelRequested {
            abort()
            parentCancelRequested = true
            _ = parent.cancel(message: nil, by: -1, site: -1)
        }
    }
}

/// Runs `body` with a new task group and waits for all its tasks; see `LoopTaskGroup`.
public func taskGroup<R: Sendable>(file: StaticString = #fileID, line: UInt = #line,
                                   _ body: (LoopTaskGroup) async throws -> R) async throws -> R {
    let loop = try EventLoop.running()
    let parent = try loop.runningTask("taskGroup")
    let site = loop.site(file, line)
    let group = LoopTaskGroup(loop: loop, parent: parent)
    var result: R?
    var thrown: (any Error)?
    do { result = try await body(group) } catch { thrown = error }
    group.exiting = true
    var propagate = thrown as? CancelledError
    if group.parentCancelRequested {
        if parent.cancelsRequested > 0 { parent.cancelsRequested -= 1 }
        if parent.cancelsRequested == 0 { propagate = nil }
    }
    if thrown != nil && !group.aborting { group.abort() }
    while !group.tasks.isEmpty {
        let f = group.onCompleted ?? loop.makeFuture(.taskGroup)
        group.onCompleted = f
        do {
            try await loop.park(on: f, reason: .taskGroup, value: Int64(group.tasks.count), site: site,
                                describe: "task group of \(group.tasks.map(\.name).joined(separator: ", "))")
        } catch let c as CancelledError {
            if !group.aborting {
                propagate = c
                group.abort()
            }
        }
        group.onCompleted = nil
    }
    if let propagate, group.errors.isEmpty { throw propagate }
    if let thrown, !(thrown is CancelledError) { group.errors.append(thrown) }
    if !group.errors.isEmpty { throw ExceptionGroup("unhandled errors in a TaskGroup", group.errors) }
    return result!
}

/// The module-level `createTask`, reachable from inside `LoopTaskGroup` (whose own method
/// has the same name).
func loopscope_createTask<T: Sendable>(_ label: String, name: String?, file: StaticString, line: UInt,
                                       _ body: @escaping @Sendable () async throws -> T) -> LoopTask<T> {
    createTask(label, name: name, file: file, line: line, body)
}
