import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

/// `fetch_data` and `print_numbers`, shared by the futures variants.
enum Seed001Futures {
    static func fetchData() async throws -> PyDict {
        print("start fetching")
        try await sleep(2)
        print("done fetching")
        return PyDict([("data", 1)])
    }

    static func printNumbers(every interval: Double) async throws {
        for i in 0..<10 {
            print(i)
            try await sleep(interval)
        }
    }
}
