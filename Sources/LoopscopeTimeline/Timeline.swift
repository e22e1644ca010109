import LoopscopeTrace

/// The timeline of one run, derived once from its trace: lanes of state spans, the ordered
/// steps, and the loop's state at any step.
///
/// ```swift
/// let timeline = Timeline(trace: trace)
/// for lane in timeline.lanes { print(timeline.laneTitle(lane), lane.spans.count) }
/// print(timeline.headline(ofStep: 3))           // "Task-1 awaits Task-2 at main.swift:26"
/// let s = timeline.state(atStep: 3)
/// print(s.readyQueue.map { timeline.describe($0) })   // ["Task-2 step", "Task-3 step"]
/// ```
///
/// Building is one pass over the events (linear, arrays only). `state(atStep:)` replays the
/// loop's bookkeeping from the nearest stored snapshot, so it costs a few hundred events at
/// most plus the size of the queue and timer heap; a task's status comes from its spans by binary
/// search, on demand (`LoopState.status(ofTask:)`).
///
/// What it does *not* do:
/// - It does not check the trace: events naming unknown tasks are skipped, out-of-order
///   times are clamped to the time before (every `Step.time` is non-decreasing).
/// - It does not decide layout or glyphs: see `TimeAxis` and the renderers.
/// - Callbacks are not steps and have no lanes; they appear only in `LoopState.readyQueue`.
/// - It keeps no per-step copies of the loop state; `state(atStep:)` computes one on demand.
/// - Strings are not sanitized here except in `headline(ofStep:)` and the `describe`
///   helpers, which are meant for display.
public struct Timeline: Sendable {
    /// The trace it was built from (names, strings, sites).
    public let trace: Trace
    /// One lane per task or thread, in creation order. Tasks that never appear in an event
    /// come last, with no spans.
    public let lanes: [Lane]
    public let steps: [Step]
    /// What the loop itself did, step by step (for an "event loop" row).
    public let loopSpans: [LoopSpan]
    /// Printed lines, in order.
    public let output: [OutputLine]
    /// Tasks in the order they ended.
    public let finishes: [FinishedTask]
    /// The time of the last step (or zero).
    public let endTime: VirtualTime

    /// `laneIndex[task]`: the lane of each task id.
    let laneIndex: [Int32]
    /// Snapshots of the loop replay, by increasing `nextEvent`; the first is empty at event 0.
    let snapshots: [LoopReplay]
    let isThread: [Bool]
    /// The name the program binds each task to (`task_a`), by task id; see `TaskBindings`.
    public let bindings: [String?]
    /// Each task's steps, for `step(ofTask:after:forward:)` and `firstStart(ofTask:)`.
    let taskSteps: TaskSteps
    /// When each lane finished for good, for `isFinal(laneAt:atStep:)`.
    let laneEnds: LaneEnds
    /// Whether the program runs without an event loop: a main thread and worker threads only.
    public let loopless: Bool

    /// Derives the timeline from a trace. Pure: the same trace always gives the same timeline.
    public init(trace: Trace) {
        var builder = TimelineBuilder(trace: trace)
        builder.run()
        self.init(trace: trace, built: builder)
    }

    /// How many events the build handles between two questions to `shouldStop`.
    public static let stopCheckInterval = 4096

    /// Derives the timeline as `init(trace:)` does, asking `shouldStop` every
    /// `stopCheckInterval` events and between the passes that follow, so a caller can give
    /// up on a huge trace (the player does on `q` or a signal). Nil when it answered true.
    public static func build(trace: Trace, shouldStop: () -> Bool) -> Timeline? {
        build(trace: trace) { (_: BuildPass) in shouldStop() }
    }

    /// The passes of a build, in order: the event pass, then the tables made from it.
    public enum BuildPass: String, CaseIterable, Sendable {
        /// The one pass over the events (steps, spans, loop snapshots).
        case events
        /// Each task's spans, grouped into lanes.
        case lanes
        /// When each lane finishes for good.
        case laneEnds = "lane ends"
        /// Each task's steps (for a task's next step and first start).
        case taskSteps = "task steps"
        /// The names the program binds its tasks to.
        case bindings
    }

    /// `build(trace:shouldStop:)` that tells `shouldStop` which pass asks. Every pass asks at
    /// least every `stopCheckInterval` items of its work (events, spans, steps, lanes), and
    /// the build asks again between passes; it returns nil at the first true, without asking
    /// again.
    public static func build(trace: Trace, shouldStop: (BuildPass) -> Bool) -> Timeline? {
        var builder = TimelineBuilder(trace: trace)
        guard builder.run(shouldStop: { shouldStop(.events) }), !shouldStop(.events),
              !shouldStop(.lanes), let lanes = builder.finishedLanes(shouldStop: { shouldStop(.lanes) }),
              !shouldStop(.laneEnds), let laneEnds = LaneEnds(lanes: lanes, shouldStop: { shouldStop(.laneEnds) }),
              !shouldStop(.taskSteps),
              let taskSteps = TaskSteps(steps: builder.steps, taskCount: trace.tasks.count,
                                        shouldStop: { shouldStop(.taskSteps) }),
              !shouldStop(.bindings), let bindings = TaskBindings.names(in: trace, shouldStop: { shouldStop(.bindings) })
        else { return nil }
        return Timeline(trace: trace, built: builder, lanes: lanes, laneEnds: laneEnds, taskSteps: taskSteps,
                        bindings: bindings)
    }

    private init(trace: Trace, built builder: TimelineBuilder) {
        let lanes = builder.finishedLanes()
        self.init(trace: trace, built: builder, lanes: lanes, laneEnds: LaneEnds(lanes: lanes),
                  taskSteps: TaskSteps(steps: builder.steps, taskCount: trace.tasks.count),
                  bindings: TaskBindings.names(in: trace))
    }

