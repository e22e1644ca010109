import LoopscopeTrace

/// The loop's ready queue and timers at one step, kept up to date as it moves, for readers
/// that walk a run in order (the breakdown) and show only the front of a long queue.
///
/// ```swift
/// var cursor = LoopCursor(timeline: timeline)
/// for step in timeline.steps.indices {
///     cursor.move(toStep: step)
///     print(cursor.queueCount, cursor.queueFront(3), cursor.earliestTimers(3))
/// }
/// ```
///
/// Moving forward applies only the events in between; moving back, or far ahead, starts
/// again from the timeline's nearest snapshot. What it shows at a step is what
/// `Timeline.state(atStep:)` shows there (same queue, same timers in the same order), without
/// copying or sorting the whole queue and timer list at every step.
public struct LoopCursor: Sendable {
    public let timeline: Timeline
    private var replay: LoopReplay
    private var timers: TimerOrder
    /// The step it is at (-1 before the first move).
    public private(set) var step = -1

    public init(timeline: Timeline) {
        self.timeline = timeline
        replay = LoopReplay()
        timers = TimerOrder()
    }

    /// Moves to the state after step `target` (clamped to the run's steps).
    public mutating func move(toStep target: Int) {
        guard !timeline.steps.isEmpty else { return }
        let s = min(max(target, 0), timeline.steps.count - 1)
        let end = timeline.events(ofStep: s).upperBound
        if end < replay.nextEvent || end - replay.nextEvent > 4096 + 2 * (replay.queueCount + timers.count) {
            let snapshot = timeline.nearestSnapshot(atOrBefore: end)
            if snapshot.nextEvent > replay.nextEvent || end < replay.nextEvent {
                replay = snapshot.restored()
                timers = TimerOrder(replay.timers)
            }
        }
        let events = timeline.trace.events
        while replay.nextEvent < end {
            let i = replay.nextEvent
            let e = events[i]
            replay.apply(e, index: i, isThread: timeline.isThread)
            switch e.kind {
            case .timerAdded:
                timers.add(PendingTimer(id: e.other, deadline: VirtualTime(nanoseconds: e.value), task: e.task,
                                        purpose: TimerPurpose(rawValue: e.reason) ?? .sleep, event: Int32(i)))
            case .timerFired, .timerCancelled:
                timers.remove(e.other)
            default:
                break
            }
        }
        step = s
    }

    /// The task whose step is running (or blocking the loop), or -1.
    public var running: Int32 { replay.running }

    public var queueCount: Int { replay.queueCount }

    /// The first `n` entries of the ready queue, front first.
    public func queueFront(_ n: Int) -> ArraySlice<ReadyEntry> { replay.readyQueue.prefix(max(0, n)) }

    public var timerCount: Int { timers.count }

    /// Whether timer `id` is pending.
    public func isPending(timer id: Int32) -> Bool { timers.contains(id) }

    /// The `n` earliest pending timers, earliest first (ties: the one armed first).
    public func earliestTimers(_ n: Int) -> [PendingTimer] { timers.earliest(n) }
}
