extension EventLoop {
    /// The loop of the calling task, checked to be running on the loop's own thread.
    static func running() throws -> EventLoop {
        guard let loop = current else {
            throw SchedulerError("no running loop: loopscope's awaitables work only inside asyncioRun or threadsRun")
        }
        guard loop.executor.isOnLoopThread else {
            loop.executor.noteForeignCall()
            throw SchedulerError("""
                a loopscope call ran off the loop's thread (from a raw Task {} or after an await \
                the loop does not own); create tasks with createTask
                """)
        }
        return loop
    }

    /// Like `running()`, for calls that cannot throw: misuse is a programming error.
    static func runningOrDie(_ what: String) -> EventLoop {
        do {
            return try running()
        } catch {
            fatalError("loopscope: \(what): \(error)")
        }
    }

    /// The running task, which must be a loop task (not a worker thread).
    func runningTask(_ what: String) throws -> TaskRecord {
        guard let task = running, task.kind == .task else {
            throw SchedulerError("\(what) needs a loop task; worker threads use blockingSleep and join")
        }
        return task
    }
}

extension VirtualTime {
    /// Seconds as a short literal, as a program would write them: `1`, `0.5`, `6.25`.
    static func literal(_ seconds: Double) -> String { VirtualTime(seconds: seconds).description }
}
