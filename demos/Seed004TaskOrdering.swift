import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": hello/world, task ordering, and the quiz.

private let origin = "seed 004"

enum Seed004TaskOrdering {
    static func T1() async throws {
        print("T1 start")
        try await sleep(2)
        print("T1 end")
    }

    static func T2() async throws {
        print("T2 start")
        print("T2 end")
    }

    static func T3() async throws {
        print("T3 start")
        print("T3 end")
    }

    static func main() async throws {
        print("main start")
        let t1 = createTask("T1()") { try await T1() }
        let t3 = createTask("T3()") { try await T3() }
        let t2 = createTask("T2()") { try await T2() }
        print("main middle")
        try await t1.value()
        try await t2.value()
        try await t3.value()
        print("main end")
    }

    static let info = ProgramInfo(
        id: "seed004-task-ordering", title: "Task ordering: T1, T3, T2", origin: origin,
        note: """
            Tasks start in the order they were created — T1, T3, T2 — because the ready queue \
            is first-in, first-out. T3 and T2 run to the end in one step each; T1 waits 2 s. \
            main's awaits only decide when main itself wakes.
            """,
        claims: [ArticleClaim(
            article: "create_task schedules coroutines to start soon; you often see the first slice of each run in the order you created them.",
            actual: "Not often: always. The ready queue is FIFO, so first slices run in creation order on every run (T1, T3, T2).")])

    static let demo = Demo(info: info, fileName: "Seed004TaskOrdering.swift", referenceCase: "seed004_4_task_ordering") {
        asyncioRun(info, options: $0, main: main)
    }
}
