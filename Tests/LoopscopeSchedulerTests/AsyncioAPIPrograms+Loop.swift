import LoopscopeScheduler

// Ports of Reference/cases/call_soon_later.py, futures_api.py, shield.py and timeouts.py.

enum CallSoonLater {
    static func note(_ what: String) {
        say("callback \(what)")
    }

    static func worker() async throws {
        say("worker starts")
        try await sleep(0)
        say("worker after sleep(0)")
    }

    static func main() async throws {
        let loop = getRunningLoop()
        loop.callSoon("note('soon 1')") { note("soon 1") }
        let t = createTask("worker()") { try await worker() }
        let dropped = loop.callSoon("note('never runs')") { note("never runs") }
        loop.callSoon("note('soon 2')") { note("soon 2") }
        dropped.cancel()
        say("dropped cancelled: \(py(dropped.isCancelled))")
        loop.callLater(1, "note('later 1')") { note("later 1") }
        loop.callAt(loop.time() + 1, "note('at 1, armed second')") { note("at 1, armed second") }
        let handles = Shared<[String: Handle]>([:])
        loop.callLater(0.5, "handles['victim'].cancel()") { handles.value["victim"]?.cancel() }
        let victim = loop.callLater(0.5, "note('never runs either')") { note("never runs either") }
        handles.value["victim"] = victim
        loop.callAt(loop.time() + 0.5, "note('0.5, armed third')") { note("0.5, armed third") }
        say("victim due at \(victim.when!)")
        try await sleep(0)
        say("main after sleep(0)")
        try await sleep(1)
        say("main after sleep(1)")
        let late = loop.callLater(0.5, "note(\"due with main's wake-up\")") { note("due with main's wake-up") }
        try await sleep(0.5)
        say("late cancelled: \(py(late.isCancelled))")
        try await t.value()
    }
}

enum FuturesAPI {
    static func waiter(_ name: String, _ fut: LoopFuture<Int>) async throws {
        say("\(name) waits")
        let value = try await fut.value()
        say("\(name) got \(value)")
    }

    static func setter(_ fut: LoopFuture<Int>, _ value: Int, _ delay: Double) async throws {
        try await sleep(delay)
        say("setting \(value)")
        try fut.setResult(value)
        say("set_result returned")
    }

    static func main() async throws {
        let loop = getRunningLoop()
        let fut = loop.createFuture(of: Int.self)
        fut.addDoneCallback("print(f'callback 1 sees {f.result()}')") { f in
            say("callback 1 sees \((try? f.result()).map(String.init) ?? "?")")
        }
        let a = createTask("waiter('A', fut)") { try await waiter("A", fut) }
        let b = createTask("waiter('B', fut)") { try await waiter("B", fut) }
        try await sleep(0)
        fut.addDoneCallback("print('callback 2')") { _ in say("callback 2") }
        say("done \(py(fut.isDone)) cancelled \(py(fut.isCancelled))")
        do {
            _ = try fut.result()
        } catch is InvalidStateError {
            say("result() too early: InvalidStateError")
        }
        _ = createTask("setter(fut, 42, 1)") { try await setter(fut, 42, 1) }
        _ = try await gather([a, b])
        say("done \(py(fut.isDone)) result \(try fut.result()) exception \(try fut.exception().map { "\($0)" } ?? "None")")
        fut.addDoneCallback("print('late callback')") { _ in say("late callback") }
        say("late callback queued")
        try await sleep(0)
        do {
            try fut.setResult(1)
        } catch is InvalidStateError {
            say("second set_result: InvalidStateError")
        }

        let bad = loop.createFuture(of: Int.self)
        loop.callLater(0.5, "bad.set_exception(ValueError('boom'))") { try? bad.setException(ValueError("boom")) }
        do {
            _ = try await bad.value()
        } catch let e as ValueError {
            say("await raised \(e); exception() is \(try bad.exception().map { "\($0)" } ?? "None")")
        }

        let gone = loop.createFuture(of: Int.self)
        let c = createTask("waiter('C', gone)") { try await waiter("C", gone) }
        try await sleep(0)
        gone.cancel()
        say("gone cancelled \(py(gone.isCancelled)) done \(py(gone.isDone))")
        do {
            try await c.value()
        } catch is CancelledError {
            say("C was cancelled with its future")
        }
        do {
            _ = try gone.exception()
        } catch is CancelledError {
            say("exception() of a cancelled future raises CancelledError")
        }
    }
}

