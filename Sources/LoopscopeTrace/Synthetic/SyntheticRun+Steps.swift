/// What main and the workers do in each step.
extension SyntheticRun {
    static let ms: Int64 = 1_000_000

    mutating func step(_ t: Int32) {
        var w = workers[Int(t)]
        let first = !w.started
        emit(first ? .started : .resumed, task: t,
             reason: first ? 0 : (w.cancelPending ? ResumeMode.cancelled : .normal).rawValue)
        w.started = true
        w.phase = .running
        workers[Int(t)] = w
        if t == 0 { return mainStep() }
        if w.cancelPending {
            if rng.chance(500) { emit(.printed, task: t, value: text("worker \(w.number): cleaning up"), line: 15) }
            end(t, .cancelled, value: -1)
            return
        }
        workerStep(t, first: first)
    }

    mutating func end(_ t: Int32, _ kind: EventKind, value: Int64, line: Int = 0) {
        emit(kind, task: t, value: value, line: line)
        workers[Int(t)].phase = .done
        if let i = live.firstIndex(of: t) { live.swapAt(i, live.count - 1); live.removeLast() }
    }

    // MARK: main

    mutating func mainStep() {
        if b.eventCount + live.count * 5 >= budget || (spawned == workersPlanned && live.isEmpty) {
            return shutdown()
        }
        if spawned < workersPlanned {
            let batch = min(workersPlanned - spawned, max(1, workersPlanned / 40) + rng.below(4))
            for _ in 0..<batch {
                spawned += 1
                let id = newTask("worker(\(spawned))", kind: .task, parent: 0, line: 4)
                workers[Int(id)].number = spawned
                workers[Int(id)].stepsLeft = 1 + rng.below(stepsPerWorker * 2)
                workers[Int(id)].needsThread = spawned % 50 == 49
                live.append(id)
                schedule(id, .created)
            }
            emit(.printed, task: 0, value: text("spawned \(batch) workers"), line: 5)
            if rng.chance(300) {
                let h = nextHandle
                nextHandle += 1
                let s = b.intern("progress: \(spawned) of \(workersPlanned) started")
                emit(.callbackQueued, other: h, value: text("logProgress()"), line: 6)
                ready.append(.callback(h, .log(s)))
            }
        } else if !live.isEmpty, rng.chance(250) {
            cancel(live[rng.below(live.count)], by: 0)
        }
        sleep(0, 100 * Self.ms + rng.within(0...400) * Self.ms, line: 7)
    }

    /// `task.cancel()` from `by` (-1: the runner).
    mutating func cancel(_ t: Int32, by: Int32) {
        let w = workers[Int(t)]
        guard w.phase != .done else {
            emit(.cancelRequested, task: t, other: by, value: 0, line: by == 0 ? 8 : 0)
            return
        }
        guard !w.cancelPending else { return }
        emit(.cancelRequested, task: t, other: by, value: 1, line: by == 0 ? 8 : 0)
        workers[Int(t)].cancelPending = true
        switch w.phase {
        case .sleeping:
            emit(.timerCancelled, task: t, other: w.timer, value: timers.deadline(of: w.timer),
                 reason: TimerPurpose.sleep.rawValue)
            timerAction[w.timer] = nil
            schedule(t, .cancelled, by: by)
        case .waitingThread:
            schedule(t, .cancelled, by: by)
        case .queued, .waking, .running, .done:
            break
        }
    }

    mutating func shutdown() {
        emit(.completed, task: 0, value: text("None"))
        workers[0].phase = .done
        emit(.shutdown, value: Int64(live.count))
        for t in live.sorted() { cancel(t, by: -1) }
    }

    // MARK: workers

    mutating func workerStep(_ t: Int32, first: Bool) {
        let n = workers[Int(t)].number
        if first && workers[Int(t)].needsThread {
            let thread = newTask("blockingIO()", kind: .thread, parent: t, line: 13)
            emit(.started, task: thread)
            let nap = 200 * Self.ms
            emit(.blocked, task: thread, value: nap, line: 22, reason: BlockingKind.sleep.rawValue)
            _ = addTimer(owner: thread, after: nap, purpose: .thread, action: .threadDone(thread: thread, waiter: t))
            emit(.suspended, task: t, other: thread, value: 1, line: 13, reason: WaitReason.thread.rawValue)
            workers[Int(t)].phase = .waitingThread
            return
        }
        workers[Int(t)].stepsLeft -= 1
        let stepNumber = workers[Int(t)].stepsLeft
        if rng.chance(400) { emit(.printed, task: t, value: text("worker \(n): step \(stepNumber)"), line: 15) }
        if rng.chance(60) {
            let work = rng.within(1...20) * Self.ms
            emit(.blocked, task: t, value: work, line: 16, reason: BlockingKind.cpu.rawValue)
            clock += work
        }
        if stepNumber <= 0 {
            if rng.chance(30) {
                failed.append(t)
                end(t, .failed, value: text("ValueError('worker \(n) gave up')"), line: 19)
            } else {
                end(t, .completed, value: text("'result \(n)'"), line: 19)
            }
        } else if rng.chance(150) {
            emit(.suspended, task: t, line: 17, reason: WaitReason.yield.rawValue)
            schedule(t, .yielded)
        } else {
            sleep(t, rng.within(1...2_000) * Self.ms, line: 17)
        }
    }
}

/// A binary min-heap of timers ordered by (deadline, id); ids only grow, so equal
/// deadlines fire in the order they were armed.
struct TimerHeap {
    private var items: [(deadline: Int64, id: Int32)] = []
    private var deadlines: [Int32: Int64] = [:]

    func deadline(of id: Int32) -> Int64 { deadlines[id] ?? 0 }

    mutating func push(deadline: Int64, id: Int32) {
        deadlines[id] = deadline
        items.append((deadline, id))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    /// The earliest deadline among timers still in `live`, dropping cancelled ones.
    mutating func peekDeadline(liveIn live: [Int32: SyntheticRun.Action]) -> Int64? {
        while let top = items.first {
            if live[top.id] != nil { return top.deadline }
            _ = pop()
        }
        return nil
    }

    /// Pops the earliest timer if it is due at `now`.
    mutating func popDue(_ now: Int64) -> (Int64, Int32)? {
        guard let top = items.first, top.deadline <= now else { return nil }
        return pop()
    }

    private mutating func pop() -> (Int64, Int32)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        deadlines[top.id] = nil
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, less(l, m) { m = l }
            if r < items.count, less(r, m) { m = r }
            guard m != i else { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        items[a].deadline != items[b].deadline ? items[a].deadline < items[b].deadline : items[a].id < items[b].id
    }
}
