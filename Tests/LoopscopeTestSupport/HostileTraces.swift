import Foundation
import LoopscopeScheduler

/// Trace files written by hand the way someone might write them to break a reader: times at
/// the ends of the 64-bit range. Each one decodes; `validate()` accepts the first two and
/// rejects the others (negative time, time going back), which readers still show when asked
/// to (`--force`). No reader may trap on any of them.
///
/// ```swift
/// let trace = try HostileTraces.decode(HostileTraces.sleepUntilMin)
/// ```
public enum HostileTraces {
    /// One task sleeps 1 s, then sleeps again until `until`; the clock then jumps to `end`.
    static func twoSleeps(until: String, end: String) -> String {
        var trace = SleepingTaskTrace()
        trace.secondSleep = (until, end)
        return trace.jsonl
    }

    /// The second sleep's deadline is the smallest time a trace can hold (before it began).
    public static let sleepUntilMin = twoSleeps(until: "-9223372036.854775808", end: "3")
    /// The run ends at the largest time a trace can hold.
    public static let endAtMax = twoSleeps(until: "9223372036.854775807", end: "9223372036.854775807")
    /// The run starts at the smallest time and the clock jumps to the largest (invalid:
    /// times are never negative).
    public static let minToMax: String = {
        var text = twoSleeps(until: "9223372036.854775807", end: "9223372036.854775807")
        text = text.replacingOccurrences(of: "\"t\":0,", with: "\"t\":-9223372036.854775808,")
        text = text.replacingOccurrences(of: "\"t\":1,", with: "\"t\":-9223372036.854775807,")
        return text.replacingOccurrences(of: "\"from\":0", with: "\"from\":-9223372036.854775808")
            .replacingOccurrences(of: "\"from\":1", with: "\"from\":-9223372036.854775807")
    }()
    /// Time runs backwards from the largest time to the smallest: invalid, but it decodes,
    /// and readers given `--force` must still not trap.
    public static let maxToMin = twoSleeps(until: "-9223372036.854775808", end: "-9223372036.854775808")
        .replacingOccurrences(of: "\"t\":1,", with: "\"t\":9223372036.854775807,")

    /// Every trace above, named.
    public static let all: [(name: String, text: String)] = [
        ("sleepUntilMin", sleepUntilMin), ("endAtMax", endAtMax), ("minToMax", minToMax), ("maxToMin", maxToMin),
    ]

    public static func decode(_ text: String) throws -> Trace {
        try TraceJSONL.decode(Array(text.utf8), sourceName: "hostile.jsonl")
    }
}
