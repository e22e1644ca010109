import LoopscopeScheduler
import Testing

/// Every hand-built trace the tests use goes through here when it is built: it must pass
/// `validate()` as the scheduler's own traces do (in a test, a problem is an issue of that
/// test, with the line that built the trace; outside one, it stops the process).
public func checkedHandBuilt(_ trace: Trace, _ name: String,
                             sourceLocation: SourceLocation = #_sourceLocation) -> Trace {
    guard Test.current != nil else {
        TraceCheck.check(trace, by: "the hand-built trace \(name)")
        return trace
    }
    TraceCheck.$onInvalid.withValue({ maker, problems in
        Issue.record("\(maker) is invalid:\n\(problems.map { "  \($0)" }.joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }) {
        TraceCheck.check(trace, by: "the hand-built trace \(name)")
    }
    return trace
}
