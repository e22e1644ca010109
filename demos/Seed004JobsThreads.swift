import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": ten jobs with threads, then with asyncio.
// The article's threads program prints nothing; two prints were added (marked ADDED) so
// the run shows its result and its wall time.

private let origin = "seed 004"

enum Seed004JobsThreads {
    static func job(_ n: Int, _ result: Shared<[Int]>) async throws {
        // CPU-bound simulation
        result.value[n] = Seed004Jobs.squares(n)
        // I/O-bound simulation
        try await blockingSleep(Double(n))
    }

    static func main() async throws {
        let result = Shared([Int](repeating: 0, count: 10))
        let start = virtualNow()  // ADDED
        var threads: [WorkerThread] = []
        for i in 0..<10 {
            let t = startThread("job(\(i))", name: "Thread-\(i + 1) (job)") { try await job(i, result) }
            threads.append(t)
        }
        for t in threads {
            try await t.join()
        }
        print(result.value)  // ADDED
        print("all threads joined after \(fixed(virtualNow() - start)) s")  // ADDED
    }

    static let info = ProgramInfo(
        id: "seed004-jobs-threads", title: "Ten jobs on ten threads", origin: origin,
        note: """
            Each thread blocks in time.sleep(n) on its own, so the main thread's joins finish \
            after the longest job, 9 s, not 45 s. No event loop here: these are thread lanes.
            """)

    static let demo = Demo(info: info, fileName: "Seed004JobsThreads.swift", referenceCase: "seed004_1_jobs_threads") {
        threadsRun(info, options: $0, main: main)
    }
}
