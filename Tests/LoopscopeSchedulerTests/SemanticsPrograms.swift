import LoopscopeScheduler

// Swift ports of the Python programs in Reference/cases, line for line. Each prints with
// `say`, which records output like the demos' `print`.

func say(_ text: String, file: StaticString = #fileID, line: UInt = #line) {
    output(text, file: file, line: line)
}

/// Python's `ValueError(message)`.
struct ValueError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { "ValueError('\(message)')" }
}

enum CancelCleanup {
    static func worker(_ name: String, _ delay: Double) async throws {
        do {
            say("\(name) start")
            try await sleep(delay)
            say("\(name) end")
        } catch is CancelledError {
            say("\(name) cancelled, cleaning up")
            try await sleep(0.5)
            say("\(name) cleanup done")
            throw CancelledError()
        }
    }

    static func main() async throws {
        let a = createTask("worker('A', 5)") { try await worker("A", 5) }
        let b = createTask("never_started()") { say("never printed") }
        b.cancel()
        try await sleep(1)
        a.cancel()
        do {
            try await a.value()
        } catch is CancelledError {
            say("main saw A cancelled")
        }
        say("b cancelled: \(b.isCancelled ? "True" : "False")")
    }
}

enum CancelOnce {
    static func stubborn() async throws -> Int {
        do {
            try await sleep(10)
        } catch is CancelledError {
            say("caught, carrying on")
        }
        try await sleep(1)
        say("stubborn done")
        return 42
    }

    static func main() async throws {
        let t = createTask("stubborn()") { try await stubborn() }
        try await sleep(0.1)
        t.cancel()
        say("result \(try await t.value())")
    }
}

enum GatherExceptions {
    static func ok(_ n: Int, _ d: Double) async throws -> Int {
        try await sleep(d)
        say("ok \(n)")
        return n
    }

    static func bad(_ d: Double) async throws -> Int {
        try await sleep(d)
        throw ValueError("bad")
    }

    static func main() async throws {
        let first = [createTask("ok(1, 1)") { try await ok(1, 1) }, createTask("bad(0.5)") { try await bad(0.5) },
                     createTask("ok(2, 2)") { try await ok(2, 2) }]
        let r = try await gather(returningExceptions: first)
        say("[" + r.map { (try? $0.get()).map(String.init) ?? "ValueError('bad')" }.joined(separator: ", ") + "]")
        do {
            _ = try await gather([createTask("ok(3, 1)") { try await ok(3, 1) }, createTask("bad(0.5)") { try await bad(0.5) }])
        } catch let e as ValueError {
            say("caught \(e.message)")
        }
        try await sleep(1)
        say("main done")
    }
}

enum WaitForTimeout {
    static func slow() async throws -> String {
        do {
            try await sleep(5)
            return "slow"
        } catch is CancelledError {
            say("slow cancelled")
            throw CancelledError()
        }
    }

    static func fast() async throws -> String {
        try await sleep(0.5)
        return "fast"
    }

    static func main() async throws {
        do {
            _ = try await waitFor(createTask("slow()") { try await slow() }, timeout: 1)
        } catch is TimeoutError {
            say("timed out")
        }
        say(try await waitFor(createTask("fast()") { try await fast() }, timeout: 1))
    }
}

enum WaitFirstCompleted {
    static func job(_ n: Int, _ d: Double) async throws -> Int {
        try await sleep(d)
        say("job \(n) done")
        return n
    }

    static func main() async throws {
        let tasks = [3.0, 1, 2].enumerated().map { i, d in createTask("job(\(i), \(d))") { try await job(i, d) } }
        var (done, pending) = try await wait(tasks, returnWhen: .firstCompleted)
        say("done \(try done.map { try $0.result() }.sorted()) pending \(pending.count)")
        (done, pending) = try await wait(tasks)
        say("all \(try done.map { try $0.result() }.sorted())")
    }
}

