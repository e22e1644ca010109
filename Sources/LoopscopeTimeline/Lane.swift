import LoopscopeTrace

/// One row of the timeline: a task or a worker thread, with its state spans in order.
///
/// Spans are contiguous and cover `[firstStep, steps.count)`: each one starts where the
/// previous one ends, and the last one (an end state for finished tasks) runs to the end of
/// the timeline. Before its creation step a lane has no state (renderers leave it blank).
///
/// ```swift
/// for span in lane.spans where span.state == .suspended {
///     print(timeline.waitDescription(of: span) ?? "")
/// }
/// ```
///
/// A lane does not record the callbacks or timers that concern it; see `LoopState`.
public struct Lane: Sendable, Equatable {
    /// The task id (index into `Trace.tasks`).
    public var task: Int32
    public var kind: TaskKind
    /// The step at which the lane was created (its first span's start).
    public var firstStep: Int
    public var spans: [StateSpan]

    public init(task: Int32, kind: TaskKind, firstStep: Int, spans: [StateSpan]) {
        self.task = task
        self.kind = kind
        self.firstStep = firstStep
        self.spans = spans
    }

    /// The index of the span in force at `step`, or nil before the lane exists.
    public func spanIndex(atStep step: Int) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].startStep <= step { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The state at `step`, or nil before the lane exists.
    public func state(atStep step: Int) -> LaneState? {
        spanIndex(atStep: step).map { spans[$0].state }
    }
}

/// A stretch of one lane in one state: steps `[startStep, endStep)`, virtual times
/// `[startTime, endTime]`.
///
/// `event` is the trace event that began the span (a `suspended` event for suspended spans,
/// which says on what and where; `blocked` for blocking spans; the `scheduled` event for
/// ready spans). Spans are never empty: `startStep < endStep`.
public struct StateSpan: Sendable, Equatable {
    // Fields ordered widest first, so a span packs into 32 bytes.
    public var startTime: VirtualTime
    public var endTime: VirtualTime
    public var startStep: Int32
    public var endStep: Int32
    /// Index into `Trace.events` of the event that began the span.
    public var event: Int32
    public var state: LaneState

    public init(state: LaneState, startStep: Int32, endStep: Int32, startTime: VirtualTime,
                endTime: VirtualTime, event: Int32) {
        self.state = state
        self.startStep = startStep
        self.endStep = endStep
        self.startTime = startTime
        self.endTime = endTime
        self.event = event
    }

    /// The steps the span covers.
    public var steps: Range<Int> { Int(startStep)..<Int(endStep) }
}

/// What the event loop itself was doing over a stretch of steps, for an "event loop" row.
public struct LoopSpan: Sendable, Equatable {
    public enum Activity: Sendable, Equatable {
        /// Nothing runs: the loop waits for a timer or a thread.
        case idle
        /// A task step runs.
        case running(task: Int32)
        /// A task holds the loop without yielding.
        case blocked(task: Int32)
    }

    public var activity: Activity
    public var startStep: Int32
    public var endStep: Int32
    public var startTime: VirtualTime
    public var endTime: VirtualTime

    public init(activity: Activity, startStep: Int32, endStep: Int32, startTime: VirtualTime,
                endTime: VirtualTime) {
        self.activity = activity
        self.startStep = startStep
        self.endStep = endStep
        self.startTime = startTime
        self.endTime = endTime
    }
}
