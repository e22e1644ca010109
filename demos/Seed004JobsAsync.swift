import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": ten jobs with threads, then with asyncio.
// The article's threads program prints nothing; two prints were added (marked ADDED) so
// the run shows its result and its wall time.

private let origin = "seed 004"

enum Seed004JobsAsync {
    static func job(_ n: Int) async throws -> Int {
        // CPU-bound simulation
        let acc = Seed004Jobs.squares(n)
        // I/O-bound simulation
        try await sleep(Double(n))
        return acc
    }

    static func main() async throws {
        let tasks = (0..<10).map { i in createTask("job(\(i))") { try await job(i) } }
        let results = try await gather(tasks)
        print(results)
    }

    static let info = ProgramInfo(
        id: "seed004-jobs-async", title: "Ten jobs as tasks with gather", origin: origin,
        note: """
            The same ten jobs as tasks on one thread: all sleeps overlap, so gather returns at \
            9 s. job(0) sleeps 0 s, which is a bare yield: it goes to the back of the ready queue \
            and finishes after every other job has started.
            """)

    static let demo = Demo(info: info, fileName: "Seed004JobsAsync.swift", referenceCase: "seed004_2_jobs_async") {
        asyncioRun(info, options: $0, main: main)
    }
}
