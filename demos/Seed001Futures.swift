import LoopscopeScheduler

// seed 001 — "Working with Futures": fetch_data and print_numbers.
// The article's snippet had `return|{'data': 1}`, lost the indentation of print_numbers, and
// had no runner; repaired, with asyncio.run(main()) and three versions of main.

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001Futures.swift", referenceCase: "seed001_6_futures_no_await") {
        asyncioRun(info, options: $0, main: main)
    }
}

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

    static let demo = Demo(info: info, fileName: "Seed001Futures.swift", referenceCase: "seed001_7_futures_await_task1") {
        asyncioRun(info, options: $0, main: main)
    }
}

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

    static let demo = Demo(info: info, fileName: "Seed001Futures.swift", referenceCase: "seed001_8_futures_await_both") {
        asyncioRun(info, options: $0, main: main)
    }
}

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

    static let demo = Demo(info: info, fileName: "Seed001Futures.swift", referenceCase: "seed001_9_futures_await_both_025") {
        asyncioRun(info, options: $0, main: main)
    }
}

/// A Python dict's printed form, for values the articles print (`{'data': 1}`).
struct PyDict: CustomStringConvertible, Sendable {
    let items: [(String, Int)]
    init(_ items: [(String, Int)]) { self.items = items }
    var description: String {
        "{" + items.map { "'\($0.0)': \($0.1)" }.joined(separator: ", ") + "}"
    }
}
