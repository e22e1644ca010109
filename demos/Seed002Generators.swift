import LoopscopeScheduler

// seed 002 — from generators to the event loop.

private let origin = "seed 002"

enum Seed002SleepCycles {
    /// The article's `Sleep` awaitable: its `__await__` is a generator doing `count` bare
    /// yields, each one loop iteration, counting them in the module-level `cycles`.
    struct Sleep {
        let count: Int
        let cycles: Shared<Int>
        func wait() async throws {
            for _ in 0..<count {
                cycles.value += 1
                try await yieldNow()
            }
        }
    }

    static func coroutineA(_ cycles: Shared<Int>) async throws {
        try await Sleep(count: 5, cycles: cycles).wait()
        let result = try await coroutineB(cycles)
        print(result)
    }

    static func coroutineB(_ cycles: Shared<Int>) async throws -> String {
        try await Sleep(count: 10, cycles: cycles).wait()
        return "Hello World"
    }

    static func main() async throws {
        let cycles = Shared(0)
        try await coroutineA(cycles)
        print("Waited for \(cycles.value) cycles")
    }

    static let info = ProgramInfo(
        id: "seed002-sleep-cycles", title: "A Sleep awaitable made of bare yields", origin: origin,
        note: """
            Each bare yield hands control to the loop for one iteration and puts the task at the \
            back of the ready queue; alone on the loop, it comes straight back. 5 + 10 yields: \
            15 cycles, no time passes.
            """)

    static let demo = Demo(info: info, fileName: "Seed002Generators.swift", referenceCase: "seed002_3_sleep_cycles") {
        asyncioRun(info, options: $0, main: main)
    }
}

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

    static let demo = Demo(info: info, fileName: "Seed002Generators.swift", referenceCase: "seed002_5_round_robin") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed002Countdown {
    static func doStuff() async throws {
        try await sleep(1)
        print("Doing more stuff")
        let result = try await doMoreStuff()
        print(result)
    }

    static func doMoreStuff() async throws -> String {
        try await sleep(2)
        return "Hello World"
    }

    static func countdown() async throws {
        for i in stride(from: 10, to: 0, by: -1) {
            print(i)
            try await sleep(1)
        }
        print("TAKE OFF!!!!!")
    }

    static func main() async throws {
        let future = createTask("countdown()") { try await countdown() }
        try await sleep(0.5)
        try await doStuff()
        try await future.value()
        print("Main is exiting")
    }

    static let info = ProgramInfo(
        id: "seed002-countdown", title: "Countdown beside do_stuff (the article's loop, in asyncio)", origin: origin,
        note: """
            The article's generator event loop example, written with async/await ("Example 13"). \
            countdown ticks every second while main sleeps 0.5 s and runs do_stuff; main then \
            waits for the countdown to reach TAKE OFF.
            """)

    static let demo = Demo(info: info, fileName: "Seed002Generators.swift", referenceCase: "seed002_4_countdown_example13") {
        asyncioRun(info, options: $0, main: main)
    }
}
