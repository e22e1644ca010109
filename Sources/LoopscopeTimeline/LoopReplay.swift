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
    /// Pending timers, unordered; `timerSlot[id]` is the index of timer `id` in it, or -1.
    private(set) var timers: [PendingTimer] = []
    private var timerSlot: [Int32] = []
    /// Used instead of `timerSlot` by replays restored from a snapshot (few events, and
    /// timer ids that may be large): timer id → index in `timers`.
    private var timerMap: [Int32: Int32]? = nil
    private(set) var running: Int32 = -1
    /// Events applied so far: the next event to apply.
    private(set) var nextEvent = 0

    /// Timer ids above this are looked up by a linear search instead of the slot table.
    private static let slotLimit: Int32 = 1 << 24

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
            removeTimer(e.other)
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

    private mutating func addTimer(_ t: PendingTimer) {
        if timerMap != nil {
            timerMap![t.id] = Int32(timers.count)
        } else if t.id >= 0 && t.id < Self.slotLimit {
            let id = Int(t.id)
            if id >= timerSlot.count {
                timerSlot.append(contentsOf: repeatElement(-1, count: id + 1 - timerSlot.count))
            }
            timerSlot[id] = Int32(timers.count)
        }
        timers.append(t)
    }

    private mutating func removeTimer(_ id: Int32) {
        let at: Int
        if timerMap != nil {
            guard let found = timerMap![id] else { return }
            at = Int(found)
            timerMap![id] = nil
        } else if id >= 0 && id < Self.slotLimit {
            guard Int(id) < timerSlot.count, timerSlot[Int(id)] >= 0 else { return }
            at = Int(timerSlot[Int(id)])
            timerSlot[Int(id)] = -1
        } else {
            guard let found = timers.firstIndex(where: { $0.id == id }) else { return }
            at = found
        }
        let last = timers.count - 1
        if at != last {
            timers[at] = timers[last]
            let moved = timers[at].id
            if timerMap != nil {
                timerMap![moved] = Int32(at)
            } else if moved >= 0 && moved < Self.slotLimit { timerSlot[Int(moved)] = Int32(at) }
        }
        timers.removeLast()
    }

    /// A compact copy for the snapshot table (no slot table).
    func compacted() -> LoopReplay {
        var copy = self
        if head > 0 {
            copy.queue = Array(queue[head...])
            copy.head = 0
        }
        copy.timerSlot = []
        copy.timerMap = nil
        return copy
    }

    /// A snapshot made ready to replay from: timers are found through a small map.
    func restored() -> LoopReplay {
        var copy = self
        var map: [Int32: Int32] = [:]
        map.reserveCapacity(timers.count)
        for (i, t) in timers.enumerated() { map[t.id] = Int32(i) }
        copy.timerMap = map
        return copy
    }

    /// Pending timers, earliest deadline first, ties by the order they were armed.
    func sortedTimers() -> [PendingTimer] {
        timers.sorted { ($0.deadline, $0.event) < ($1.deadline, $1.event) }
    }
}
