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
        """
        {"format":"loopscope-trace","version":1,"program":{"id":"hostile","title":"A hostile trace","origin":"","note":"","claims":[]}}
        {"file":0,"path":"demos/Hostile.swift","text":"func main() async throws {\\n    try await sleep(1)\\n    try await sleep(2)\\n    print(\\"done\\")\\n}\\n"}
        {"seq":0,"t":0,"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()","at":"0:1"}
        {"seq":1,"t":0,"kind":"scheduled","task":0,"why":"created"}
        {"seq":2,"t":0,"kind":"started","task":0}
        {"seq":3,"t":0,"kind":"timerAdded","task":0,"purpose":"sleep","timer":0,"due":1,"at":"0:2"}
        {"seq":4,"t":0,"kind":"suspended","task":0,"wait":"sleep","on":0,"until":1,"at":"0:2"}
        {"seq":5,"t":1,"kind":"clockJump","from":0}
        {"seq":6,"t":1,"kind":"timerFired","task":0,"purpose":"sleep","timer":0,"due":1}
        {"seq":7,"t":1,"kind":"callbackRan","task":0,"handle":0,"label":"sleep(1) is over: wake Task-1"}
        {"seq":8,"t":1,"kind":"scheduled","task":0,"why":"timer","by":0}
        {"seq":9,"t":1,"kind":"resumed","task":0,"mode":"normal"}
        {"seq":10,"t":1,"kind":"timerAdded","task":0,"purpose":"sleep","timer":1,"due":\(end),"at":"0:3"}
        {"seq":11,"t":1,"kind":"suspended","task":0,"wait":"sleep","on":1,"until":\(until),"at":"0:3"}
        {"seq":12,"t":\(end),"kind":"clockJump","from":1}
        {"seq":13,"t":\(end),"kind":"timerFired","task":0,"purpose":"sleep","timer":1,"due":\(end)}
        {"seq":14,"t":\(end),"kind":"callbackRan","task":0,"handle":1,"label":"sleep(2) is over: wake Task-1"}
        {"seq":15,"t":\(end),"kind":"scheduled","task":0,"why":"timer","by":1}
        {"seq":16,"t":\(end),"kind":"resumed","task":0,"mode":"normal"}
        {"seq":17,"t":\(end),"kind":"printed","task":0,"stream":"stdout","text":"done","at":"0:4"}
        {"seq":18,"t":\(end),"kind":"completed","task":0,"result":"None"}
        {"seq":19,"t":\(end),"kind":"shutdown","pending":0}
        {"seq":20,"t":\(end),"kind":"finished","outcome":"ok","message":""}

        """
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
