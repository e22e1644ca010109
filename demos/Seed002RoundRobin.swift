import LoopscopeScheduler

// seed 002 — from generators to the event loop.

private let origin = "seed 002"

enum Seed002RoundRobin {
    /// The article's request generators: `for i in range(n): yield` then return the result.
    static func request(_ waits: Int, _ result: String) async throws {
        for _ in 0..<waits {
            try await yieldNow()
        }
        print(result)
    }

    static func main() async throws {
        let request1 = createTask("request_1_generator()") { try await request(3, "Request One!!!") }
        let request2 = createTask("request_2_generator()") { try await request(1, "Request Two!!!") }
        try await request1.value()
        try await request2.value()
    }

    static let info = ProgramInfo(
        id: "seed002-generator-loop", title: "The hand-made generator loop, on the real loop", origin: origin,
        note: """
            The article's hand-made loop keeps a list of generators, sends each one step, and \
            puts it back at the end: that list is asyncio's ready queue, `send(None)` is a task \
            step, and a bare `yield` is a task rescheduling itself (sleep(0)). So the round-robin \
            is the same here: request 1, request 2, request 1, request 2 (done: 'Request Two!!!'), \
            then request 1 until 'Request One!!!'. Unlike the hand-made loop, asyncio also has \
            timers, so a real sleep parks a task instead of spinning on the clock.
            """)

    static let demo = Demo(info: info, fileName: "Seed002RoundRobin.swift", referenceCase: "seed002_5_round_robin") {
        asyncioRun(info, options: $0, main: main)
    }
}
