/// One recorded event, packed into 32 bytes so a million-event run stays small.
///
/// The meaning of `task`, `other`, `value`, `reason` and `site` depends on `kind` (see
/// `EventKind`). Ids index the owning `Trace`'s tables: `task` and `other` (when it names a
/// task) index `Trace.tasks`; `site` indexes `Trace.sites`; string ids index `Trace.strings`.
/// `-1` means "none". The event's sequence number is its index in `Trace.events`.
///
/// ```swift
/// let e = trace.events[3]
/// if e.kind == .suspended, e.waitReason == .sleep { print("sleeps until", e.deadline!) }
/// ```
public struct TraceEvent: Equatable, Sendable {
    public var time: VirtualTime
    public var value: Int64
    public var task: Int32
    public var site: Int32
    public var other: Int32
    public var kind: EventKind
    public var reason: UInt8

    public init(kind: EventKind, time: VirtualTime, task: Int32 = -1, other: Int32 = -1,
                value: Int64 = 0, site: Int32 = -1, reason: UInt8 = 0) {
        self.time = time
        self.value = value
        self.task = task
        self.site = site
        self.other = other
        self.kind = kind
        self.reason = reason
    }
}

extension TraceEvent {
    public var waitReason: WaitReason? {
        kind == .suspended || kind == .awaitedReady ? WaitReason(rawValue: reason) : nil
    }
    public var wakeReason: WakeReason? { kind == .scheduled ? WakeReason(rawValue: reason) : nil }
    public var resumeMode: ResumeMode? { kind == .resumed ? ResumeMode(rawValue: reason) : nil }
    public var taskKind: TaskKind? { kind == .created ? TaskKind(rawValue: reason) : nil }
    public var timerPurpose: TimerPurpose? {
        switch kind {
        case .timerAdded, .timerFired, .timerCancelled: TimerPurpose(rawValue: reason)
        default: nil
        }
    }
    public var warningKind: WarningKind? { kind == .warning ? WarningKind(rawValue: reason) : nil }
    public var outputStream: OutputStream? { kind == .printed ? OutputStream(rawValue: reason) : nil }
    public var blockingKind: BlockingKind? { kind == .blocked ? BlockingKind(rawValue: reason) : nil }
    public var runOutcome: RunOutcome? { kind == .finished ? RunOutcome(rawValue: reason) : nil }

    /// The sleep deadline of a `suspended(sleep)` event, or a timer's deadline.
    public var deadline: VirtualTime? {
        switch kind {
        case .suspended where reason == WaitReason.sleep.rawValue: VirtualTime(nanoseconds: value)
        case .timerAdded, .timerFired, .timerCancelled: VirtualTime(nanoseconds: value)
        default: nil
        }
    }

    /// The string-table id carried in `value` by kinds that carry text.
    public var stringID: Int? {
        switch kind {
        case .created, .completed, .failed, .printed, .callbackQueued, .callbackRan, .warning, .finished:
            Int(value)
        case .cancelled:
            value >= 0 ? Int(value) : nil
        default: nil
        }
    }
}
