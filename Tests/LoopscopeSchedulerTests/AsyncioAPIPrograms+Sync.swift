import LoopscopeScheduler

// Port of Reference/cases/condition_barrier.py.

enum ConditionBarrier {
    static func waiter(_ name: String, _ cond: AsyncCondition) async throws {
        try await cond.withLock {
            _ = try await cond.wait()
            say("\(name) notified")
            try await sleep(0.1)
            say("\(name) lets go")
        }
    }

    static func consumer(_ name: String, _ cond: AsyncCondition, _ items: Shared<[String]>) async throws {
        try await cond.withLock {
            say("\(name) waits")
            _ = try await cond.waitFor { !items.value.isEmpty }
            say("\(name) takes \(items.value.removeFirst())")
        }
    }

    static func party(_ name: String, _ barrier: AsyncBarrier, _ d: Double) async throws {
        try await sleep(d)
        say("\(name) arrives")
        let index = try await barrier.wait()
        say("\(name) passes with index \(index)")
    }

    static func main() async throws {
        let cond = AsyncCondition()
        let ws = (0..<3).map { i in createTask("waiter('w\(i)', cond)") { try await waiter("w\(i)", cond) } }
        try await sleep(0)
        try await cond.withLock {
            try cond.notify(1)
            say("notified one")
        }
        try await sleep(0.5)
        try await cond.withLock {
            try cond.notifyAll()
            say("notified all")
        }
        _ = try await gather(ws)

        let items = Shared<[String]>([])
        let cs = (0..<2).map { i in createTask("consumer('c\(i)', cond, items)") { try await consumer("c\(i)", cond, items) } }
        try await sleep(0)
        try await cond.withLock {
            items.value.append("x")
            try cond.notifyAll()
        }
        try await sleep(0.1)
        try await cond.withLock {
            items.value.append("y")
            try cond.notify()
        }
        _ = try await gather(cs)

        let barrier = AsyncBarrier(3)
        _ = try await gather([0.2, 0.1, 0.3].enumerated().map { i, d in
            createTask("party('p\(i)', barrier, \(d))") { try await party("p\(i)", barrier, d) }
        })
        say("n_waiting \(barrier.waitingCount) broken \(py(barrier.isBroken))")
        _ = try await gather((0..<3).map { i in createTask("party('q\(i)', barrier, 0)") { try await party("q\(i)", barrier, 0) } })

        let b2 = AsyncBarrier(2)
        let t = createTask("party('r0', b2, 0)") { try await party("r0", b2, 0) }
        try await sleep(0.1)
        try await b2.abort()
        do {
            try await t.value()
        } catch is BrokenBarrierError {
            say("r0: BrokenBarrierError, broken \(py(b2.isBroken))")
        }

        let b3 = AsyncBarrier(2)
        let t3 = createTask("party('s0', b3, 0)") { try await party("s0", b3, 0) }
        try await sleep(0.1)
        try await b3.reset()
        do {
            try await t3.value()
        } catch is BrokenBarrierError {
            say("s0: BrokenBarrierError after reset, broken \(py(b3.isBroken))")
        }
        _ = try await gather([createTask("party('s1', b3, 0)") { try await party("s1", b3, 0) },
                              createTask("party('s2', b3, 0)") { try await party("s2", b3, 0) }])

        let cw = createTask("waiter('cw', cond)") { try await waiter("cw", cond) }
        try await sleep(0)
        try await cond.withLock {
            cw.cancel()
            try await sleep(0.1)
            say("main lets go of the lock")
        }
        do {
            try await cw.value()
        } catch is CancelledError {
            say("cw cancelled once it had the lock back; locked now: \(py(cond.isLocked))")
        }

        let sem = AsyncBoundedSemaphore(2)
        try await sem.withSlot {
            say("locked \(py(sem.isLocked))")
        }
        do {
            try sem.release()
        } catch let e as SchedulerError {
            say("ValueError: \(e.message)")
        }
    }
}

// Port of Reference/cases/priority_lifo_queues.py.

enum PriorityLifoQueues {
    /// A Python tuple `(priority, job)`, compared the same way.
    struct Job: Comparable, Sendable {
        let priority: Int
        let name: String
        static func < (a: Job, b: Job) -> Bool { (a.priority, a.name) < (b.priority, b.name) }
    }

    /// `@dataclass(order=True)` with a name that takes no part in comparisons.
    struct Ticket: Comparable, Sendable {
        let priority: Int
        let name: String
        static func < (a: Ticket, b: Ticket) -> Bool { a.priority < b.priority }
        static func == (a: Ticket, b: Ticket) -> Bool { a.priority == b.priority }
    }

    static func worker(_ name: String, _ q: AsyncPriorityQueue<Job>) async throws {
        while true {
            let job = try await q.get()
            say("\(name) got \(job.name) (priority \(job.priority))")
            try await sleep(0.1)
            try q.taskDone()
        }
    }

    static func getter(_ name: String, _ q: AsyncLifoQueue<String>) async throws {
        say("\(name) got \(try await q.get())")
    }

    static func main() async throws {
        let pq = AsyncPriorityQueue<Job>()
        for (p, n) in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (2, "also normal")] {
            try pq.putNowait(Job(priority: p, name: n))
        }
        let ws = (0..<2).map { i in createTask("worker('w\(i)', pq)") { try await worker("w\(i)", pq) } }
        try await pq.join()
        try await pq.put(Job(priority: 5, name: "last"))
        try await pq.put(Job(priority: 0, name: "late but first"))
        try await pq.join()
        for w in ws { w.cancel() }
        _ = try await gather(returningExceptions: ws)

        let tickets = AsyncPriorityQueue<Ticket>()
        for (p, n) in [(1, "a"), (1, "b"), (1, "c"), (0, "d"), (1, "e"), (1, "f")] {
            try tickets.putNowait(Ticket(priority: p, name: n))
        }
        say("equal priorities come out as heapq leaves them: "
            + (try (0..<6).map { _ in try tickets.getNowait().name }).joined(separator: " "))

        let lq = AsyncLifoQueue<String>(maxSize: 2)
        let p = createTask("main.<locals>.producer()") {
            for i in 0..<4 {
                try await lq.put("\(i)")
                say("put \(i)")
            }
        }
        try await sleep(0.1)
        for _ in 0..<4 {
            say("got \(try await lq.get())")
        }
        try await p.value()

        let gs = (0..<2).map { i in createTask("getter('g\(i)', lq)") { try await getter("g\(i)", lq) } }
        try await sleep(0)
        try lq.putNowait("a")
        try lq.putNowait("b")
        _ = try await gather(gs)
    }
}
