import LoopscopeScheduler

// Ports of Reference/cases/gather_future.py and task_api.py.

/// Python's `str(list)` of strings: `['a', 'b']`.
func pyList(_ items: [String]) -> String {
    "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
}

enum GatherFutureCase {
    static func job(_ name: String, _ d: Double, fail: Bool = false) async throws -> String {
        do {
            try await sleep(d)
        } catch is CancelledError {
            say("\(name) cancelled")
            throw CancelledError()
        }
        if fail { throw ValueError(name) }
        say("\(name) done")
        return name
    }

    static func swallow(_ name: String, _ d: Double) async throws -> String {
        do {
            try await sleep(d)
        } catch is CancelledError {
            say("\(name) swallows the cancel")
        }
        return "\(name) swallowed"
    }

    static func waiter<T>(_ label: String, _ fut: LoopFuture<T>, _ show: (T) -> String) async throws {
        do {
            say("\(label) got \(show(try await fut.value()))")
        } catch is CancelledError {
            say("\(label): CancelledError")
        }
    }

    static func main() async throws {
        let inner = gatherFuture([createTask("job('a', 1)") { try await job("a", 1) },
                                  createTask("job('b', 2)") { try await job("b", 2) }])
        let outer = gatherFuture(inner, createTask("job('c', 1.5)") { try await job("c", 1.5) })
        let w = createTask("waiter('outer waiter', outer)") {
            try await waiter("outer waiter", outer) { "[\(pyList($0.0)), '\($0.1)']" }
        }
        say("inner done \(py(inner.isDone))")
        try await w.value()
        say("inner result \(pyList(try inner.result()))")

        let g = gatherFuture(createTask("job('d', 1)") { try await job("d", 1) },
                             createTask("swallow('e', 1)") { try await swallow("e", 1) })
        let w2 = createTask("waiter('g waiter', g)") { try await waiter("g waiter", g) { "\($0)" } }
        try await sleep(0.5)
        say("cancel returns \(py(g.cancel()))")
        try await w2.value()
        say("g cancelled \(py(g.isCancelled)) done \(py(g.isDone))")
        say("second cancel returns \(py(g.cancel()))")

        let failing = gatherFuture(createTask("job('f', 0.5, fail=True)") { try await job("f", 0.5, fail: true) },
                                   createTask("job('h', 1)") { try await job("h", 1) })
        let both = gatherFuture(returningExceptions: failing, createTask("job('i', 0.2)") { try await job("i", 0.2) })
        let (first, second) = try await both.value()
        let shown = [first.map { pyList([$0.0, $0.1]) }, second.map { "'\($0)'" }]
            .map { r in (try? r.get()) ?? (r.failureDescription ?? "?") }
        say("nested with return_exceptions: [\(shown.joined(separator: ", "))]")
        try await sleep(1)

        let swallowers = gatherFuture([createTask("swallow('x', 1)") { try await swallow("x", 1) },
                                       createTask("swallow('y', 1)") { try await swallow("y", 1) }])
        let w3 = createTask("waiter('swallowers waiter', swallowers)") {
            try await waiter("swallowers waiter", swallowers) { pyList($0) }
        }
        try await sleep(0)
        swallowers.cancel()
        try await w3.value()
        say("swallowers ended with \((try swallowers.exception()).map { "\(type(of: $0))" } ?? "None")")

        let nest = gatherFuture(gatherFuture([createTask("job('j', 1)") { try await job("j", 1) }]),
                                createTask("job('k', 1)") { try await job("k", 1) })
        let w4 = createTask("waiter('nest waiter', nest)") { try await waiter("nest waiter", nest) { "\($0)" } }
        try await sleep(0.5)
        say("cancelling the outer gather returns \(py(nest.cancel()))")
        try await w4.value()
        say("main done")
    }
}

extension Result {
    /// The error's description, or nil for a success.
    var failureDescription: String? {
        if case .failure(let e) = self { return "\(e)" }
        return nil
    }
}

enum TaskAPI {
    static func number(_ d: Double) async throws -> Int {
        try await sleep(d)
        return 7
    }

    static func text(_ d: Double) async throws -> String {
        try await sleep(d)
        return "seven"
    }

    static func boom(_ d: Double) async throws -> Int {
        try await sleep(d)
        throw ValueError("boom")
    }

    static func names<T>(_ tasks: [LoopTask<T>]) -> String {
        pyList(tasks.map(\.name).sorted())
    }

    static func main() async throws {
        let me = currentTask()!
        say("current task \(me.name)")
        let n = createTask("number(1)") { try await number(1) }
        let s = createTask("text(0.5)") { try await text(0.5) }
        let b = createTask("boom(0.2)") { try await boom(0.2) }
        say("all tasks \(names(allTasks()))")
        n.addDoneCallback("print(f'n done, result {t.result()}')") { t in
            say("n done, result \((try? t.result()).map(String.init) ?? "?")")
        }
        let cb = s.addDoneCallback("print('never printed')") { _ in say("never printed") }
        say("removed \(s.removeDoneCallback(cb))")
        b.addDoneCallback("print(f'b done, exception {t.exception()!r}')") { t in
            say("b done, exception \((try? t.exception()).flatMap { $0 }.map { "\($0)" } ?? "None")")
        }
        do {
            _ = try b.exception()
        } catch is InvalidStateError {
            say("exception() too early: InvalidStateError")
        }
        let (num, txt) = try await gather(n, s)
        say("gather of int and str: \(num + 1) \(txt.uppercased())")
        say("b exception \(try b.exception().map { "\($0)" } ?? "None")")
        say("all tasks \(names(allTasks()))")
        n.addDoneCallback("print('late callback on a done task')") { _ in say("late callback on a done task") }
        let late = createTask("text(1)") { try await text(1) }
        let (done, pending) = try await wait([n.erased, s.erased, late.erased], returnWhen: .firstCompleted)
        say("wait: done \(names(done)), pending \(names(pending))")
        say("n exception \(try n.exception().map { "\($0)" } ?? "None")")
        _ = try await late.value()
    }
}
