import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// Writes hand-built traces event by event, with the loop bookkeeping (queue pushes,
/// timers) the tracing scheduler records.
struct TraceScript {
    var b: TraceBuilder
    var now: Int64 = 0
    var nextTimer: Int32 = 0
    var file: Int32 = -1

    init(_ program: ProgramInfo, source: String = "", path: String = "demos/Example.swift") {
        b = TraceBuilder(program: program)
        if !source.isEmpty { file = b.file(path: path, text: source) }
    }

    mutating func site(_ line: Int32) -> Int32 { file >= 0 ? b.site(file: file, line: line) : -1 }

    mutating func add(_ kind: EventKind, task: Int32 = -1, other: Int32 = -1, value: Int64 = 0,
                      site: Int32 = -1, reason: UInt8 = 0) {
        b.append(TraceEvent(kind: kind, time: VirtualTime(nanoseconds: now), task: task, other: other,
                            value: value, site: site, reason: reason))
    }

    mutating func task(_ name: String, _ label: String, parent: Int32 = -1, kind: TaskKind = .task) -> Int32 {
        b.addTask(TaskInfo(name: name, label: label, kind: kind, parent: parent))
    }

    mutating func create(_ t: Int32, by: Int32, line: Int32) {
        let label = Int64(b.intern(b.trace.tasks[Int(t)].label))
        add(.created, task: t, other: by, value: label, site: site(line))
        add(.scheduled, task: t, reason: WakeReason.created.rawValue)
    }

    mutating func start(_ t: Int32) { add(.started, task: t) }
    mutating func resume(_ t: Int32) { add(.resumed, task: t) }

    mutating func sleep(_ t: Int32, seconds: Double, line: Int32) -> Int32 {
        let deadline = now + Int64(seconds * 1e9)
        let id = nextTimer
        nextTimer += 1
        add(.timerAdded, task: t, other: id, value: deadline, reason: TimerPurpose.sleep.rawValue)
        add(.suspended, task: t, value: deadline, site: site(line), reason: WaitReason.sleep.rawValue)
        return id
    }

    mutating func awaitTask(_ t: Int32, on other: Int32, line: Int32) {
        add(.suspended, task: t, other: other, value: 1, site: site(line), reason: WaitReason.task.rawValue)
    }

    mutating func jump(to seconds: Double) {
        let old = now
        now = Int64(seconds * 1e9)
        add(.clockJump, value: old)
    }

    /// A due timer wakes its task: the timer's callback runs and schedules the task.
    mutating func fire(_ timer: Int32, waking t: Int32) {
        add(.timerFired, task: t, other: timer, reason: TimerPurpose.sleep.rawValue)
        add(.callbackRan, task: t, other: timer)
        add(.scheduled, task: t, reason: WakeReason.timer.rawValue)
    }

    mutating func wake(_ t: Int32, by other: Int32) {
        add(.scheduled, task: t, other: other, reason: WakeReason.taskDone.rawValue)
    }

    mutating func complete(_ t: Int32, _ result: String) {
        add(.completed, task: t, value: Int64(b.intern(result)))
    }

    mutating func fail(_ t: Int32, _ error: String) {
        add(.failed, task: t, value: Int64(b.intern(error)))
    }

    mutating func print(_ text: String, by t: Int32, line: Int32) {
        add(.printed, task: t, value: Int64(b.intern(text)), site: site(line))
    }

    mutating func finish() {
        add(.finished, value: Int64(b.intern("ok")))
    }

    func build() -> Trace { checkedHandBuilt(b.build(), b.trace.program.id) }
}
