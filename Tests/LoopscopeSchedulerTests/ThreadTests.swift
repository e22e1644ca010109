import LoopscopeScheduler
import Testing

/// Worker threads beside the loop, on the virtual clock.
@Suite(.timeLimit(.minutes(30))) struct ThreadTests {
    @Test func toThreadDoesNotBlockTheLoop() {
        let result = asyncioRun(ProgramInfo(id: "t", title: "t")) {
            let ticker = createTask("ticker()") {
                for i in 0..<3 {
                    output("tick \(i)")
                    try await sleep(0.5)
                }
            }
            let answer = try await toThread("blocking_io()") { () async throws -> String in
                try await blockingSleep(1)
                return "io done"
            }
            output(answer)
            try await ticker.value()
        }
        #expect(result.outcome == .ok)
        let lines = result.trace.output.map { "\($0.time) \($0.text)" }
        #expect(lines == ["0 tick 0", "0.5 tick 1", "1 io done", "1 tick 2"])
        let thread = result.trace.tasks.first { $0.kind == .thread }
        #expect(thread?.name == "asyncio_0")
    }

    @Test func blockingSleepInATaskHoldsTheLoopButNotThreads() {
        let result = asyncioRun(ProgramInfo(id: "t", title: "t")) {
            let worker = createTask("worker()") {
                _ = try await toThread("count()") { () async throws -> Int in
                    for i in 0..<4 {
                        output("thread \(i)")
                        try await blockingSleep(0.25)
                    }
                    return 0
                }
            }
            try await sleep(0)
            try await blockingSleep(1)
            output("main after 1 s of blocking")
            try await worker.value()
        }
        let lines = result.trace.output.map { "\($0.time) \($0.text)" }
        #expect(lines == ["0 thread 0", "0.25 thread 1", "0.5 thread 2", "0.75 thread 3",
                          "1 main after 1 s of blocking"])
        #expect(result.trace.events.contains { $0.kind == .blocked && $0.value == 1_000_000_000 })
    }

    @Test func threadsProgramJoinsAfterTheLongestThread() {
        let result = threadsRun(ProgramInfo(id: "t", title: "t")) {
            let threads = (1...3).map { n in
                startThread("job(\(n))") { try await blockingSleep(Double(n)) }
            }
            for t in threads { try await t.join() }
            output("joined at \(virtualNow())")
        }
        #expect(result.trace.output.map(\.text) == ["joined at 3.0"])
        #expect(result.trace.tasks.map(\.kind) == [.mainThread, .thread, .thread, .thread])
    }
}
