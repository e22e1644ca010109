import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

private let origin = "seed 001"

enum Seed001FuturesNoAwait {
    static func main() async throws {
        _ = createTask("fetch_data()") { try await Seed001Futures.fetchData() }
        _ = createTask("print_numbers()") { try await Seed001Futures.printNumbers(every: 6.25) }
    }

    static let info = ProgramInfo(
        id: "seed001-futures-no-await", title: "Two tasks, main awaits neither", origin: origin,
        note: """
            main returns at once. Both tasks still run their first step (queued before the \
            loop's stop), print, and park in their sleeps; asyncio.run then cancels both.
            """,
        claims: [ArticleClaim(
            article: "When main() is run, task1 will return a future.",
            actual: "Nothing awaits it: fetch_data prints 'start fetching' and is cancelled in its 2 s sleep; its result never exists.")])

    static let demo = Demo(info: info, fileName: "Seed001FuturesNoAwait.swift", referenceCase: "seed001_6_futures_no_await") {
        asyncioRun(info, options: $0, main: main)
    }
}
