import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

private let origin = "seed 001"

enum Seed001FuturesAwaitBothQuarter {
    static func main() async throws {
        let task1 = createTask("fetch_data()") { try await Seed001Futures.fetchData() }
        let task2 = createTask("print_numbers()") { try await Seed001Futures.printNumbers(every: 0.25) }
        let value = try await task1.value()
        print(value)
        try await task2.value()
    }

    static let info = ProgramInfo(
        id: "seed001-futures-await-both-025", title: "Await both tasks (0.25 s between numbers)", origin: origin,
        note: """
            At 2 s two timers are due at once: fetch_data's (armed first, at 0 s) and \
            print_numbers' (armed at 1.75 s). Ties break by arming order, so 'done fetching' \
            prints before '8', and main — woken by fetch_data's completion, queued behind \
            print_numbers — prints the value after '8'.
            """)

    static let demo = Demo(info: info, fileName: "Seed001FuturesAwaitBothQuarter.swift", referenceCase: "seed001_9_futures_await_both_025") {
        asyncioRun(info, options: $0, main: main)
    }
}
