/// What a lane (task or thread) is doing over one span of the timeline.
///
/// Every state has a distinct glyph in the lane renderers, so the meaning survives
/// monochrome output. Thread lanes use `.thread` where a task would be `.running` or
/// `.blocking`; they never sit in the ready queue.
public enum LaneState: UInt8, Sendable, CaseIterable, Comparable {
    /// Created but not yet on the ready queue.
    case created = 0
    /// On the ready queue, waiting for its turn to run.
    case ready
    /// Running on the loop (a task step) or on the main thread of a loop-less program.
    case running
    /// Parked at an await; the span's event says on what.
    case suspended
    /// Holding the loop without yielding (`time.sleep`, CPU work): nothing else can run.
    case blocking
    /// A worker thread at work (running code or blocked inside its own thread).
    case thread
    /// Returned.
    case done
    /// Ended with an error.
    case failed
    /// Ended cancelled.
    case cancelled

    /// True for the three end states.
    public var isFinal: Bool { self == .done || self == .failed || self == .cancelled }

    /// True while the lane is doing work (running, blocking or on its thread).
    public var isActive: Bool { self == .running || self == .blocking || self == .thread }

    /// A short lowercase name, e.g. `suspended`.
    public var name: String {
        switch self {
        case .created: "created"
        case .ready: "ready"
        case .running: "running"
        case .suspended: "suspended"
        case .blocking: "blocking"
        case .thread: "thread"
        case .done: "done"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }

    /// Which state wins when several share one column of a squeezed axis: work first,
    /// then endings, then waiting.
    public var drawPriority: Int {
        switch self {
        case .blocking: 8
        case .running: 7
        case .thread: 6
        case .failed: 5
        case .cancelled: 4
        case .done: 3
        case .ready: 2
        case .suspended: 1
        case .created: 0
        }
    }

    public static func < (a: LaneState, b: LaneState) -> Bool { a.rawValue < b.rawValue }
}
