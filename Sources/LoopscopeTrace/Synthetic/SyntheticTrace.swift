/// Large, valid, realistic traces made up on demand, for benchmarks and stress tests.
///
/// `main` starts workers in batches, sleeping between batches and now and then cancelling
/// one; workers print, crunch (blocking the loop for a few milliseconds), sleep on timers
/// or yield, and finally return or fail; every fiftieth worker first waits on a worker
/// thread. When the event budget is spent, `main` returns and the runner cancels whatever
/// is still pending, as `asyncio.run` does. The trace passes `validate()`.
///
/// ```swift
/// let trace = SyntheticTrace.make(tasks: 10_000, events: 1_000_000, seed: 1)
/// ```
///
/// The same arguments give the same trace on every run and machine. Counts are targets:
/// the run stops starting work once it has recorded about `events` events and then winds
/// down (a few events per task still pending), and it has at most `tasks` lanes (main,
/// workers, threads), fewer when the budget runs out before every worker started. It is
/// not a recording of a real program and does not model any asyncio API beyond the events.
package enum SyntheticTrace {
    package static func make(tasks: Int, events: Int, seed: UInt64) -> Trace {
        var run = SyntheticRun(tasks: max(1, tasks), events: max(0, events), seed: seed)
        return run.run()
    }

    /// The source the synthetic trace's sites point into.
    static let source = """
        // A synthetic workload: main starts workers in batches and keeps an eye on them.
        func main() async {
            for batch in batches {
                for job in batch { createTask { try await worker(job) } }
                print("spawned \\(batch.count) workers")
                loop.callSoon(logProgress)
                try await sleep(interval)
                cancelOneIfSlow()
            }
        }

        func worker(_ n: Int) async throws -> String {
            if n % 50 == 49 { try await toThread(blockingIO) }
            for step in 0..<steps {
                print("worker \\(n): step \\(step)")
                crunch()                        // CPU work that holds the loop
                if step % 7 == 3 { await yield() } else { try await sleep(.random) }
            }
            return "result \\(n)"
        }

        func blockingIO() { Thread.sleep(forTimeInterval: 0.2) }

        """
}
