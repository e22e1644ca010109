import LoopscopeTrace

/// Builds a `Timeline` in one pass over a trace's events.
///
/// Internal. Per task it keeps the span in progress; a span is closed (and kept only if it
/// covers at least one step) when the task's state changes. It also records steps, output,
/// finishes, the loop row, and snapshots of the loop replay every few hundred events
/// (more rarely when the queue and timers are large, so snapshots stay linear in size).
struct TimelineBuilder {
    let trace: Trace
    let isThread: [Bool]
    private(set) var steps: [Step] = []
    private(set) var loopSpans: [LoopSpan] = []
    private(set) var output: [OutputLine] = []
    private(set) var finishes: [FinishedTask] = []
    private(set) var snapshots: [LoopReplay] = []

    /// Closed spans of every task, in the order they closed, with their task ids (grouped
    /// by lane at the end: one flat array is cheaper to grow than ten thousand).
    private var closed: [StateSpan] = []
    private var closedTask: [Int32] = []
    /// The span in progress per task id (`event == -1`: the task has not appeared yet).
    private var open: [StateSpan]
    /// Task ids in the order they first appeared.
    private var order: [Int32] = []
    /// Tasks blocking the loop, with the time their block ends.
    private var blocking: [(task: Int32, end: VirtualTime, event: Int32)] = []
    /// The earliest `end` in `blocking` (checked at every step, so kept at hand).
    private var firstBlockEnd = VirtualTime(nanoseconds: .max)
    private var loopOpen: LoopSpan
    private var replay = LoopReplay()
    private var now = VirtualTime.zero
    private var lastSnapshotEvent = 0

    init(trace: Trace) {
        self.trace = trace
        let n = trace.tasks.count
        isThread = trace.tasks.map { $0.kind == .thread }
        open = Array(repeating: StateSpan(state: .created, startStep: 0, endStep: 0, startTime: .zero,
                                          endTime: .zero, event: -1), count: n)
        loopOpen = LoopSpan(activity: .idle, startStep: 0, endStep: 0, startTime: .zero, endTime: .zero)
    }

    /// Builds from every event; false when `shouldStop`, asked every
    /// `Timeline.stopCheckInterval` events, answered true (the builder is then unfinished).
    @discardableResult
    mutating func run(shouldStop: () -> Bool = { false }) -> Bool {
        let events = trace.events
        steps.reserveCapacity(events.count / 2 + 1)
        closed.reserveCapacity(events.count / 2 + 1)
        closedTask.reserveCapacity(events.count / 2 + 1)
        snapshots.append(replay.compacted())
        for index in events.indices {
            if index & (Timeline.stopCheckInterval - 1) == 0 && index > 0 && shouldStop() { return false }
            let e = events[index]
            if e.time > now { now = e.time }
            if Step.isStep(e.kind) {
                maybeSnapshot(before: index)
                steps.append(Step(event: Int32(index), task: e.task, kind: e.kind, time: now))
                if now >= firstBlockEnd { endBlocks(at: now) }
            }
            let step = Int32(max(steps.count - 1, 0))
            replay.apply(e, index: index, isThread: isThread)
            apply(e, index: Int32(index), step: step)
        }
        closeAll()
        return true
    }

    private mutating func maybeSnapshot(before index: Int) {
        let size = replay.queueCount + replay.timers.count
        if index - lastSnapshotEvent >= 256 + 2 * size {
            snapshots.append(replay.compacted())
            lastSnapshotEvent = index
        }
    }

    private mutating func apply(_ e: TraceEvent, index: Int32, step: Int32) {
        let t = e.task
        let known = t >= 0 && Int(t) < open.count
        switch e.kind {
        case .created:
            if known { enter(t, .created, step: step, event: index) }
        case .scheduled:
            if known && !isThread[Int(t)] { enter(t, .ready, step: step, event: index) }
        case .started, .resumed:
            if known { enter(t, isThread[Int(t)] ? .thread : .running, step: step, event: index) }
        case .suspended:
            // A thread (or a loop-less main thread) asleep in time.sleep waits in its own
            // thread: nothing else is held up, so it is drawn waiting, not blocking.
            if known { enter(t, .suspended, step: step, event: index, fresh: true) }
        case .completed, .failed, .cancelled:
            guard known else { break }
            let outcome: LaneState = e.kind == .completed ? .done : e.kind == .failed ? .failed : .cancelled
            enter(t, outcome, step: step, event: index)
            finishes.append(FinishedTask(task: t, outcome: outcome, step: step, event: index))
        case .blocked:
            guard known else { break }
            if isThread[Int(t)] {
                enter(t, .thread, step: step, event: index)
            } else {
                enter(t, .blocking, step: step, event: index, fresh: true)
                let end = e.time + VirtualTime(nanoseconds: max(0, e.value))
                blocking.append((t, end, index))
                if end < firstBlockEnd { firstBlockEnd = end }
            }
        case .printed:
            output.append(OutputLine(event: index, step: step, time: now, task: t,
                                     stream: e.outputStream ?? .stdout))
        default:
            break
        }
    }

