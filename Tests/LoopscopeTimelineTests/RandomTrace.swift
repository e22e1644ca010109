import LoopscopeTestSupport
import LoopscopeTrace

/// A small deterministic random number generator (a 64-bit LCG) for generated traces.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// A scheduler-shaped trace from a tiny FIFO loop: tasks print, spawn, sleep, yield and
/// return in random order; timers fire earliest first (ties in arming order). With
/// `scrambleTimerIDs`, timer ids are far apart and out of order.
func randomLoopTrace(seed: UInt64, events: Int, maxTasks: Int = 30, scrambleTimerIDs: Bool = false) -> Trace {
    var rng = SeededRandom(seed: seed)
    var s = TraceScript(id: "random", title: "random")
    s.scrambleTimerIDs = scrambleTimerIDs
    var queue: [Int32] = []
    var started = Set<Int32>()
    var timers: [(deadline: Int64, id: Int32, task: Int32)] = []
    var tasks: Int32 = 0
    var spawned = [s.spawn("Task-1", "main()")]
    queue.append(spawned[0])
    tasks = 1
    while s.eventCount < events {
        if queue.isEmpty {
            guard !timers.isEmpty else { break }
            timers.sort { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            let due = timers[0].deadline
            if due > s.now.nanoseconds { s.jump(to: Double(due) / 1e9) }
            // Every due timer's callback joins the ready queue, then each runs in turn.
            var fired: [(deadline: Int64, id: Int32, task: Int32)] = []
            while let first = timers.first, first.deadline == due {
                fired.append(timers.removeFirst())
                s.timerFired(first.id, owner: first.task)
            }
            for timer in fired {
                s.timerCallbackRan(timer.id, owner: timer.task)
                queue.append(timer.task)
            }
            continue
        }
        let t = queue.removeFirst()
        if started.insert(t).inserted { s.started(t) } else { s.resumed(t, line: 3) }
        if rng.next(3) == 0 { s.printed(t, "line \(s.eventCount)", line: 5) }
        if tasks < Int32(maxTasks) && rng.next(3) == 0 {
            let child = s.spawn("Task-\(tasks + 1)", "work(\(tasks))", by: t, line: 7)
            spawned.append(child)
            tasks += 1
            queue.append(child)
        }
        let mayEnd = t != spawned[0] || s.eventCount > events * 9 / 10
        switch rng.next(5) {
        case 0 where mayEnd:
            s.completed(t, "None")
        case 1:
            s.awaits(t, .yield, line: 9)
            s.scheduled(t, .yielded)
            queue.append(t)
        default:
            let seconds = Double(1 + rng.next(20)) / 10
            let deadline = (s.now + .seconds(seconds)).nanoseconds
            let id = s.sleeps(t, seconds: seconds, line: 11)
            timers.append((deadline, id, t))
        }
    }
    _ = spawned
    return s.trace
}