enum ShieldCase {
    static func work(_ name: String, _ d: Double) async throws -> String {
        do {
            try await sleep(d)
        } catch is CancelledError {
            say("\(name) cancelled")
            throw CancelledError()
        }
        say("\(name) finished")
        return name
    }

    static func guarded(_ inner: LoopTask<String>) async throws {
        do {
            let r = try await shield(inner).value()
            say("guarded got \(r)")
        } catch is CancelledError {
            say("guarded cancelled; inner done: \(py(inner.isDone))")
            throw CancelledError()
        }
    }

    static func main() async throws {
        let inner = createTask("work('inner', 1)") { try await work("inner", 1) }
        let g = createTask("guarded(inner)") { try await guarded(inner) }
        try await sleep(0.5)
        g.cancel()
        do {
            try await g.value()
        } catch is CancelledError {
            say("main: guarded is cancelled")
        }
        say("main: inner gives \(try await inner.value())")

        let inner2 = createTask("work('inner2', 1)") { try await work("inner2", 1) }
        let outer = shield(inner2)
        try await sleep(0.5)
        inner2.cancel()
        do {
            _ = try await outer.value()
        } catch is CancelledError {
            say("shield cancelled because inner2 was: \(py(outer.isCancelled))")
        }

        say("shield of a done task is the task: \(py(shield(inner) == inner.future))")

        let inner3 = createTask("work('inner3', 1)") { try await work("inner3", 1) }
        let g3 = createTask("guarded(inner3)") { try await guarded(inner3) }
        let loop = getRunningLoop()
        try await sleep(0)
        loop.callLater(1, "g3.cancel()") { g3.cancel() }
        do {
            try await g3.value()
        } catch is CancelledError {
            say("main: g3 cancelled; inner3 result \(try inner3.result())")
        }
    }
}

enum Timeouts {
    static func absorbs() async throws {
        do {
            try await sleep(1)
        } catch is CancelledError {
            say("absorbed a cancel without uncancel")
        }
        do {
            try await timeout(0.5).run {
                try await sleep(1)
            }
        } catch is TimeoutError {
            say("TimeoutError; cancelling() still \(currentTask()!.cancelling)")
        } catch is CancelledError {
            say("CancelledError")
        }
    }

    static func main() async throws {
        let loop = getRunningLoop()
        let cm = timeout(1)
        do {
            try await cm.run {
                say("deadline \(cm.when!)")
                try await sleep(5)
            }
        } catch is TimeoutError {
            say("timed out at \(loop.time()), expired \(py(cm.expired))")
        }

        let cm2 = timeout(2)
        try await cm2.run {
            try await sleep(1)
            say("done in time")
        }
        say("expired \(py(cm2.expired))")

        do {
            let cm3 = timeout(nil)
            try await cm3.run {
                try await sleep(1)
                try cm3.reschedule(loop.time() + 0.5)
                say("rescheduled to \(cm3.when!)")
                try await sleep(1)
            }
        } catch is TimeoutError {
            say("rescheduled timeout fired")
        }

        do {
            try await timeoutAt(loop.time() + 0.5).run {
                try await sleep(0.5)
                say("not printed: the timeout's timer was armed first")
            }
        } catch is TimeoutError {
            say("tie goes to the timeout")
        }

        let cm4 = timeout(0.5)
        try await cm4.run {
            do {
                try await sleep(1)
            } catch is CancelledError {
                say("body swallowed the cancellation")
            }
        }
        say("left normally, expired \(py(cm4.expired))")

        do {
            try await timeout(0).run {
                say("timeout(0) entered")
                try await sleep(0)
            }
        } catch is TimeoutError {
            say("timeout(0) fired at the first await")
        }

        let t = createTask("main.<locals>.absorbs()") { try await absorbs() }
        try await sleep(0.5)
        t.cancel()
        _ = try await gather(returningExceptions: [t])
        say("absorbs cancelled: \(py(t.isCancelled))")
    }
}