    /// Blocks that have run their course by `time` give the loop back to their task's step.
    private mutating func endBlocks(at time: VirtualTime) {
        let step = Int32(steps.count - 1)
        let due = blocking.filter { $0.end <= time }
        guard !due.isEmpty else { return }
        blocking.removeAll { $0.end <= time }
        firstBlockEnd = blocking.map(\.end).min() ?? VirtualTime(nanoseconds: .max)
        for b in due {
            let o = open[Int(b.task)]
            if o.state == .blocking && o.event == b.event {
                enter(b.task, .running, step: step, event: b.event, at: b.end)
            }
        }
    }

    /// Moves task `t` into `state` at `step`. A span that would cover no step is replaced.
    /// `fresh` starts a new span even when the state is unchanged (a new await or block).
    private mutating func enter(_ t: Int32, _ state: LaneState, step: Int32, event: Int32,
                                fresh: Bool = false, at time: VirtualTime? = nil) {
        let i = Int(t)
        let start = time ?? now
        var o = open[i]
        if o.event < 0 {
            order.append(t)
        } else {
            if o.state == state && !fresh { return }
            if o.startStep < step {
                o.endStep = step
                o.endTime = start
                closed.append(o)
                closedTask.append(t)
            }
        }
        o = StateSpan(state: state, startStep: step, endStep: step, startTime: start, endTime: start,
                      event: event)
        open[i] = o
        if !isThread[i] { updateLoop(task: t, state: state, step: step, time: start) }
    }

    private mutating func updateLoop(task: Int32, state: LaneState, step: Int32, time: VirtualTime) {
        let activity: LoopSpan.Activity
        switch state {
        case .running: activity = .running(task: task)
        case .blocking: activity = .blocked(task: task)
        default:
            switch loopOpen.activity {
            case .running(let r) where r == task, .blocked(let r) where r == task: activity = .idle
            default: return
            }
        }
        if activity == loopOpen.activity { return }
        if loopOpen.startStep < step {
            loopOpen.endStep = step
            loopOpen.endTime = time
            loopSpans.append(loopOpen)
        }
        loopOpen = LoopSpan(activity: activity, startStep: step, endStep: step, startTime: time, endTime: time)
    }

    private mutating func closeAll() {
        let end = Int32(steps.count)
        for i in open.indices where open[i].event >= 0 && open[i].startStep < end {
            var o = open[i]
            o.endStep = end
            o.endTime = now
            closed.append(o)
            closedTask.append(Int32(i))
        }
        if loopOpen.startStep < end {
            loopOpen.endStep = end
            loopOpen.endTime = now
            loopSpans.append(loopOpen)
        }
    }

    /// Lanes in order of first appearance, then the tasks that never appeared.
    func finishedLanes() -> [Lane] {
        finishedLanes { false } ?? []
    }

    /// Each task's spans as lanes, in lane order; nil when `shouldStop`, asked every
    /// `Timeline.stopCheckInterval` spans, answered true.
    func finishedLanes(shouldStop: () -> Bool) -> [Lane]? {
        let every = Timeline.stopCheckInterval - 1
        var count = [Int](repeating: 0, count: trace.tasks.count)
        for (k, t) in closedTask.enumerated() {
            if k & every == every, shouldStop() { return nil }
            count[Int(t)] += 1
        }
        var spans = count.map { n -> [StateSpan] in
            var a: [StateSpan] = []
            a.reserveCapacity(n)
            return a
        }
        // Each task's spans closed in step order, so appending in closing order sorts them.
        for k in closed.indices {
            if k & every == every, shouldStop() { return nil }
            spans[Int(closedTask[k])].append(closed[k])
        }
        return laneOrder().map { t in
            let s = spans[Int(t)]
            return Lane(task: t, kind: trace.tasks[Int(t)].kind,
                        firstStep: s.first.map { Int($0.startStep) } ?? steps.count, spans: s)
        }
    }

    func laneIndexTable() -> [Int32] {
        var table = Array(repeating: Int32(0), count: trace.tasks.count)
        for (lane, t) in laneOrder().enumerated() { table[Int(t)] = Int32(lane) }
        return table
    }

    private func laneOrder() -> [Int32] {
        var seen = Array(repeating: false, count: trace.tasks.count)
        for t in order { seen[Int(t)] = true }
        return order + (0..<Int32(trace.tasks.count)).filter { !seen[Int($0)] }
    }
}
