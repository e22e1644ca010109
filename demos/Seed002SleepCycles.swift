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

    static let demo = Demo(info: info, fileName: "Seed002SleepCycles.swift", referenceCase: "seed002_3_sleep_cycles") {
        asyncioRun(info, options: $0, main: main)
    }
}
