import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": ten jobs with threads, then with asyncio.
// The article's threads program prints nothing; two prints were added (marked ADDED) so
// the run shows its result and its wall time.

enum Seed004Jobs {
    /// `sum(i * i for i in range(n * 1000))`: the CPU-bound part (no virtual time).
    static func squares(_ n: Int) -> Int {
        (0..<(n * 1000)).reduce(0) { $0 + $1 * $1 }
    }
}
