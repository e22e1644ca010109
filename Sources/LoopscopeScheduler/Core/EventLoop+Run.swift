/// The loop's iteration (asyncio's `_run_once`), `run_until_complete`, and idle handling.
extension EventLoop {
    /// What one iteration found to do.
    enum Progress { case ran, idle }

    /// One iteration: run woken threads; if nothing is ready, jump the clock to the earliest
    /// timer; move every due timer to the ready queue; run the entries queued at that moment.
    func runOnce() -> Progress {
        runThreads()
        dropCancelledTimers()
        if ready.isEmpty {
            guard let next = timers.min else { return .idle }
            if next.deadline > now {
                guard checkTimeLimit(next.deadline) else { return .ran }
                let from = now
                now = next.deadline
                emit(.clockJump, value: from)
            }
        }
        while let top = timers.min, top.deadline <= now {
            timers.removeMin()
            let timer = top.timer
            timer.inHeap = false
            if timer.handle.cancelled { continue }
            if let thread = timer.thread {
                // A thread due now runs at once, so whatever it hands the loop lands in the
                // ready queue before callbacks of timers armed after its own.
                runnableThreads.append(thread)
                runThreads()
                continue
            }
            emit(.timerFired, task: timer.handle.task, other: timer.handle.id, value: timer.deadline,
                   reason: timer.purpose.rawValue)
            ready.append(.callback(timer.handle))
        }
        runThreads()
        var todo = ready.count
        while todo > 0, abort == nil {
            todo -= 1
            switch ready.removeFirst() {
            case .step(let task, let wokenBy):
                step(task, wokenBy: wokenBy)
                holdLoopWhileBlocking(task)
            case .callback(let handle):
                if handle.cancelled { continue }
                handle.ran = true
                emit(.callbackRan, task: handle.task, other: handle.id, value: Int64(handle.label))
                handle.body()
            }
        }
        if executor.offThreadEvents > 0 { reportOffThreadWork() }
        if eventCount > options.maxEvents {
            fail(.limit, """
                stopped after \(eventCount) events (the limit is \(options.maxEvents)): the program \
                may never finish; raise the event limit to see more
                """)
        }
        return .ran
    }

    /// asyncio's `run_until_complete`: iterate until `future` is done and the stop callback
    /// it queues has run (so steps queued before it still run). Returns false on deadlock
    /// or abort.
    @discardableResult
    func runUntilComplete(_ future: FutureCore, stopLabel: String) -> Bool {
        stopping = false
        future.addCallback(.call(label: stopLabel, task: -1, body: { [unowned(unsafe) self] _ in
            self.stopping = true
        }))
        while abort == nil {
            if runOnce() == .idle {
                reportDeadlock()
                return false
            }
            if stopping { break }
        }
        stopping = false
        return abort == nil
    }

    /// Iterates until every worker thread has finished (the main thread included).
    func runUntilThreadsFinish() {
        while abort == nil, liveThreads > 0 {
            if runOnce() == .idle {
                reportDeadlock()
                return
            }
        }
    }

    func runThreads() {
        while let thread = runnableThreads.popFirst(), abort == nil {
            guard !thread.isDone else { continue }
            emit(thread.steps == 0 ? .started : .resumed, task: thread.id)
            runSlice(of: thread, throwing: nil)
        }
    }

    /// A loop task that called a blocking function holds the loop: only worker threads move
    /// until the call returns, then the same task runs on in the same step.
    func holdLoopWhileBlocking(_ task: TaskRecord) {
        while let b = blocking, b.task === task, abort == nil {
            blocking = nil
            // The call would hold the loop past the time limit: stop there, as a timer would.
            guard checkTimeLimit(b.until, what: "the blocking call ends") else { return }
            runThreads()
            var loopTimers: [TimerKey] = []
            while let top = timers.min, top.deadline <= b.until {
                timers.removeMin()
                guard !top.timer.handle.cancelled else {
                    top.timer.inHeap = false
                    continue
                }
                guard let thread = top.timer.thread else {
                    loopTimers.append(top)   // due while the loop is held: fires afterwards
                    continue
                }
                top.timer.inHeap = false
                now = max(now, top.deadline)
                runnableThreads.append(thread)
                runThreads()
            }
            for key in loopTimers { timers.insert(key) }
            now = max(now, b.until)
            runSlice(of: task, throwing: nil)
        }
    }

    private func dropCancelledTimers() {
        while let top = timers.min, top.timer.handle.cancelled {
            timers.removeMin()
            top.timer.inHeap = false
        }
    }

    func checkTimeLimit(_ t: Int64, what: String = "the next timer is") -> Bool {
        guard t > options.maxVirtualTime.nanoseconds else { return true }
        fail(.limit, """
            stopped at virtual time \(VirtualTime(nanoseconds: now)) s: \(what) at \
            \(VirtualTime(nanoseconds: t)) s, past the limit of \(options.maxVirtualTime) s; raise \
            the time limit to see more
            """)
        return false
    }

    /// Nothing is ready, no timer is pending, and someone still waits: name every stuck task.
    func reportDeadlock() {
        // Work that escaped to another thread may be what these tasks wait for: say so first.
        if executor.offThreadEvents > 0 { return reportOffThreadWork() }
        let stuck = records.filter { !$0.isDone }
        let lines = stuck.map { "  \($0.name) waits on \($0.waitDescription.isEmpty ? "nothing it can name" : $0.waitDescription)" }
        fail(.deadlock, (["deadlock: nothing is ready and no timer is pending, so nothing can ever wake these:"]
            + lines).joined(separator: "\n"))
    }
}
