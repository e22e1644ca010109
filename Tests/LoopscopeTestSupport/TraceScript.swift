import LoopscopeScheduler
import Testing

/// Writes hand-made traces the way the scheduler records them: every push and pop of the
/// ready queue and every timer event, at the current virtual time.
public struct TraceScript {
    public var builder: TraceBuilder
    public var now = VirtualTime.zero
    public let file: Int32
    private var nextTimer: Int32 = 0
    /// Whether timer ids are spread out and out of order instead of counting up.
    public var scrambleTimerIDs = false

    public init(id: String = "test", title: String = "Test", lines: Int = 40) {
        builder = TraceBuilder(program: ProgramInfo(id: id, title: title))
        let text = (1...lines).map { "// line \($0)" }.joined(separator: "\n")
        file = builder.file(path: "demos/main.swift", text: text)
    }

    public var trace: Trace { checkedHandBuilt(builder.build(), builder.trace.program.id) }
    public var eventCount: Int { builder.eventCount }

    private mutating func add(_ kind: EventKind, _ task: Int32, other: Int32 = -1, value: Int64 = 0,
                              line: Int32 = 0, reason: UInt8 = 0, time: VirtualTime? = nil) {
        let site = line > 0 ? builder.site(file: file, line: line) : -1
        builder.append(TraceEvent(kind: kind, time: time ?? now, task: task, other: other, value: value,
                                  site: site, reason: reason))
    }

    /// `created` + `scheduled(created)` for a task; only `created` + `started` for a thread.
    @discardableResult
    public mutating func spawn(_ name: String, _ label: String, by parent: Int32 = -1, line: Int32 = 0,
                        kind: TaskKind = .task) -> Int32 {
        let t = builder.addTask(TaskInfo(name: name, label: label, kind: kind, parent: parent))
        let labelID = builder.intern(label)
        add(.created, t, other: parent, value: Int64(labelID), line: line, reason: kind.rawValue)
        if kind != .thread { add(.scheduled, t, reason: WakeReason.created.rawValue) }
        return t
    }

    public mutating func scheduled(_ t: Int32, _ why: WakeReason, other: Int32 = -1) {
        add(.scheduled, t, other: other, reason: why.rawValue)
    }
    public mutating func started(_ t: Int32) { add(.started, t) }
    public mutating func resumed(_ t: Int32, _ mode: ResumeMode = .normal, line: Int32 = 0) {
        add(.resumed, t, line: line, reason: mode.rawValue)
    }
    public mutating func awaits(_ t: Int32, _ why: WaitReason, other: Int32 = -1, count: Int64 = 1, line: Int32) {
        add(.suspended, t, other: other, value: count, line: line, reason: why.rawValue)
    }
    /// `suspended(sleep)` + `timerAdded`; returns the timer id.
    @discardableResult
    public mutating func sleeps(_ t: Int32, seconds: Double, line: Int32) -> Int32 {
        let deadline = (now + .seconds(seconds)).nanoseconds
        add(.suspended, t, value: deadline, line: line, reason: WaitReason.sleep.rawValue)
        let id = scrambleTimerIDs ? Int32((Int(nextTimer) * 7_919_993) % 50_000_017) : nextTimer
        nextTimer += 1
        add(.timerAdded, t, other: id, value: deadline, reason: TimerPurpose.sleep.rawValue)
        return id
    }
    /// `clockJump` to `seconds`.
    public mutating func jump(to seconds: Double) {
        let from = now
        now = .seconds(seconds)
        add(.clockJump, -1, value: from.nanoseconds)
    }
    /// `timerFired` + `callbackRan` + `scheduled(timer)` for the owner: one timer due with
    /// nothing else in the ready queue (else use `timerFired`, then `timerCallbackRan`).
    public mutating func fire(_ timer: Int32, owner: Int32) {
        timerFired(timer, owner: owner)
        timerCallbackRan(timer, owner: owner)
    }
    /// `timerFired`: the timer's callback joins the back of the ready queue.
    public mutating func timerFired(_ timer: Int32, owner: Int32) {
        add(.timerFired, owner, other: timer, value: now.nanoseconds)
    }
    /// `callbackRan` + `scheduled(timer)` for the owner, when the callback reaches the head.
    public mutating func timerCallbackRan(_ timer: Int32, owner: Int32) {
        add(.callbackRan, owner, other: timer)
        scheduled(owner, .timer, other: timer)
    }
    public mutating func timerCancelled(_ timer: Int32, owner: Int32) {
        add(.timerCancelled, owner, other: timer)
    }
    public mutating func completed(_ t: Int32, _ result: String) {
        add(.completed, t, value: Int64(builder.intern(result)))
    }
    public mutating func cancelled(_ t: Int32) { add(.cancelled, t, value: -1) }
    public mutating func failed(_ t: Int32, _ error: String) {
        add(.failed, t, value: Int64(builder.intern(error)))
    }
    public mutating func printed(_ t: Int32, _ text: String, line: Int32 = 0) {
        add(.printed, t, value: Int64(builder.intern(text)), line: line)
    }
    /// A block of `seconds`; a task's block holds the loop (the clock moves on with it), a
    /// thread's does not.
    public mutating func blocked(_ t: Int32, seconds: Double, kind: BlockingKind = .sleep, holdsLoop: Bool = true) {
        add(.blocked, t, value: VirtualTime.seconds(seconds).nanoseconds, reason: kind.rawValue)
        if holdsLoop { now = now + .seconds(seconds) }
    }
    public mutating func cancelRequested(_ t: Int32, by: Int32, accepted: Bool = true) {
        add(.cancelRequested, t, other: by, value: accepted ? 1 : 0)
    }
    public mutating func shutdown(pending: Int64) { add(.shutdown, -1, value: pending) }
    public mutating func finished() { add(.finished, -1, value: Int64(builder.intern("")), reason: 0) }
    public mutating func advance(to seconds: Double) { now = .seconds(seconds) }
}

