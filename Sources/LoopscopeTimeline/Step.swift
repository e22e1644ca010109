import LoopscopeTrace

/// One step of the timeline: an event that changes what runs or what is printed.
///
/// These event kinds are steps: `created`, `started`, `resumed`, `suspended`,
/// `awaitedReady`, `completed`, `failed`, `cancelled`, `cancelRequested`, `printed`,
/// `clockJump`, `blocked`, `warning`, `shutdown`, `finished`. The loop's bookkeeping events
/// (`scheduled`, `timerAdded`, `timerFired`, `timerCancelled`, `callbackQueued`,
/// `callbackRan`) are not steps: each belongs to the step that tells it. That is the step
/// before it (a `created` step shows the new task in the ready queue; a `clockJump` step
/// shows the woken task there), except a `timerAdded` just before the same task's next
/// step, which belongs to that step: a sleep arms its timer, then suspends, and the timer
/// appears with the sleep. Bookkeeping before the first step belongs to step 0.
///
/// The state *at* a step is the state after every event the step covers and before the
/// next step's first event (`Timeline.events(ofStep:)`); docs/steps.md defines it for
/// every pane. Steps are numbered from 1 on screen and in every export (`index + 1`).
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
