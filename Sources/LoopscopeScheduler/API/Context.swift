extension EventLoop {
    /// The loop of the calling task, checked to be running on the loop's own thread.
    static func running(_ what: @autoclosure () -> String = "a loopscope call",
                        file: StaticString = #fileID, line: UInt = #line) throws -> EventLoop {
        guard let loop = current else {
            throw SchedulerError("no running loop: loopscope's awaitables work only inside asyncioRun or threadsRun")
        }
        guard loop.executor.isOnLoopThread else {
            let call = "\(what()) at \(file):\(line)"
            loop.executor.noteOffThread(call)
            throw SchedulerError("""
                \(call) ran off the loop's thread (from a raw Task {} or after an await the loop \
                does not own); create tasks with createTask
                """)
        }
        return loop
    }

    /// For calls that cannot throw: the running loop, or nil when there is none or the
    /// caller is on another thread (then the misuse is logged and the run reports it).
    static func runningOrReport(_ what: @autoclosure () -> String, file: StaticString, line: UInt) -> EventLoop? {
        try? running(what(), file: file, line: line)
    }

    /// The virtual time `seconds` from now, saturating at the end of the clock (a timer that
    /// far away stops the run at the time limit). NaN is refused.
    func deadline(after seconds: Double, for what: @autoclosure () -> String) throws -> Int64 {
        guard !seconds.isNaN else { throw SchedulerError("\(what()): the delay is NaN; pass a number of seconds") }
        let (sum, overflow) = now.addingReportingOverflow(VirtualTime(seconds: seconds).nanoseconds)
        return overflow ? (seconds > 0 ? .max : .min) : sum
    }

    /// For calls that must hand back something tied to a loop (a future, a timeout): the
    /// running loop, or, when there is none or the caller is off its thread (the misuse is
    /// then logged and the run reports it), a loop of its own that never runs, so the call
    /// returns an object that never completes instead of crashing.
    static func runningOrInert(_ what: @autoclosure () -> String, file: StaticString = #fileID,
                               line: UInt = #line) -> EventLoop {
        runningOrReport(what(), file: file, line: line) ?? inert()
    }

    /// A loop that never runs, for objects handed back by refused calls. Futures made on it
    /// point at it without holding it, so it is never freed.
    static func inert() -> EventLoop {
        let inert = EventLoop(program: ProgramInfo(id: "inert", title: "inert"), options: RunOptions(tracing: false))
        inert.abort = (.exception, "a call ran outside a run or off the loop's thread")
        inert.executor.isRunOver = true
        _ = Unmanaged.passRetained(inert)
        return inert
    }

    /// The running task, which must be a loop task (not a worker thread).
    func runningTask(_ what: String) throws -> TaskRecord {
        guard let task = running, task.kind == .task else {
            throw SchedulerError("\(what) needs a loop task; worker threads use blockingSleep and join")
        }
        return task
    }
}

/// The thread an object of the loop (an event, a queue, a shared value…) belongs to, as a
/// loop-bound wrapper keeps it: every synchronous member asks `allows` first.
///
/// The object binds to the loop that first touches it from the loop's own thread. While that
/// run lasts, a touch from any other thread is refused and logged, and the run ends
/// reporting it with the call and its line, instead of racing. Outside any run (before the
/// first, or after its run is over) a touch is allowed: nothing else runs then.
struct LoopAffinity {
    private var executor: LoopExecutor?

    init() {
        if let loop = EventLoop.current, loop.executor.isOnLoopThread { executor = loop.executor }
    }

    /// Whether the caller may touch the object now; false (and logged) off the loop's thread.
    /// Properties pass no line (a getter cannot know its caller's).
    @inline(__always)
    mutating func allows(_ what: @autoclosure () -> String, file: StaticString? = nil, line: UInt = 0) -> Bool {
        if let executor, !executor.isRunOver {
            if executor.isOnLoopThread { return true }
            executor.noteOffThread(Self.call(what(), file, line))
            return false
        }
        guard let loop = EventLoop.current else { return true }
        guard loop.executor.isOnLoopThread else {
            loop.executor.noteOffThread(Self.call(what(), file, line))
            return false
        }
        executor = loop.executor
        return true
    }

    /// For objects tied to one loop from birth (a future, a handle, a timeout, the running
    /// loop): whether the caller may touch one of `loop` now — on its thread, or once its run
    /// is over. Off it, the call is logged (the run ends reporting it) and refused.
    @inline(__always)
    static func allows(_ loop: EventLoop, _ what: @autoclosure () -> String, file: StaticString? = nil,
                       line: UInt = 0) -> Bool {
        let executor = loop.executor
        if executor.isOnLoopThread || executor.isRunOver { return true }
        executor.noteOffThread(call(what(), file, line))
        return false
    }

    /// The error a refused throwing call raises in the calling thread.
    static func refused(_ what: String, _ file: StaticString, _ line: UInt) -> SchedulerError {
        SchedulerError("\(what) at \(file):\(line) ran off the loop's thread and was refused")
    }

    private static func call(_ what: String, _ file: StaticString?, _ line: UInt) -> String {
        file.map { "\(what) at \($0):\(line)" } ?? what
    }
}

extension VirtualTime {
    /// Seconds as a short literal, as a program would write them: `1`, `0.5`, `6.25`.
    static func literal(_ seconds: Double) -> String { VirtualTime(seconds: seconds).description }
}
