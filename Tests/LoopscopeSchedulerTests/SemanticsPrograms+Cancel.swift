import LoopscopeScheduler

// Swift ports of Reference/cases/cancel_gather*.py, as_completed_timeout.py and
// blocking_then_yields.py, line for line.

enum CancelGather {
    static func child() async throws -> String {
        do {
            try await sleep(1)
        } catch is CancelledError {
            return "swallowed"
        }
        return "slept"
    }

    static func parent() async throws -> [String] {
        try await gather([createTask("child()") { try await child() }])
    }

    static func main() async throws {
        let t = createTask("parent()") { try await parent() }
        try await sleep(0.5)
        t.cancel()
        do {
            say("\(try await t.value())")
        } catch is CancelledError {
            say("parent cancelled")
        }
    }
}

enum CancelGatherExceptions {
    static func parent() async throws -> [Result<Void, any Error>] {
        try await gather(returningExceptions: [createTask("sleep(1)") { try await sleep(1) }])
    }

    static func main() async throws {
        let t = createTask("parent()") { try await parent() }
        try await sleep(0.5)
        t.cancel()
        do {
            say("\(try await t.value())")
        } catch is CancelledError {
            say("parent cancelled")
        }
    }
}

enum AsCompletedTimeout {
    static func main() async throws {
        let ts = [1.0, 2].map { d in createTask("sleep(\(d))") { try await sleep(d) } }
        for f in asCompleted(ts, timeout: 0.5) {
            do {
                try await f.value()
            } catch is TimeoutError {
                say("timeout")
            }
        }
        say("loop over")
    }
}

enum BlockingThenYields {
    static func a() async throws {
        try await blockingSleep(1)
        for i in 0..<5 {
            say("A\(i)")
            try await sleep(0)
        }
    }

    static func b() async throws {
        try await sleep(0.5)
        say("B")
    }

    static func main() async throws {
        _ = try await gather([createTask("b()") { try await b() }, createTask("a()") { try await a() }])
    }
}
