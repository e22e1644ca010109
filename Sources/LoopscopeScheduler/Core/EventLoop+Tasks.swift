/// Creating tasks and threads, running their steps, and finishing them.
extension EventLoop {
    /// Creates a task (or thread) whose body is `body`; its first job is parked until its
    /// first step. Records `created`. Does not schedule it.
    func spawn<T: Sendable>(kind: TaskKind, name: String?, label: String, site: Int32,
                            _ body: @escaping @Sendable () async throws -> T) -> TaskRecord {
        guard records.count < options.idLimit else {
            let message = "stopped after \(options.idLimit) tasks and threads: task ids are 32-bit in a trace"
            fail(.limit, message)
            return .refused(SchedulerError(message), loop: self)
        }
        let id = Int32(records.count)
        let taskName: String
        if let name {
            taskName = name
        } else if kind == .task {
            taskNumber += 1
            taskName = "Task-\(taskNumber)"
        } else if kind == .mainThread {
            taskName = "MainThread"
        } else {
            threadNumber += 1
            taskName = "Thread-\(threadNumber)"
        }
        let record = TaskRecord(loop: self, id: id, name: taskName, kind: kind)
        records.append(record)
        if record.isThread { liveThreads += 1 }
        if tracing {
            _ = recorder.builder.addTask(TaskInfo(name: taskName, label: label, kind: kind,
                                                  parent: running?.id ?? -1))
        }
        emit(.created, task: id, other: running?.id ?? -1, value: intern(label), site: site,
               reason: kind.rawValue)
        executor.parkInto = record
        let loop = self
        EventLoop.$current.withValue(self) {
            _ = Task(executorPreference: executor) {
                await loop.runBody(of: record, body)
            }
        }
        executor.parkInto = nil
        return record
    }

    /// The Swift task's whole life: run the body, then settle the record.
    private func runBody<T: Sendable>(of record: TaskRecord, _ body: @Sendable () async throws -> T) async {
        record.swiftTask = withUnsafeCurrentTask { $0 }
        do {
            if let e = record.pendingThrow {
                record.pendingThrow = nil
                throw e
            }
            let value = try await body()
            finish(record, value: value, error: nil)
        } catch {
            finish(record, value: nil, error: error)
        }
        record.swiftTask = nil
    }

    /// asyncio's `Task.__step` epilogue: result, error or cancellation, then the callbacks.
    func finish(_ record: TaskRecord, value: (any Sendable)?, error: (any Error)?) {
        if record.isThread { liveThreads -= 1 }
        if let error, !(error is CancelledError) {
            record.error = error
            record.state = .finished
            emit(.failed, task: record.id, value: intern(describeError(error)))
        } else if error != nil || record.mustCancel {
            record.mustCancel = false
            record.state = .cancelled
            record.cancelMessage = (error as? CancelledError)?.message ?? record.mustCancelMessage
            emit(.cancelled, task: record.id, value: -1)
        } else {
            record.value = value
            record.state = .finished
            emit(.completed, task: record.id, value: intern(describeValue(value as Any)))
        }
        scheduleCallbacks(of: record)
    }

    /// Runs one step of a loop task: asyncio's `Task.__step` / `__wakeup`.
    func step(_ task: TaskRecord, wokenBy: FutureCore?) {
        guard !task.isDone else { return }
        var thrown: (any Error)?
        var mode = ResumeMode.normal
        if let w = wokenBy, let e = w.awaitError() {
            thrown = e
            mode = e is CancelledError ? .cancelled : .error
        }
        if task.mustCancel {
            if !(thrown is CancelledError) { thrown = CancelledError(message: task.mustCancelMessage) }
            mode = .cancelled
            task.mustCancel = false
        }
        task.waiter = nil
        emit(task.steps == 0 ? .started : .resumed, task: task.id, reason: mode.rawValue)
        runSlice(of: task, throwing: thrown)
    }

    /// Resumes a task or thread where it is parked and runs it until it parks again or ends.
    func runSlice(of task: TaskRecord, throwing thrown: (any Error)?) {
        running = task
        task.parked = false
        task.steps += 1
        switches += 1
        // The job this step runs first is the driver's when it is the task's first job, or the
        // job of a continuation its driver left, queued behind nothing (see `isDriver`).
        executor.jobsThisStep = 0
        executor.firstJobIsDriver = task.startJob != nil
            || (task.parkedByDriver && task.continuation != nil && executor.isIdle)
        task.parkedByDriver = false
        if let job = task.startJob {
            task.startJob = nil
            task.pendingThrow = thrown
            executor.run(job)
        } else if let c = task.continuation {
            task.continuation = nil
            if let thrown { c.resume(throwing: thrown) } else { c.resume() }
            executor.drain()
        }
        running = nil
        if !task.isDone && !task.parked && abort == nil {
            fail(.exception, """
                \(task.name) gave up control without awaiting anything the loop owns (at its last \
                await after \(task.waitDescription.isEmpty ? "its start" : task.waitDescription)). \
                Only loopscope's awaitables (sleep, createTask's value(), gather, Queue, Lock, …) may \
                suspend a task: Task.sleep, actors, raw Task {}, async let and withTaskGroup run off \
                the loop; use createTask with value(), gather or taskGroup instead.
                """)
        }
    }

