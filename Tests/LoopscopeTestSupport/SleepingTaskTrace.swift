/// A hand-written trace of one task that sleeps 1 s (then, with `secondSleep`, sleeps again),
/// prints a line and completes: the skeleton of `HostileTraces` and of other tests' hostile
/// traces. Every field is raw JSON (string fields without their quotes), put in as given, so
/// a test can put anything in any of them; `seq` numbers are counted.
///
/// ```swift
/// var trace = SleepingTaskTrace()
/// trace.name = "Task-1 <b>"
/// let text = trace.jsonl
/// ```
public struct SleepingTaskTrace: Sendable {
    /// The header's `program` object.
    public var program = #"{"id":"hostile","title":"A hostile trace","origin":"","note":"","claims":[]}"#
    /// The source file lines, whole.
    public var files = [#"{"file":0,"path":"demos/Hostile.swift","text":"func main() async throws {\n    try await sleep(1)\n    try await sleep(2)\n    print(\"done\")\n}\n"}"#]
    public var name = "Task-1"
    public var label = "main()"
    /// The label of the callback that ends the first sleep.
    public var wake = "sleep(1) is over: wake Task-1"
    /// A second sleep: its `until` and the time the run then jumps to (and ends at).
    public var secondSleep: (until: String, end: String)?
    public var printed = "done"
    public var result = "None"

    public init() {}

    public var jsonl: String {
        var events: [String] = []
        func add(_ t: String, _ body: String) { events.append(#"{"seq":\#(events.count),"t":\#(t),\#(body)}"#) }
        add("0", #""kind":"created","task":0,"name":"\#(name)","lane":"task","label":"\#(label)","at":"0:1""#)
        add("0", #""kind":"scheduled","task":0,"why":"created""#)
        add("0", #""kind":"started","task":0"#)
        add("0", #""kind":"timerAdded","task":0,"purpose":"sleep","timer":0,"due":1,"at":"0:2""#)
        add("0", #""kind":"suspended","task":0,"wait":"sleep","on":0,"until":1,"at":"0:2""#)
        add("1", #""kind":"clockJump","from":0"#)
        add("1", #""kind":"timerFired","task":0,"purpose":"sleep","timer":0,"due":1"#)
        add("1", #""kind":"callbackRan","task":0,"handle":0,"label":"\#(wake)""#)
        add("1", #""kind":"scheduled","task":0,"why":"timer","by":0"#)
        add("1", #""kind":"resumed","task":0,"mode":"normal""#)
        var end = "1", printedAt = "0:3"
        if let (until, last) = secondSleep {
            add("1", #""kind":"timerAdded","task":0,"purpose":"sleep","timer":1,"due":\#(last),"at":"0:3""#)
            add("1", #""kind":"suspended","task":0,"wait":"sleep","on":1,"until":\#(until),"at":"0:3""#)
            add(last, #""kind":"clockJump","from":1"#)
            add(last, #""kind":"timerFired","task":0,"purpose":"sleep","timer":1,"due":\#(last)"#)
            add(last, #""kind":"callbackRan","task":0,"handle":1,"label":"sleep(2) is over: wake Task-1""#)
            add(last, #""kind":"scheduled","task":0,"why":"timer","by":1"#)
            add(last, #""kind":"resumed","task":0,"mode":"normal""#)
            (end, printedAt) = (last, "0:4")
        }
        add(end, #""kind":"printed","task":0,"stream":"stdout","text":"\#(printed)","at":"\#(printedAt)""#)
        add(end, #""kind":"completed","task":0,"result":"\#(result)""#)
        add(end, #""kind":"shutdown","pending":0"#)
        add(end, #""kind":"finished","outcome":"ok","message":"""#)
        let header = #"{"format":"loopscope-trace","version":1,"program":\#(program)}"#
        return ([header] + files + events).joined(separator: "\n") + "\n"
    }
}
