import LoopscopeTrace

/// Replays the loop's bookkeeping events (ready-queue pushes and pops, timers, the running
/// task) to recover the ready queue and pending timers at any point.
///
/// Internal: `Timeline` keeps periodic snapshots of it and replays forward from the nearest
/// one in `state(atStep:)`. It keeps no history and knows nothing of lanes or output.
struct LoopReplay: Sendable {
    /// The ready queue is `queue[head...]`; popping the front only moves `head`.
    private(set) var queue: [ReadyEntry] = []
    private(set) var head = 0
    /// Pending timers, unordered. `timerSlot[id - timerBase]` is the index in `timers` of
    /// timer `id` for ids in the slot window (timer ids grow, so the window is dense); a
    /// timer without a slot (sparse or out-of-order ids) is found by a linear search.
    private(set) var timers: [PendingTimer] = []
    private var timerSlot: [Int32] = []
    /// `Int32.min`: not chosen yet (the first timer armed sets it).
    private var timerBase: Int32 = 0
    private(set) var running: Int32 = -1
    /// Events applied so far: the next event to apply.
    private(set) var nextEvent = 0

    /// The widest slot window, and the most it grows for one timer.
    private static let slotLimit = 1 << 24
    private static let maxGrowth = 1 << 12

    var queueCount: Int { queue.count - head }
    var readyQueue: ArraySlice<ReadyEntry> { queue[head...] }

    /// Applies event `index` of the trace; `isThread` says which tasks are worker threads.
    mutating func apply(_ e: TraceEvent, index: Int, isThread: [Bool]) {
        nextEvent = index + 1
        let i = Int32(truncatingIfNeeded: index)
        switch e.kind {
        case .scheduled:
            queue.append(ReadyEntry(kind: .taskStep, task: e.task, handle: -1, event: i))
        case .callbackQueued:
            queue.append(ReadyEntry(kind: .callback, task: e.task, handle: e.other, event: i))
        case .timerFired:
            removeTimer(e.other)
            queue.append(ReadyEntry(kind: .callback, task: e.task, handle: e.other, event: i))
        case .timerAdded:
            addTimer(PendingTimer(id: e.other, deadline: VirtualTime(nanoseconds: e.value), task: e.task,
                                  purpose: TimerPurpose(rawValue: e.reason) ?? .sleep, event: i))
        case .timerCancelled:
            // A pending timer, or (version 2) a callback waiting in the ready queue.
            if !removeTimer(e.other) { pop { $0.kind == .callback && $0.handle == e.other } }
        case .started, .resumed:
            let thread = e.task >= 0 && Int(e.task) < isThread.count && isThread[Int(e.task)]
            if !thread {
                pop { $0.kind == .taskStep && $0.task == e.task }
                running = e.task
            }
        case .callbackRan:
            pop { $0.kind == .callback && $0.handle == e.other }
        case .suspended, .completed, .failed, .cancelled:
            if e.task == running { running = -1 }
        default:
            break
        }
    }

    /// Removes the first queue entry matching `match` (normally the front one).
    private mutating func pop(_ match: (ReadyEntry) -> Bool) {
        guard let at = queue[head...].firstIndex(where: match) else { return }
        if at == head {
            head += 1
            if head >= 1024 && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
        } else {
            queue.remove(at: at)
        }
    }

    /// The slot of a timer id, if it has one: ids inside the table, or just past its end.
    private func slot(_ id: Int32) -> Int? {
        guard timerBase != Int32.min else { return nil }
        let d = Int(id) - Int(timerBase)
        return d >= 0 && d < timerSlot.count ? d : nil
    }

    private mutating func addTimer(_ t: PendingTimer) {
        if timerBase == Int32.min { timerBase = t.id }
        let d = Int(t.id) - Int(timerBase)
        // Grow the table for ids that follow on; a far jump (sparse ids) goes unslotted.
        if d >= timerSlot.count && d - timerSlot.count < Self.maxGrowth && d < Self.slotLimit {
            timerSlot.append(contentsOf: repeatElement(-1, count: d + 1 - timerSlot.count))
        }
        if let k = slot(t.id) { timerSlot[k] = Int32(timers.count) }
        timers.append(t)
    }

    @discardableResult
    private mutating func removeTimer(_ id: Int32) -> Bool {
        let at: Int
        if let k = slot(id), timerSlot[k] >= 0 {
            at = Int(timerSlot[k])
            timerSlot[k] = -1
        } else {
            guard let found = timers.firstIndex(where: { $0.id == id }) else { return false }
            at = found
        }
        let last = timers.count - 1
        if at != last {
            timers[at] = timers[last]
            if let k = slot(timers[at].id) { timerSlot[k] = Int32(at) }
        }
        timers.removeLast()
        return true
    }

    /// A compact copy for the snapshot table (without the slot table).
    func compacted() -> LoopReplay {
        var copy = self
        if head > 0 {
            copy.queue = Array(queue[head...])
            copy.head = 0
        }
        copy.timerSlot = []
        return copy
    }

    /// A snapshot made ready to replay from: a slot window starting at its lowest pending
    /// timer id (or, when the pending ids are far apart, covering the newest of them).
    func restored() -> LoopReplay {
        var copy = self
        let ids = timers.map(\.id)
        guard let low = ids.min(), let high = ids.max() else {
            copy.timerBase = Int32.min
            copy.timerSlot = []
            return copy
        }
        let window = Int32(max(4 * timers.count + 4096, 1 << 16))
        copy.timerBase = Int(high) - Int(low) < Int(window) ? low : Int32(clamping: Int(high) - Int(window))
        copy.timerSlot = [Int32](repeating: -1, count: Int(high) - Int(copy.timerBase) + 1)
        for (i, t) in timers.enumerated() {
            if let k = copy.slot(t.id) { copy.timerSlot[k] = Int32(i) }
        }
        return copy
    }

    /// Pending timers, earliest deadline first, ties by the order they were armed.
    func sortedTimers() -> [PendingTimer] {
        timers.sorted(by: Self.earlier)
    }

    /// The `k` earliest pending timers, in the order of `sortedTimers()`, in one pass over
    /// them (a timer later than the k-th so far costs one comparison).
    func earliestTimers(_ k: Int) -> [PendingTimer] {
        guard k > 0 else { return [] }
        var best: [PendingTimer] = []
        best.reserveCapacity(min(k, timers.count) + 1)
        for t in timers {
            if best.count == k, let last = best.last, !Self.earlier(t, last) { continue }
            var i = best.count
            while i > 0 && Self.earlier(t, best[i - 1]) { i -= 1 }
            best.insert(t, at: i)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    static func earlier(_ a: PendingTimer, _ b: PendingTimer) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.event < b.event
    }
}
