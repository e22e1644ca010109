/// The end of a run: asyncio.run's cancel-everything shutdown and the final reports.
extension EventLoop {
    /// asyncio's `_cancel_all_tasks`: cancel every pending task, run until they finish, then
    /// close suspended async generators (`shutdown_asyncgens`), then wait for worker threads
    /// (asyncio's `shutdown_default_executor`).
    func shutdown(site: Int32) {
        let pending = records.filter { $0.kind == .task && !$0.isDone }
        emit(.shutdown, value: Int64(pending.count))
        if !pending.isEmpty {
            for task in pending { _ = task.cancel(message: nil, by: -1, site: site) }
            let all = gatherFuture(pending, returnExceptions: true)
            runUntilComplete(all, stopLabel: "asyncio.run: cancelled tasks finished, stop the loop")
            for task in pending where task.state == .finished && task.error != nil {
                task.retrieved = true
                warn(.exceptionNeverRetrieved, "unhandled exception during asyncio.run() shutdown: \(task.name) raised \(describeError(task.error!))", task: task.id)
            }
        }
        if abort == nil { shutdownAsyncGenerators(site: site) }
        runUntilThreadsFinish()
    }

    func warn(_ kind: WarningKind, _ message: String, task: Int32 = -1, site: Int32 = -1) {
        emit(.warning, task: task, value: intern(message), site: site, reason: kind.rawValue)
    }

    /// Reports never-retrieved exceptions, records `finished`, and hands back the result.
    func finishRun() -> RunResult {
        if abort == nil {
            for r in records where r.state == .finished && r.error != nil && !r.retrieved {
                warn(.exceptionNeverRetrieved,
                     "Task exception was never retrieved: \(r.name) raised \(describeError(r.error!))", task: r.id)
            }
        }
        reportOffThreadWork()
        let outcome = abort?.outcome ?? .ok
        let message = abort?.message
        emit(.finished, value: intern(message ?? ""), reason: outcome.rawValue)
        isFinished = true
        executor.isRunOver = true
        let trace = recorder.builder.build()
        if tracing { TraceCheck.made(trace, by: "the scheduler") }
        return RunResult(trace: trace, outcome: outcome, message: message,
                         switches: switches, duration: VirtualTime(nanoseconds: now))
    }

    /// Ends the run if work or calls reached the loop from another thread: they were refused,
    /// and the program did not do what it says.
    func reportOffThreadWork() {
        guard executor.offThreadEvents > 0, abort == nil else { return }
        fail(.exception, offThreadReport())
    }

    func offThreadReport() -> String {
        let log = executor.offThreadLog
        var lines: [String] = []
        if log.callCount > 0 {
            lines.append("\(log.callCount) call(s) reached the loop from another thread and were refused:")
            lines += log.calls.map { "  \($0)" }
            if log.callCount > log.calls.count { lines.append("  …") }
        }
        if log.jobs > 0 {
            lines.append("""
                \(log.jobs) job(s) tried to run off the loop's thread and were refused: a raw Task {} or an \
                await the loop does not own ran on another thread
                """)
        }
        lines.append("Only tasks made with createTask (and worker threads made with startThread or toThread) run on the loop.")
        return lines.joined(separator: "\n")
    }
}
