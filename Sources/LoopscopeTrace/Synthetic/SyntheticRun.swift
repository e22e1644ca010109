/// The little event loop behind `SyntheticTrace`: a ready queue, a timer heap and a
/// virtual clock, driving made-up tasks and recording through `TraceBuilder`.
///
/// It follows the rules `Trace.validate()` checks (pushes and pops of the ready queue,
/// timers, one running task); it is not the project's scheduler and runs no real code.
struct SyntheticRun {
    /// `waking`: its timer fired and the callback that wakes it is in the ready queue.
    enum Phase { case queued, running, sleeping, waking, waitingThread, done }

    struct Worker {
        var phase = Phase.queued
        var started = false
        var stepsLeft = 0
        var cancelPending = false
        var timer: Int32 = -1
        var number = 0
        var needsThread = false
    }

    enum Entry { case step(Int32), callback(Int32, Action) }
    enum Action { case wake(Int32), threadDone(thread: Int32, waiter: Int32), log(Int32) }

    var b: TraceBuilder
    var rng: SplitMix64
    let budget: Int
    let workersPlanned: Int
    var clock: Int64 = 0
    var workers: [Worker] = []
    var ready: [Entry] = []
    var readyHead = 0
    var timers = TimerHeap()
    var timerAction: [Int32: Action] = [:]
    var nextHandle: Int32 = 0
    var spawned = 0
    var taskNames = 0
    var live: [Int32] = []
    var failed: [Int32] = []
    var mainDone = false
    let stepsPerWorker: Int
    let file: Int32
    /// Site ids by source line, interned on first use (-1: not yet).
    var sites = [Int32](repeating: -1, count: 24)

    init(tasks: Int, events: Int, seed: UInt64) {
        b = TraceBuilder(program: ProgramInfo(
            id: "synthetic", title: "Synthetic workload",
            origin: "generated (seed \(seed))",
            note: "Made-up tasks that sleep, print, crunch and get cancelled; for benchmarks."))
        b.reserveCapacity(events: events + events / 16 + 64)
        rng = SplitMix64(seed: seed)
        budget = events
        // Lanes: main + workers + one thread per fifty workers.
        var w = max(0, tasks - 1)
        while w > 0 && 1 + w + w / 50 > tasks { w -= 1 }
        workersPlanned = w
        stepsPerWorker = max(2, events / max(1, w * 4))
        file = b.file(path: "synthetic/Workload.swift", text: SyntheticTrace.source)
    }

    // MARK: Recording helpers

    @inline(__always)
    mutating func emit(_ kind: EventKind, task: Int32 = -1, other: Int32 = -1, value: Int64 = 0,
                       line: Int = 0, reason: UInt8 = 0) {
        b.append(TraceEvent(kind: kind, time: VirtualTime(nanoseconds: clock), task: task, other: other,
                            value: value, site: line == 0 ? -1 : site(line), reason: reason))
    }

    mutating func site(_ line: Int) -> Int32 {
        if sites[line] < 0 { sites[line] = b.site(file: file, line: Int32(line)) }
        return sites[line]
    }

    mutating func text(_ s: String) -> Int64 { Int64(b.intern(s)) }

    mutating func newTask(_ label: String, kind: TaskKind, parent: Int32, line: Int) -> Int32 {
        let name: String
        if kind == .task { taskNames += 1; name = "Task-\(taskNames)" } else { name = "asyncio_\(workers.count)" }
        let id = b.addTask(TaskInfo(name: name, label: label, kind: kind, parent: parent))
        workers.append(Worker())
        emit(.created, task: id, other: parent, value: text(label), line: line, reason: kind.rawValue)
        return id
    }

    mutating func schedule(_ t: Int32, _ why: WakeReason, by: Int32 = -1) {
        emit(.scheduled, task: t, other: by, reason: why.rawValue)
        workers[Int(t)].phase = .queued
        ready.append(.step(t))
    }

    mutating func addTimer(owner: Int32, after delay: Int64, purpose: TimerPurpose, action: Action) -> Int32 {
        let id = nextHandle
        nextHandle += 1
        emit(.timerAdded, task: owner, other: id, value: clock + delay, reason: purpose.rawValue)
        timers.push(deadline: clock + delay, id: id)
        timerAction[id] = action
        return id
    }

    mutating func sleep(_ t: Int32, _ delay: Int64, line: Int) {
        let timer = addTimer(owner: t, after: delay, purpose: .sleep, action: .wake(t))
        emit(.suspended, task: t, value: clock + delay, line: line, reason: WaitReason.sleep.rawValue)
        workers[Int(t)].phase = .sleeping
        workers[Int(t)].timer = timer
    }

    // MARK: The loop

    mutating func run() -> Trace {
        let main = newTask("main()", kind: .task, parent: -1, line: 2)
        schedule(main, .created)
        while true {
            if readyHead == ready.count {
                guard let next = timers.peekDeadline(liveIn: timerAction) else { break }
                if next > clock {
                    let from = clock
                    clock = next
                    emit(.clockJump, value: from)
                }
            }
            fireDueTimers()
            let end = ready.count
            while readyHead < end {
                let entry = ready[readyHead]
                readyHead += 1
                switch entry {
                case .step(let t): step(t)
                case .callback(let h, let action): callback(h, action)
                }
            }
            if readyHead > 65_536 { ready.removeFirst(readyHead); readyHead = 0 }
        }
        for t in failed {
            emit(.warning, task: t, value: text("Task exception was never retrieved"),
                 reason: WarningKind.exceptionNeverRetrieved.rawValue)
        }
        emit(.finished, value: text(""), reason: RunOutcome.ok.rawValue)
        let trace = b.build()
        TraceCheck.made(trace, by: "SyntheticTrace")
        return trace
    }

    mutating func fireDueTimers() {
        while let (deadline, id) = timers.popDue(clock) {
            guard let action = timerAction.removeValue(forKey: id) else { continue }
            let purpose: TimerPurpose
            let owner: Int32
            switch action {
            case .wake(let t):
                purpose = .sleep; owner = t
                workers[Int(t)].phase = .waking
            case .threadDone(let thread, _): purpose = .thread; owner = thread
            case .log: purpose = .sleep; owner = -1
            }
            emit(.timerFired, task: owner, other: id, value: deadline, reason: purpose.rawValue)
            ready.append(.callback(id, action))
        }
    }

    mutating func callback(_ h: Int32, _ action: Action) {
        emit(.callbackRan, other: h)
        switch action {
        case .wake(let t):
            schedule(t, .timer, by: h)
        case .threadDone(let thread, let waiter):
            emit(.completed, task: thread, value: text("None"))
            workers[Int(thread)].phase = .done
            if workers[Int(waiter)].phase == .waitingThread { schedule(waiter, .thread, by: thread) }
        case .log(let s):
            emit(.printed, value: Int64(s), line: 6, reason: OutputStream.stdout.rawValue)
        }
    }
}
