/// The loop's record of one task or worker thread: asyncio's `Task`, a future that runs a
/// Swift async body step by step.
///
/// The body runs as a Swift task whose jobs only ever run on the loop's executor. Between
/// steps it is parked on `continuation` (or, before its first step, as `startJob`).
final class TaskRecord: FutureCore, @unchecked Sendable {
    let id: Int32
    let kind: TaskKind
    let name: String
    @exclusivity(unchecked) var startJob: UnownedJob?
    @exclusivity(unchecked) var continuation: UnsafeContinuation<Void, any Error>?
    /// The Swift task allowed to suspend as this task: its body's, or an async generator's
    /// body while it runs for this task. Any other (a child of `async let` or
    /// `withTaskGroup`) that awaits the loop is refused.
    @exclusivity(unchecked) var swiftTask: UnsafeCurrentTask?
    /// Whether `continuation` was left by an await that checked its caller was `swiftTask`
    /// (`EventLoop.park`, `yieldStep`); a blocking call's is not. See `EventLoop.isDriver`.
    @exclusivity(unchecked) var parkedByDriver = false
    /// Thrown into the body when its first job runs (cancelled before it started).
    var pendingThrow: (any Error)?
    @exclusivity(unchecked) var mustCancel = false
    var mustCancelMessage: String?
    var cancelsRequested = 0
    /// The future it awaits (asyncio's `_fut_waiter`).
    @exclusivity(unchecked) var waiter: FutureCore?
    /// Set by every suspending await during a step; a step that ends with this false and the
    /// task not done means the body suspended on something the loop does not own.
    @exclusivity(unchecked) var parked = false
    @exclusivity(unchecked) var steps = 0
    /// What it waits on, for deadlock reports: e.g. "Task-2 (at main.swift:12)".
    var waitDescription = ""

    init(loop: EventLoop, id: Int32, name: String, kind: TaskKind) {
        self.id = id
        self.name = name
        self.kind = kind
        super.init(loop: loop, wakeReason: .taskDone)
        self.objectID = id
    }

    var isThread: Bool { kind != .task }

    /// asyncio's `Task.cancel`: cancels what the task awaits, or arranges for
    /// `CancelledError` to be thrown in at its next step.
    override func cancel(message: String?, by: Int32, site: Int32) -> Bool {
        retrieved = true
        loop.emit(.cancelRequested, task: id, other: by, value: isDone ? 0 : 1, site: site)
        guard !isDone else { return false }
        cancelsRequested += 1
        if let w = waiter, w.cancel(message: message, by: id, site: site) {
            return true
        }
        mustCancel = true
        mustCancelMessage = message
        return true
    }
}

extension TaskRecord {
    /// A task that never runs, handed back by a `createTask` that was refused (called off the
    /// loop's thread, outside any run, in a finished task group, or past the id limit): it is
    /// already failed with `error`, so awaiting it or asking its result throws that error.
    static func refused(_ error: SchedulerError, loop: EventLoop?) -> TaskRecord {
        let record = TaskRecord(loop: loop ?? .placeholder, id: -1, name: "refused task", kind: .task)
        record.error = error
        record.retrieved = true
        record.state = .finished
        return record
    }
}

extension EventLoop {
    /// The loop a refused task made outside any run points at; it never runs.
    /// Its run counts as over, so such a task may be read from any thread.
    static let placeholder: EventLoop = {
        let loop = EventLoop(program: ProgramInfo(id: "none", title: "none"), options: RunOptions(tracing: false))
        loop.executor.isRunOver = true
        return loop
    }()
}