    /// Parks the running task on a future: asyncio's `yield future` inside `__step`.
    /// Records `suspended`; the task's next step comes when the future completes.
    func park(on future: FutureCore, reason: WaitReason, other: Int32 = -1, value: Int64 = 0,
              site: Int32, describe: @autoclosure () -> String) async throws {
        guard let task = running else { throw notInTask() }
        guard task.continuation == nil, isDriver(of: task) else { throw structuredChild(of: task, site: site) }
        try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Void, any Error>) in
            task.continuation = c
            task.parkedByDriver = true
            task.parked = true
            task.waiter = future
            // Only for deadlock reports; skipped in huge runs, where building it costs.
            if records.count < 100_000 { task.waitDescription = describe() }
            emit(.suspended, task: task.id, other: other, value: value, site: site, reason: reason.rawValue)
            if task.isThread {
                future.addCallback(.wakeThread(task))
            } else {
                future.addCallback(.wake(task))
                if task.mustCancel, future.cancel(message: task.mustCancelMessage, by: task.id, site: site) {
                    task.mustCancel = false
                }
            }
        }
    }

    /// A bare `yield`: the task goes to the back of the ready queue (asyncio's `sleep(0)`).
    func yieldStep(site: Int32) async throws {
        guard let task = running else { throw notInTask() }
        guard task.continuation == nil, isDriver(of: task) else { throw structuredChild(of: task, site: site) }
        try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Void, any Error>) in
            task.continuation = c
            task.parkedByDriver = true
            task.parked = true
            emit(.suspended, task: task.id, site: site, reason: WaitReason.yield.rawValue)
            scheduleStep(task, reason: .yielded)
        }
    }

    /// Whether the calling Swift task is the one that runs `task`'s body (or the body of the
    /// async generator it drives), not a child of `async let` or `withTaskGroup`.
    ///
    /// Checked once per step where it can be: while the first job of a step runs, and the
    /// loop knew when it began the step that this job is the driver's (`runSlice`), the
    /// answer is yes without asking the runtime. Any later job of the step (a child, a
    /// generator's body, the driver after awaiting either) asks the runtime which task runs.
    @inline(__always)
    func isDriver(of task: TaskRecord) -> Bool {
        if executor.jobsThisStep == 1 && executor.firstJobIsDriver { return true }
        return withUnsafeCurrentTask { $0 == task.swiftTask }
    }

    /// A second Swift task awaited as `task` while `task` itself was suspended: a child of
    /// `async let` or `withTaskGroup`, which runs inside its parent's step. The run ends
    /// naming both constructs and what to use instead.
    func structuredChild(of task: TaskRecord, site: Int32) -> SchedulerError {
        let at = siteText(site)
        let message = """
            a child task of \(task.name) awaited loopscope\(at.isEmpty ? "" : " at \(at)") while \(task.name) \
            was itself suspended: `async let` and `withTaskGroup` children run inside their parent and \
            cannot be traced as tasks of the loop. Use createTask with value(), gather(...) or \
            taskGroup { } instead.
            """
        fail(.exception, message, warning: .misuse, site: site)
        return SchedulerError(message)
    }

    func notInTask() -> SchedulerError {
        SchedulerError("an await of loopscope's ran outside a loop task: run the program with asyncioRun or threadsRun")
    }

    func fail(_ outcome: RunOutcome, _ message: String, warning: WarningKind? = nil, site: Int32 = -1) {
        guard abort == nil else { return }
        abort = (outcome, message)
        let byOutcome: WarningKind = switch outcome {
        case .deadlock: .deadlock
        case .limit: .limit
        default: .escapedJob
        }
        let kind = warning ?? byOutcome
        emit(.warning, task: kind == .misuse ? running?.id ?? -1 : -1, value: intern(message), site: site,
             reason: kind.rawValue)
    }
}

extension EventLoop {
    /// Parks the running worker thread until `deadline` (a blocking sleep on its own thread).
    func parkThread(until deadline: Int64, site: Int32, describe: @autoclosure () -> String) async throws {
        guard let thread = running else { throw notInTask() }
        try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Void, any Error>) in
            thread.continuation = c
            thread.parked = true
            thread.waitDescription = describe()
            emit(.suspended, task: thread.id, value: deadline, site: site, reason: WaitReason.sleep.rawValue)
            wakeThread(thread, at: deadline)
        }
    }

    /// Parks the running loop task in a blocking call: the loop resumes it, in the same step,
    /// once the clock reaches `deadline` (see `holdLoopWhileBlocking`).
    func holdLoop(until deadline: Int64) async throws {
        guard let task = running else { throw notInTask() }
        try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Void, any Error>) in
            task.continuation = c
            task.parked = true
            blocking = (task, deadline)
        }
    }
}
