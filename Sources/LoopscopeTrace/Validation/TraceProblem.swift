/// One inconsistency `Trace.validate()` found: which event (if any) and what is wrong.
///
/// ```swift
/// for problem in trace.validate() { print(problem) }
/// // event 57: Task-3 resumed but the ready queue's head is Task-2
/// ```
public struct TraceProblem: Equatable, Sendable, CustomStringConvertible {
    /// Index into `Trace.events` of the event at fault, or nil for a problem in the tables
    /// (tasks, sites) that no single event causes.
    public var event: Int?
    public var message: String

    public init(event: Int?, message: String) {
        self.event = event
        self.message = message
    }

    /// The problem as one line, safe for a terminal: the message names tasks and may quote
    /// the trace's text, which goes through `Sanitizer`.
    public var description: String {
        guard let event else { return Sanitizer.line(message) }
        return "event \(event): \(Sanitizer.line(message))"
    }
}

extension Trace {
    /// Checks that the trace records a run that could have happened; returns the problems
    /// found, in event order, at most `limit` of them (an empty array means valid).
    ///
    /// It checks ids against the tables, that times never decrease, that each task is
    /// created before anything else mentions it, starts at most once and does nothing
    /// after it ends; it replays the ready queue (pushes: `scheduled`, `callbackQueued`,
    /// `timerFired`; pops: `started`, `resumed`, `callbackRan`) and the pending timers,
    /// and checks that only one task runs on the loop at a time (worker threads run beside
    /// it) and that nothing happens after `finished`. It does not check that the program's
    /// output is right, or that a decoded file was well formed (the decoder does that).
    public func validate(limit: Int = 100) -> [TraceProblem] {
        var validator = TraceValidator(self, limit: limit)
        return validator.run() ?? []
    }

    /// `validate(limit:)` that asks `shouldStop` every few thousand events and gives up,
    /// returning nil, when it answers true (a caller that shows progress can stop a long check).
    public func validate(limit: Int = 100, shouldStop: () -> Bool) -> [TraceProblem]? {
        var validator = TraceValidator(self, limit: limit)
        return validator.run(shouldStop: shouldStop)
    }
}
