import LoopscopeTrace

/// One step of the timeline: an event that changes what runs or what is printed.
///
/// These event kinds are steps: `created`, `started`, `resumed`, `suspended`,
/// `awaitedReady`, `completed`, `failed`, `cancelled`, `cancelRequested`, `printed`,
/// `clockJump`, `blocked`, `warning`, `shutdown`, `finished`. The loop's bookkeeping events (`scheduled`, `timerAdded`,
/// `timerFired`, `timerCancelled`, `callbackQueued`, `callbackRan`) are not steps: each is
/// folded into the step before it, so the state *at* a step is the state after its event
/// and the bookkeeping that follows it (a `suspended` step already shows the sleep's timer;
/// a `clockJump` step already shows the woken task in the ready queue). Bookkeeping events
/// before the first step fold into step 0.
///
/// Use `Timeline.headline(ofStep:)` for a one-line description.
public struct Step: Sendable, Equatable {
    /// Index into `Trace.events` of the step's event.
    public var event: Int32
    /// The task the event concerns (-1: none).
    public var task: Int32
    public var kind: EventKind
    /// Virtual time (never earlier than the step before; see `Timeline`).
    public var time: VirtualTime

    public init(event: Int32, task: Int32, kind: EventKind, time: VirtualTime) {
        self.event = event
        self.task = task
        self.kind = kind
        self.time = time
    }

    /// Whether events of `kind` become steps.
    public static func isStep(_ kind: EventKind) -> Bool {
        switch kind {
        case .scheduled, .timerAdded, .timerFired, .timerCancelled, .callbackQueued, .callbackRan:
            false
        default:
            true
        }
    }
}
