import LoopscopeScheduler
import Testing

/// The same program gives the same trace, every run.
@Suite(.timeLimit(.minutes(30))) struct DeterminismTests {
    static func busyProgram() async throws {
        let q = AsyncQueue<Int>(maxSize: 3)
        let lock = AsyncLock()
        var workers: [LoopTask<Int>] = []
        for w in 0..<20 {
            workers.append(createTask("worker(\(w))") {
                var total = 0
                for i in 0..<10 {
                    try await sleep(Double((w * 7 + i * 3) % 5) * 0.1)
                    try await lock.withLock { total += i }
                    if i % 3 == 0 { try await q.put(i) }
                    if i % 4 == 0, !q.isEmpty { total += try await q.get() }
                }
                return total
            })
        }
        _ = try await gather(returningExceptions: workers)
    }

    static func record() -> RunResult {
        asyncioRun(ProgramInfo(id: "busy", title: "busy"), main: busyProgram)
    }

    @Test func sameProgramGivesAnIdenticalTraceEveryRun() {
        let first = Self.record()
        #expect(first.trace.events.count > 1_000)
        for _ in 0..<5 {
            #expect(Self.record().trace == first.trace)
        }
    }

    @Test func untracedRunRecordsNothingButStillRuns() {
        let result = asyncioRun(ProgramInfo(id: "x", title: "x"), options: RunOptions(tracing: false)) {
            try await sleep(2)
        }
        #expect(result.trace.events.isEmpty)
        #expect(result.duration == .seconds(2))
        #expect(result.outcome == .ok)
    }
}
