import LoopscopeScheduler

// seed 003 — "Mastering Async/Await in Python": say_after, concurrently.

enum Seed003SayAfter {
    static func sayAfter(_ delay: Double, _ what: String) async throws {
        try await sleep(delay)
        print(what)
    }

    static func main() async throws {
        let startTime = virtualNow()
        print("Started at \(virtualTimeOfDay())")

        // Schedule two coroutines to run concurrently
        let task1 = createTask("say_after(1, 'hello')") { try await sayAfter(1, "hello") }
        let task2 = createTask("say_after(2, 'world')") { try await sayAfter(2, "world") }

        // Wait for both tasks to complete
        try await task1.value()
        try await task2.value()

        print("Finished at \(virtualTimeOfDay())")
        let endTime = virtualNow()
        print("Total execution time: \(fixed(endTime - startTime)) seconds")
    }

    static let info = ProgramInfo(
        id: "seed003-say-after", title: "say_after(1, 'hello') and say_after(2, 'world')", origin: "seed 003",
        note: """
            Both sleeps run at the same time, so the program takes 2 s, not 3. main wakes at \
            1 s when task1 finishes, then waits for task2 until 2 s.
            """,
        claims: [ArticleClaim(
            article: "async/await was introduced in PEP 3156",
            actual: "async/await syntax came with PEP 492 (Python 3.5); PEP 3156 introduced the asyncio library.")])

    static let demo = Demo(info: info, fileName: "Seed003SayAfter.swift", referenceCase: "seed003_say_after_concurrent") {
        asyncioRun(info, options: $0, main: main)
    }
}
