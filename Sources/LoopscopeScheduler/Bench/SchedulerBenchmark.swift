import Foundation

/// Measures the scheduler: many tasks that reschedule themselves many times.
///
/// Each of `tasks` tasks does `reschedules` bare yields (asyncio's `await sleep(0)`), while
/// main waits for them with `gather` — the same workload as
/// `for _ in range(M): await asyncio.sleep(0)` in N tasks under CPython. A switch is one task
/// step. It only measures; it asserts nothing.
package enum SchedulerBenchmark {
    package struct Figures: Sendable {
        package var tracing: Bool
        package var switches: Int
        package var seconds: Double
        package var events: Int
        /// Bytes of the in-memory trace per event: the packed event plus its share of the
        /// string, site and task tables.
        package var bytesPerEvent: Double

        package var switchesPerSecond: Double { Double(switches) / seconds }
    }

    package static func run(tasks: Int = 1_000, reschedules: Int = 1_000, tracing: Bool) -> Figures {
        let options = RunOptions(tracing: tracing, maxEvents: Int.max)
        let info = ProgramInfo(id: "bench-scheduler", title: "\(tasks) tasks × \(reschedules) reschedules")
        let start = DispatchTime.now().uptimeNanoseconds
        let result = asyncioRun(info, options: options) {
            var workers: [LoopTask<Void>] = []
            workers.reserveCapacity(tasks)
            for _ in 0..<tasks {
                workers.append(createTask("worker()") {
                    for _ in 0..<reschedules { try await yieldNow() }
                })
            }
            _ = try await gather(workers)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let trace = result.trace
        let eventBytes = trace.events.count * MemoryLayout<TraceEvent>.stride
        let tableBytes = trace.strings.reduce(0) { $0 + $1.utf8.count + MemoryLayout<String>.stride }
            + trace.tasks.count * (MemoryLayout<TaskInfo>.stride + 16)
            + trace.sites.count * MemoryLayout<SourceSite>.stride
        let bytes = trace.events.isEmpty ? 0 : Double(eventBytes + tableBytes) / Double(trace.events.count)
        return Figures(tracing: tracing, switches: result.switches, seconds: seconds,
                       events: trace.events.count, bytesPerEvent: bytes)
    }
}
