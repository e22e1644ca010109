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
