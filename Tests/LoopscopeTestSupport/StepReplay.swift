import LoopscopeScheduler

/// What every pane must show at one step, worked out from the raw events by the plainest
/// possible replay — written from the definition in docs/steps.md, without the timeline
/// code it checks.
public struct StepFacts: Equatable, CustomStringConvertible {
    /// 0-based index (the screen shows `index + 1`).
    public var index: Int
    /// The step's own event.
    public var event: Int
    /// The loop task running after the step (-1: none).
    public var running: Int32 = -1
    /// The ready queue, front first: a task step is `(task, -1)`, a callback `(task, handle)`.
    public var ready: [ReadyItem] = []
    /// Pending timers, earliest deadline first (ties: armed first).
    public var timers: [TimerItem] = []
    /// Tasks that have ended, in the order they ended.
    public var finished: [Int32] = []
    /// Lines printed so far.
    public var output: [String] = []
    /// Each lane's state by task id (nil before it exists).
    public var states: [String?] = []
    /// The line that ran at the step (a site id), if any.
    public var ranSite: Int32?
    /// Where each task is parked (site id), by task id.
    public var parked: [Int32?] = []

    public struct ReadyItem: Equatable {
        public var task: Int32
        public var handle: Int32
        public var isCallback: Bool { handle >= 0 }
    }

    public struct TimerItem: Equatable {
        public var id: Int32
        public var task: Int32
        public var due: VirtualTime
        var armed: Int
    }

    public var description: String {
        "step \(index + 1): running \(running) ready \(ready.map { "\($0.task)/\($0.handle)" }) timers \(timers.map(\.id))"
            + " finished \(finished) output \(output.count) ran \(ranSite.map(String.init) ?? "-")"
    }
}

/// Replays a trace step by step. A step is an event of any kind but the six bookkeeping
/// kinds; the state at step N is the state after every event before step N+1's first
/// event, where step N+1's first event is its own, or the `timerAdded` events of the same
/// task just before it.
public enum StepReplay {
    static let bookkeeping: Set<EventKind> = [.scheduled, .timerAdded, .timerFired, .timerCancelled,
                                              .callbackQueued, .callbackRan]

    public static func facts(_ trace: Trace) -> [StepFacts] {
        let events = trace.events
        let stepEvents = events.indices.filter { !bookkeeping.contains(events[$0].kind) }
        // Where each step's events begin.
        var starts: [Int] = []
        for (k, i) in stepEvents.enumerated() {
            var first = i
            if k > 0 {
                while first - 1 > stepEvents[k - 1], events[first - 1].kind == .timerAdded,
                      events[first - 1].task == events[i].task {
                    first -= 1
                }
            } else {
                first = 0
            }
            starts.append(first)
        }
        let n = trace.tasks.count
        let onLoop = trace.tasks.map { $0.kind == .task }
        var running: Int32 = -1
        var ready: [StepFacts.ReadyItem] = []
        var timers: [StepFacts.TimerItem] = []
        var finished: [Int32] = []
        var output: [String] = []
        var states = [String?](repeating: nil, count: n)
        var parked = [Int32?](repeating: nil, count: n)
        // The last line each task ran in its current run.
        var lastLine = [Int32?](repeating: nil, count: n)
        var result: [StepFacts] = []
        var next = 0
        for (k, stepEvent) in stepEvents.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : events.count
            while next < end {
                let e = events[next]
                let t = e.task
                let known = t >= 0 && Int(t) < n
                switch e.kind {
                case .created:
                    if known { states[Int(t)] = "created" }
                case .scheduled:
                    ready.append(.init(task: t, handle: -1))
                    if known && onLoop[Int(t)] { states[Int(t)] = "ready" }
                case .callbackQueued:
                    ready.append(.init(task: t, handle: e.other))
                case .timerFired:
                    timers.removeAll { $0.id == e.other }
                    ready.append(.init(task: t, handle: e.other))
                case .timerAdded:
                    timers.append(.init(id: e.other, task: t, due: VirtualTime(nanoseconds: e.value), armed: next))
                case .timerCancelled:
                    timers.removeAll { $0.id == e.other }
                case .callbackRan:
                    if let i = ready.firstIndex(where: { $0.handle == e.other }) { ready.remove(at: i) }
                case .started, .resumed:
                    guard known else { break }
                    if onLoop[Int(t)] {
                        if let i = ready.firstIndex(where: { $0.handle < 0 && $0.task == t }) { ready.remove(at: i) }
                        running = t
                        states[Int(t)] = "running"
                    } else {
                        states[Int(t)] = trace.tasks[Int(t)].kind == .thread ? "thread" : "running"
                    }
                    lastLine[Int(t)] = e.kind == .resumed ? parked[Int(t)] : nil
                    parked[Int(t)] = nil
                case .suspended:
                    guard known else { break }
                    if running == t { running = -1 }
                    // A thread asleep in time.sleep waits in its own thread: it holds nothing up.
                    states[Int(t)] = "suspended"
                    parked[Int(t)] = e.site >= 0 ? e.site : nil
                case .completed, .failed, .cancelled:
                    guard known else { break }
                    if running == t { running = -1 }
                    states[Int(t)] = e.kind == .completed ? "done" : e.kind == .failed ? "failed" : "cancelled"
                    finished.append(t)
                    parked[Int(t)] = nil
                case .printed:
                    output.append(trace.text(of: e) ?? "")
                default:
                    break
                }
                if known && e.site >= 0 && e.kind != .created && e.kind != .suspended { lastLine[Int(t)] = e.site }
                if known && e.kind == .suspended { lastLine[Int(t)] = e.site >= 0 ? e.site : lastLine[Int(t)] }
                next += 1
            }
            let e = events[stepEvent]
            var ran: Int32?
            if e.site >= 0 {
                ran = e.site
            } else if e.kind == .started {
                ran = nil
            } else if e.kind == .resumed {
                ran = e.task >= 0 && Int(e.task) < n ? lastLine[Int(e.task)] : nil
            } else if running >= 0 {
                ran = lastLine[Int(running)]
            }
            let sorted = timers.sorted { ($0.due, $0.armed) < ($1.due, $1.armed) }
            result.append(StepFacts(index: k, event: stepEvent, running: running, ready: ready, timers: sorted,
                                    finished: finished, output: output, states: states, ranSite: ran,
                                    parked: parked))
        }
        return result
    }
}