    private init(trace: Trace, built builder: TimelineBuilder, lanes: [Lane], laneEnds: LaneEnds,
                 taskSteps: TaskSteps, bindings: [String?]) {
        self.trace = trace
        self.lanes = lanes
        self.laneEnds = laneEnds
        self.steps = builder.steps
        self.loopSpans = builder.loopSpans
        self.output = builder.output
        self.finishes = builder.finishes
        self.endTime = builder.steps.last?.time ?? .zero
        self.laneIndex = builder.laneIndexTable()
        self.snapshots = builder.snapshots
        self.isThread = builder.isThread
        self.bindings = bindings
        self.taskSteps = taskSteps
        self.loopless = trace.tasks.contains { $0.kind == .mainThread }
    }

    /// The lane of a task, or nil for an unknown id.
    public func lane(ofTask task: Int32) -> Lane? {
        guard task >= 0, Int(task) < laneIndex.count else { return nil }
        return lanes[Int(laneIndex[Int(task)])]
    }

    /// The trace events a step covers: its own event and the bookkeeping folded into it
    /// (see `Step`: the timers its own await armed just before it, and the bookkeeping that
    /// follows it up to the next step's).
    public func events(ofStep step: Int) -> Range<Int> {
        precondition(step >= 0 && step < steps.count, "step out of range")
        let end = step + 1 < steps.count ? firstEvent(ofStep: step + 1) : trace.events.count
        return firstEvent(ofStep: step)..<end
    }

    /// The first event a step covers: its own, or the `timerAdded` events of the same task
    /// just before it (a sleep arms its timer, then suspends: both are the sleep's step).
    func firstEvent(ofStep step: Int) -> Int {
        guard step > 0 else { return 0 }
        let s = steps[step]
        let floor = Int(steps[step - 1].event) + 1
        var i = Int(s.event)
        while i > floor, trace.events[i - 1].kind == .timerAdded, trace.events[i - 1].task == s.task {
            i -= 1
        }
        return i
    }

    /// The step an event belongs to (see `events(ofStep:)`).
    public func step(containingEvent event: Int) -> Int {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(steps[mid].event) <= event { lo = mid + 1 } else { hi = mid }
        }
        let s = max(0, lo - 1)
        return s + 1 < steps.count && firstEvent(ofStep: s + 1) <= event ? s + 1 : s
    }

    /// The loop's state after step `step` (clamped to the valid range). A timeline with no
    /// steps gives an empty state at step 0. The whole ready queue, every pending timer in
    /// deadline order and every finished task: for a large run, prefer `state(atStep:front:)`.
    public func state(atStep step: Int) -> LoopState {
        state(atStep: step, front: nil)
    }

    /// The loop's state after step `step`, holding only the front `front` entries of the
    /// ready queue, the `front` earliest timers and the `front` most recent finishes (the
    /// counts say how many there are in all). Costs the replay from the nearest snapshot
    /// (a few hundred events plus twice the queue and timers) and one pass over the pending
    /// timers: never a copy of the whole queue or a sort of every timer.
    public func state(atStep step: Int, front: Int?) -> LoopState {
        guard !steps.isEmpty else {
            return LoopState(step: 0, time: .zero, running: -1, readyQueue: [], timers: [], finished: [],
                             outputCount: 0, lanes: lanes, laneIndex: laneIndex, events: trace.events)
        }
        let s = min(max(step, 0), steps.count - 1)
        let replay = replayed(toStep: s)
        let finishedCount = countPrefix(finishes.count) { Int(finishes[$0].step) <= s }
        let outputCount = countPrefix(output.count) { Int(output[$0].step) <= s }
        let n = front.map { max(0, $0) }
        let queue = n.map { Array(replay.readyQueue.prefix($0)) } ?? Array(replay.readyQueue)
        let timers = n.map { replay.earliestTimers($0) } ?? replay.sortedTimers()
        let finished = Array(finishes[(n.map { max(0, finishedCount - $0) } ?? 0)..<finishedCount])
        return LoopState(step: s, time: steps[s].time, running: replay.running, readyQueue: queue, timers: timers,
                         finished: finished, outputCount: outputCount, lanes: lanes, laneIndex: laneIndex,
                         events: trace.events, readyCount: replay.queueCount, timerCount: replay.timers.count,
                         finishedCount: finishedCount)
    }

    /// The loop replay after step `s`: the nearest snapshot, then the events up to the
    /// step's end.
    func replayed(toStep s: Int) -> LoopReplay {
        let end = events(ofStep: s).upperBound
        var replay = nearestSnapshot(atOrBefore: end).restored()
        let events = trace.events
        while replay.nextEvent < end {
            let i = replay.nextEvent
            replay.apply(events[i], index: i, isThread: isThread)
        }
        return replay
    }

    /// The text of the first `count` printed lines (raw: sanitize before showing).
    public func outputLines(count: Int) -> [String] {
        output.prefix(max(0, count)).map { trace.strings[safe: Int(trace.events[Int($0.event)].value)] ?? "" }
    }

    func nearestSnapshot(atOrBefore event: Int) -> LoopReplay {
        var lo = 0, hi = snapshots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if snapshots[mid].nextEvent <= event { lo = mid + 1 } else { hi = mid }
        }
        return snapshots[max(0, lo - 1)]
    }

    /// How many leading indices in `0..<n` satisfy a predicate that holds for a prefix.
    private func countPrefix(_ n: Int, _ holds: (Int) -> Bool) -> Int {
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if holds(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