enum TaskGroupFailure {
    static func child(_ n: Int, _ d: Double, fail: Bool = false) async throws {
        do {
            try await sleep(d)
            if fail { throw ValueError("child \(n) failed") }
            say("child \(n) done")
        } catch is CancelledError {
            say("child \(n) cancelled")
            throw CancelledError()
        }
    }

    static func main() async throws {
        do {
            try await taskGroup { tg in
                tg.createTask("child(1, 1)") { try await child(1, 1) }
                tg.createTask("child(2, 2, fail=True)") { try await child(2, 2, fail: true) }
                tg.createTask("child(3, 3)") { try await child(3, 3) }
            }
        } catch let eg as ExceptionGroup {
            say("caught [" + eg.errors.map { "'\(($0 as? ValueError)?.message ?? "?")'" }.joined(separator: ", ") + "]")
        }
        say("after group")
    }
}

enum QueueWorkers {
    static func consumer(_ name: String, _ q: AsyncQueue<Int?>) async throws {
        while true {
            let item = try await q.get()
            guard let item else {
                try q.taskDone()
                break
            }
            say("\(name) got \(item)")
            try await sleep(0.3)
            try q.taskDone()
        }
    }

    static func main() async throws {
        let q = AsyncQueue<Int?>(maxSize: 2)
        let tasks = [createTask("consumer('c1', q)") { try await consumer("c1", q) },
                     createTask("consumer('c2', q)") { try await consumer("c2", q) }]
        for i in 0..<5 {
            try await q.put(i)
            say("put \(i)")
        }
        try await q.put(nil)
        try await q.put(nil)
        try await q.join()
        _ = try await gather(tasks)
        say("all done")
    }
}

enum LockEventSemaphore {
    static func lockedWorker(_ n: Int, _ lock: AsyncLock) async throws {
        try await lock.withLock {
            say("\(n) has the lock")
            try await sleep(0.2)
        }
    }

    static func waiter(_ ev: AsyncEvent) async throws {
        say("waiting")
        try await ev.wait()
        say("event seen")
    }

    static func limited(_ n: Int, _ sem: AsyncSemaphore) async throws {
        try await sem.withSlot {
            say("\(n) in")
            try await sleep(1)
            say("\(n) out")
        }
    }

    static func main() async throws {
        let lock = AsyncLock(), ev = AsyncEvent(), sem = AsyncSemaphore(2)
        let ts = (0..<3).map { i in createTask("locked_worker(\(i), lock)") { try await lockedWorker(i, lock) } }
        let w = createTask("waiter(ev)") { try await waiter(ev) }
        try await sleep(0.1)
        ev.set()
        _ = try await gather(ts + [w])
        _ = try await gather((0..<4).map { i in createTask("limited(\(i), sem)") { try await limited(i, sem) } })
    }
}

enum BlockingSleep {
    static func ticker() async throws {
        for i in 0..<3 {
            say("tick \(i)")
            try await sleep(0.5)
        }
    }

    static func main() async throws {
        let t = createTask("ticker()") { try await ticker() }
        try await sleep(0)
        try await blockingSleep(1)
        say("after blocking sleep")
        try await t.value()
    }
}

enum NeverRetrieved {
    struct RuntimeError: Error, CustomStringConvertible {
        var description: String { "RuntimeError('nobody is listening')" }
    }

    static func main() async throws {
        _ = createTask("fails()") {
            try await sleep(0.1)
            throw RuntimeError()
        }
        try await sleep(1)
        say("main done")
    }
}

enum ForgotAwait {
    static func sayAfter(_ delay: Double, _ what: String) async throws {
        try await sleep(delay)
        say(what)
    }

    static let forgottenLine = #line + 4
    static func main() async throws {
        say("start")
        // The coroutine made on the next line is never awaited.
        _ = coroutine("say_after(1, 'hello')") { try await sayAfter(1, "hello") }
        try await sleep(2)
        say("end")
    }
}
