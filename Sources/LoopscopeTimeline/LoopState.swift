import LoopscopeTrace

/// The event loop at one step: what runs, what waits in the ready queue, which timers are
/// pending, who has finished, how much has been printed, and where every task stands.
///
/// Get one from `Timeline.state(atStep:)`. It describes the state *after* the step's event
/// and the bookkeeping folded into it (see `Step`).
///
/// ```swift
/// let s = timeline.state(atStep: 5)
/// for entry in s.readyQueue { print(timeline.describe(entry)) }
/// ```
///
/// It does not hold text: names, labels and output lines are looked up through the
/// `Timeline` (`describe(_:)`, `outputLines`), so a state stays small. Task statuses are
/// looked up on demand (`status(ofTask:)`, `tasks`) from the timeline's lanes, which the
/// state shares rather than copies.
public struct LoopState: Sendable, Equatable {
    public var step: Int
    public var time: VirtualTime
    /// The task whose step is running (or blocking the loop), or -1 when none.
    public var running: Int32
    /// The ready queue, front first (from `Timeline.state(atStep:front:)`, only its front).
    public var readyQueue: [ReadyEntry]
    /// Pending timers, earliest deadline first (ties: the one armed first); from
    /// `Timeline.state(atStep:front:)`, only the earliest.
    public var timers: [PendingTimer]
    /// Tasks that have ended, in the order they ended (from `state(atStep:front:)`, only the
    /// most recent).
    public var finished: [FinishedTask]
    /// How many entries the whole ready queue has (`readyQueue` may hold only its front).
    public var readyCount: Int
    /// How many timers are pending (`timers` may hold only the earliest).
    public var timerCount: Int
    /// How many tasks have ended (`finished` may hold only the last of them).
    public var finishedCount: Int
    /// How many lines have been printed so far (`Timeline.output[..<outputCount]`).
    public var outputCount: Int

    /// Shared with the timeline, for `status(ofTask:)`.
    let lanes: [Lane]
    let laneIndex: [Int32]
    let events: [TraceEvent]

    init(step: Int, time: VirtualTime, running: Int32, readyQueue: [ReadyEntry],
         timers: [PendingTimer], finished: [FinishedTask], outputCount: Int,
         lanes: [Lane], laneIndex: [Int32], events: [TraceEvent],
         readyCount: Int? = nil, timerCount: Int? = nil, finishedCount: Int? = nil) {
        self.step = step
        self.time = time
        self.running = running
        self.readyQueue = readyQueue
        self.timers = timers
        self.finished = finished
        self.outputCount = outputCount
        self.lanes = lanes
        self.laneIndex = laneIndex
        self.events = events
        self.readyCount = readyCount ?? readyQueue.count
        self.timerCount = timerCount ?? timers.count
        self.finishedCount = finishedCount ?? finished.count
    }

    /// Where one task stands at this step (O(log spans)).
    public func status(ofTask task: Int32) -> TaskStatus {
        guard task >= 0, Int(task) < laneIndex.count else {
            return TaskStatus(state: nil, since: -1, event: -1, site: -1)
        }
        let lane = lanes[Int(laneIndex[Int(task)])]
        guard let k = lane.spanIndex(atStep: step) else {
            return TaskStatus(state: nil, since: -1, event: -1, site: -1)
        }
        let span = lane.spans[k]
        let site = span.state == .suspended ? events[Int(span.event)].site : -1
        return TaskStatus(state: span.state, since: span.startStep, event: span.event, site: site)
    }

    /// Every task's status, indexed by task id (`Trace.tasks`). Computed on each use: for
    /// a few tasks of a large run, prefer `status(ofTask:)`.
    public var tasks: [TaskStatus] {
        (0..<Int32(laneIndex.count)).map { status(ofTask: $0) }
    }

    /// Two states are equal when everything they show is equal.
    public static func == (a: LoopState, b: LoopState) -> Bool {
        a.step == b.step && a.time == b.time && a.running == b.running && a.readyQueue == b.readyQueue
            && a.timers == b.timers && a.finished == b.finished && a.outputCount == b.outputCount
            && a.readyCount == b.readyCount && a.timerCount == b.timerCount && a.finishedCount == b.finishedCount
            && a.tasks == b.tasks
    }
}

/// One entry of the ready queue: a task's next step or a callback.
public struct ReadyEntry: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case taskStep, callback }
    public var kind: Kind
    /// The task to run, or the task a callback concerns (-1: none).
    public var task: Int32
    /// The callback's handle id (timer id for timer callbacks); -1 for task steps.
    public var handle: Int32
    /// The event that queued it (`scheduled`, `callbackQueued` or `timerFired`).
    public var event: Int32

    public init(kind: Kind, task: Int32, handle: Int32, event: Int32) {
        self.kind = kind
        self.task = task
        self.handle = handle
        self.event = event
    }
}

/// A timer armed and not yet fired or cancelled.
public struct PendingTimer: Sendable, Equatable {
    public var id: Int32
    public var deadline: VirtualTime
    /// Whose timer it is (-1: none).
    public var task: Int32
    public var purpose: TimerPurpose
    /// The `timerAdded` event.
    public var event: Int32

    public init(id: Int32, deadline: VirtualTime, task: Int32, purpose: TimerPurpose, event: Int32) {
        self.id = id
        self.deadline = deadline
        self.task = task
        self.purpose = purpose
        self.event = event
    }
}

/// A task that has ended, and how.
public struct FinishedTask: Sendable, Equatable {
    public var task: Int32
    /// `.done`, `.failed` or `.cancelled`.
    public var outcome: LaneState
    /// The step at which it ended.
    public var step: Int32
    /// The `completed` / `failed` / `cancelled` event (its string is the result or error).
    public var event: Int32

    public init(task: Int32, outcome: LaneState, step: Int32, event: Int32) {
        self.task = task
        self.outcome = outcome
        self.step = step
        self.event = event
    }
}

/// Where one task stands at a step.
public struct TaskStatus: Sendable, Equatable {
    /// nil before the task exists.
    public var state: LaneState?
    /// The step its current state began.
    public var since: Int32
    /// The event that began its current state (for suspended tasks: what it awaits).
    public var event: Int32
    /// The await it is parked at (suspended tasks), else -1. Index into `Trace.sites`.
    public var site: Int32

    public init(state: LaneState?, since: Int32, event: Int32, site: Int32) {
        self.state = state
        self.since = since
        self.event = event
        self.site = site
    }
}

/// One printed line, in the order printed.
public struct OutputLine: Sendable, Equatable {
    public var event: Int32
    public var step: Int32
    public var time: VirtualTime
    /// Who printed (-1: no task).
    public var task: Int32
    public var stream: OutputStream

    public init(event: Int32, step: Int32, time: VirtualTime, task: Int32, stream: OutputStream) {
        self.event = event
        self.step = step
        self.time = time
        self.task = task
        self.stream = stream
    }
}
