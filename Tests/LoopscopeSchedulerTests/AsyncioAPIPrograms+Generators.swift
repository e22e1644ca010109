import LoopscopeScheduler

// Port of Reference/cases/async_generators.py.

enum AsyncGenerators {
    /// The generator `ticks(name, n, delay)`; its `finally` is the clean-up run after the
    /// body ends, however it ends.
    static func ticks(_ name: String, _ n: Int, _ delay: Double) -> AsyncGenerator<Int> {
        asyncGenerator("ticks('\(name)', \(n), \(VirtualTimeLiteral(delay)))", of: Int.self) { yield in
            func cleanUp() async throws {
                say("\(name) finally")
                try await sleep(0.25)
                say("\(name) finally after sleep")
            }
            do {
                for i in 0..<n {
                    try await sleep(delay)
                    say("\(name) yields \(i)")
                    try await yield(i)
                }
                say("\(name) exhausted")
            } catch {
                try await cleanUp()
                throw error
            }
            try await cleanUp()
        }
    }

    static let kept = Shared<[AsyncGenerator<Int>]>([])

    static func consumer() async throws {
        let g = ticks("C", 5, 0.5)
        kept.value.append(g)
        for try await v in g {
            say("consumer got \(v)")
            if v == 1 { break }
        }
        say("consumer leaves C suspended")
    }

    static func sleeper() async throws {
        do {
            try await sleep(10)
        } catch is CancelledError {
            say("sleeper cancelled at shutdown")
            throw CancelledError()
        }
    }

    static func main() async throws {
        for try await v in ticks("A", 2, 0.5) {
            say("main got \(v)")
        }
        let b = ticks("B", 5, 0.25)
        for try await v in b {
            say("main got \(v)")
            break
        }
        say("main broke out of B")
        try await b.aclose()
        say("B closed")
        try await b.aclose()
        say("second aclose() does nothing")
        let unused = ticks("U", 1, 0)
        try await unused.aclose()
        say("never-started U closed without its finally")
        try await createTask("consumer()") { try await consumer() }.value()
        let d = ticks("D", 3, 0)
        kept.value.append(d)
        say("main got \(try await d.next()!) from D by hand")
        _ = createTask("sleeper()") { try await sleeper() }
        try await sleep(0)
        say("main returns")
    }
}

/// A number of seconds as Python writes it: `0.5`, `3`.
func VirtualTimeLiteral(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
