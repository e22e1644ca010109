/// The event-by-event rules: task lifecycles, the ready queue, timers and the running task.
extension TraceValidator {
    mutating func replay(_ e: TraceEvent, previousTime: VirtualTime) {
        let t = e.task
        if t >= 0, e.kind != .created, !tasks[Int(t)].created {
            report("\(name(t)) appears in a \(e.kind) event before it is created")
        }
        switch e.kind {
        case .created: created(e)
        case .scheduled:
            if isThread(t) { report("\(name(t)) is a worker thread; threads never sit in the ready queue"); return }
            if tasks[Int(t)].ended { report("\(name(t)) scheduled after it ended") }
            if tasks[Int(t)].queued {
                report("\(name(t)) scheduled while its step is already in the ready queue")
            } else {
                tasks[Int(t)].queued = true
                ready.append(.step(t))
            }
        case .started, .resumed: step(e)
        case .suspended, .awaitedReady:
            if !tasks[Int(t)].running { report("\(name(t)) \(e.kind == .suspended ? "suspended" : "awaited") but it is not running") }
            if e.kind == .suspended { stop(t) }
        case .completed, .failed, .cancelled:
            if tasks[Int(t)].ended {
                report("\(name(t)) \(e.kind) but it had already ended")
            } else if !tasks[Int(t)].running {
                report("\(name(t)) \(e.kind) but it is not running")
            }
            stop(t)
            tasks[Int(t)].ended = true
        case .cancelRequested:
            if e.value != 0 && e.value != 1 {
                report("cancelRequested value \(e.value) must be 1 (accepted) or 0 (already done)")
            } else if e.value == 1 && tasks[Int(t)].ended {
                report("cancelling \(name(t)) was accepted but it had already ended")
            } else if e.value == 0 && !tasks[Int(t)].ended {
                report("cancelling \(name(t)) was refused but it had not ended")
            }
            if e.other >= 0, !tasks[Int(e.other)].created {
                report("\(name(e.other)) asked to cancel \(name(t)) before it was created")
            }
        case .printed:
            if t >= 0, !tasks[Int(t)].running { report("\(name(t)) printed but it is not running") }
        case .clockJump:
            if e.value > e.time.nanoseconds {
                report("the clock jumped backwards from \(VirtualTime(nanoseconds: e.value)) to \(e.time)")
            } else if e.value < previousTime.nanoseconds {
                report("the clock jumped from \(VirtualTime(nanoseconds: e.value)), before the previous event at \(previousTime)")
            }
            if let entry = headOfReady {
                report("the clock jumped while the ready queue still held \(describe(entry))")
            }
            if let running = onLoop { report("the clock jumped while \(name(running)) was running") }
        case .blocked:
            if !tasks[Int(t)].running { report("\(name(t)) blocked but it is not running") }
            if e.value < 0 { report("a blocked span cannot last \(VirtualTime(nanoseconds: e.value))") }
        case .timerAdded:
            if timers[e.other] != nil { report("timer \(e.other) added while it is already pending") }
            timers[e.other] = e.value
        case .timerFired:
            guard let deadline = timers.removeValue(forKey: e.other) else {
                report("timer \(e.other) fired but it is not pending (never added, or already fired or cancelled)")
                ready.append(.callback(e.other))
                return
            }
            if e.time.nanoseconds < deadline {
                report("timer \(e.other) fired at \(e.time), before its deadline \(VirtualTime(nanoseconds: deadline))")
            }
            ready.append(.callback(e.other))
        case .timerCancelled:
            // Version 2: a callback waiting in the ready queue can be cancelled too.
            if timers.removeValue(forKey: e.other) == nil {
                if let i = ready[readyHead...].firstIndex(of: .callback(e.other)) {
                    ready.remove(at: i)
                } else {
                    report("timer \(e.other) cancelled but it is neither pending nor in the ready queue (never added, already run or already cancelled)")
                }
            }
        case .callbackQueued:
            ready.append(.callback(e.other))
        case .callbackRan:
            if let running = onLoop { report("callback \(e.other) ran while \(name(running)) was running") }
            pop(.callback(e.other), "callback \(e.other) ran")
        case .warning:
            break
        case .shutdown:
            if let shutdownAt { report("a second shutdown (the first was event \(shutdownAt))") }
            shutdownAt = index
            if e.value < 0 { report("shutdown with \(e.value) pending tasks") }
        case .finished:
            finishedAt = index
        }
    }

    private mutating func created(_ e: TraceEvent) {
        let t = e.task
        guard !tasks[Int(t)].created else { report("\(name(t)) created twice"); return }
        tasks[Int(t)].created = true
        let info = trace.tasks[Int(t)]
        if e.reason != info.kind.rawValue {
            let said = TaskKind(rawValue: e.reason).map { "\($0)" } ?? "lane \(e.reason)"
            report("\(info.name) created as a \(said) but its lane is a \(info.kind)")
        }
        if e.other != info.parent {
            report("\(info.name) created by \(e.other == -1 ? "the runner" : name(e.other)) "
                + "but its parent is \(info.parent == -1 ? "the runner" : name(info.parent))")
        }
        if e.other >= 0, !tasks[Int(e.other)].created {
            report("\(info.name) created by \(name(e.other)), which is not created yet")
        }
    }

    /// `started` / `resumed`: a step begins; loop tasks take it from the ready queue.
    private mutating func step(_ e: TraceEvent) {
        let t = e.task
        let verb = e.kind == .started ? "started" : "resumed"
        if e.kind == .started, tasks[Int(t)].started { report("\(name(t)) started twice") }
        if e.kind == .resumed, !tasks[Int(t)].started { report("\(name(t)) resumed before it started") }
        if tasks[Int(t)].ended { report("\(name(t)) \(verb) after it ended") }
        if tasks[Int(t)].running { report("\(name(t)) \(verb) while it is already running") }
        tasks[Int(t)].started = true
        tasks[Int(t)].running = true
        guard !isThread(t) else { return }
        if let running = onLoop, running != t { report("\(name(t)) \(verb) while \(name(running)) is still running") }
        onLoop = t
        pop(.step(t), "\(name(t)) \(verb)")
        tasks[Int(t)].queued = false
    }

    private mutating func stop(_ t: Int32) {
        tasks[Int(t)].running = false
        if onLoop == t { onLoop = nil }
    }

    var headOfReady: Entry? { readyHead < ready.count ? ready[readyHead] : nil }

    /// Takes `entry` off the ready queue, reporting when it is not at the head.
    private mutating func pop(_ entry: Entry, _ what: String) {
        if headOfReady == entry {
            readyHead += 1
            if readyHead > 4096, readyHead * 2 > ready.count {
                ready.removeFirst(readyHead)
                readyHead = 0
            }
            return
        }
        guard let head = headOfReady else { report("\(what) but the ready queue is empty"); return }
        report("\(what) but the ready queue's head is \(describe(head))")
        if let i = ready[readyHead...].firstIndex(of: entry) { ready.remove(at: i) }
    }

    func describe(_ entry: Entry) -> String {
        switch entry {
        case .step(let t): name(t)
        case .callback(let h): "callback \(h)"
        }
    }
}
