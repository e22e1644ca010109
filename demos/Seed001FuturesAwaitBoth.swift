import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

private let origin = "seed 001"

enum Seed001FuturesAwaitBoth {
    static func main() async throws {
        let task1 = createTask("fetch_data()") { try await Seed001Futures.fetchData() }
        let task2 = createTask("print_numbers()") { try await Seed001Futures.printNumbers(every: 6.25) }
        let value = try await task1.value()
        print(value)
        try await task2.value()
    }

    static let info = ProgramInfo(
        id: "seed001-futures-await-both", title: "Await both tasks (6.25 s between numbers)", origin: origin,
        note: """
            main prints the value at 2 s, then waits for print_numbers, which prints one number \
            every 6.25 s: long idle gaps where the clock jumps.
            """)

    static let demo = Demo(info: info, fileName: "Seed001FuturesAwaitBoth.swift", referenceCase: "seed001_8_futures_await_both") {
        asyncioRun(info, options: $0, main: main)
    }
}