/// The seed's `fetch_url` example (seed 000): main creates A (sleep 3) and B (sleep 1),
/// prints, awaits A then B.
public func fetchURLTrace() -> Trace {
    var s = TraceScript(id: "seed000", title: "fetch_url")
    let main = s.spawn("Task-1", "main()", line: 35)
    s.started(main)
    let a = s.spawn("Task-2", "fetch_url(\"A (long)\", 3)", by: main, line: 18)
    let b = s.spawn("Task-3", "fetch_url(\"B (short)\", 1)", by: main, line: 20)
    s.printed(main, "[Main]: Tasks A & B scheduled. My own synchronous code continues UNTIL the first 'await'.",
              line: 23)
    s.awaits(main, .task, other: a, line: 26)
    s.started(a)
    let ta = s.sleeps(a, seconds: 3, line: 11)
    s.started(b)
    let tb = s.sleeps(b, seconds: 1, line: 11)
    s.jump(to: 1)
    s.fire(tb, owner: b)
    s.resumed(b, line: 11)
    s.completed(b, "'Data from B (short)'")
    s.jump(to: 3)
    s.fire(ta, owner: a)
    s.resumed(a, line: 11)
    s.completed(a, "'Data from A (long)'")
    s.scheduled(main, .taskDone, other: a)
    s.resumed(main, line: 26)
    s.completed(main, "'Final: Data from A (long), Data from B (short)'")
    s.shutdown(pending: 0)
    s.printed(-1, "Output from main: Final: Data from A (long), Data from B (short)", line: 38)
    s.finished()
    return s.trace
}

/// The seed's "create_task, no await" example (seed 001, case 2): main creates foo and
/// returns; foo starts before the runner stops, prints, sleeps, and is cancelled.
public func createTaskNoAwaitTrace() -> Trace {
    var s = TraceScript(id: "seed001-2", title: "create_task, no await")
    let main = s.spawn("Task-1", "main()", line: 16)
    s.started(main)
    s.printed(main, "shav", line: 6)
    let foo = s.spawn("Task-2", "foo()", by: main, line: 7)
    s.printed(main, "finished", line: 8)
    s.completed(main, "None")
    s.started(foo)
    s.printed(foo, "text", line: 12)
    let timer = s.sleeps(foo, seconds: 1, line: 13)
    s.shutdown(pending: 1)
    s.cancelRequested(foo, by: -1)
    s.timerCancelled(timer, owner: foo)
    s.scheduled(foo, .cancelled)
    s.resumed(foo, .cancelled, line: 13)
    s.cancelled(foo)
    s.finished()
    return s.trace
}

/// A task that blocks the loop, a worker thread, a failure, and a long idle gap.
public func mixedTrace() -> Trace {
    var s = TraceScript(id: "mixed", title: "blocking, a thread, a failure")
    let main = s.spawn("Task-1", "main()", line: 30)
    s.started(main)
    let worker = s.spawn("Thread-1", "crunch()", by: main, line: 31, kind: .thread)
    s.started(worker)
    let bad = s.spawn("Task-2", "flaky(\"\u{1B}[2J\")", by: main, line: 32)
    s.blocked(main, seconds: 0.5)
    s.printed(main, "main held the loop", line: 33)
    s.awaits(main, .task, other: bad, line: 34)
    s.blocked(worker, seconds: 2, holdsLoop: false)
    s.started(bad)
    let t = s.sleeps(bad, seconds: 1, line: 12)
    s.jump(to: 1.5)
    s.fire(t, owner: bad)
    s.resumed(bad, line: 12)
    s.failed(bad, "ValueError('boom')")
    s.scheduled(main, .taskDone, other: bad)
    s.resumed(main, .error, line: 34)
    s.awaits(main, .thread, other: worker, line: 35)
    s.jump(to: 2.5)
    s.completed(worker, "None")
    s.scheduled(main, .thread, other: worker)
    s.resumed(main, line: 35)
    let t2 = s.sleeps(main, seconds: 100, line: 36)
    s.jump(to: 102.5)
    s.fire(t2, owner: main)
    s.resumed(main, line: 36)
    s.printed(main, "done waiting \u{1B}[31m", line: 37)
    s.completed(main, "None")
    s.finished()
    return s.trace
}
