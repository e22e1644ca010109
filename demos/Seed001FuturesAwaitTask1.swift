import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

private let origin = "seed 001"

enum Seed001FuturesAwaitTask1 {
    static func main() async throws {
        let task1 = createTask("fetch_data()") { try await Seed001Futures.fetchData() }
        _ = createTask("print_numbers()") { try await Seed001Futures.printNumbers(every: 6.25) }
        _ = try await task1.value()
    }

    static let info = ProgramInfo(
        id: "seed001-futures-await-task1", title: "value = await task1", origin: origin,
        note: """
            Awaiting task1 guarantees fetch_data finished (2 s). print_numbers, never awaited, \
            has printed 0 and is cancelled in its first 6.25 s sleep when main returns.
            """)

    static let demo = Demo(info: info, fileName: "Seed001FuturesAwaitTask1.swift", referenceCase: "seed001_7_futures_await_task1") {
        asyncioRun(info, options: $0, main: main)
    }
}
