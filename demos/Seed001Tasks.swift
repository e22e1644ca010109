import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

/// The article's `foo`, shared by its variants (the last one sleeps 10 s instead of 1).
enum Seed001 {
    static func foo(_ text: String, sleeping seconds: Double = 1) async throws {
        print(text)
        try await sleep(seconds)
    }
}

enum Seed001PrintOnly {
    static func main() async throws {
        print("shav")
    }

    static let info = ProgramInfo(
        id: "seed001-print-only", title: "A coroutine that only prints", origin: origin,
        note: "asyncio.run wraps main() in Task-1 and runs it to completion: no await, no switch.")

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_0_print_only") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed001AwaitCoroutine {
    static func main() async throws {
        print("shav")
        try await Seed001.foo("text")
        print("finished")
    }

    static let info = ProgramInfo(
        id: "seed001-await-coroutine", title: "await foo('text'): a call, not a task", origin: origin,
        note: """
            Awaiting a coroutine directly runs it inside the same task, like a function call: \
            there is only Task-1, and it suspends in foo's sleep.
            """)

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_1_await_coroutine") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed001CreateTaskNoAwait {
    static func main() async throws {
        print("shav")
        _ = createTask("foo('text')") { try await Seed001.foo("text") }
        print("finished")
    }

    static let info = ProgramInfo(
        id: "seed001-create-task-no-await", title: "create_task without await", origin: origin,
        note: """
            main never awaits, so foo's task runs only after main has returned. It still prints \
            'text': asyncio.run stops the loop only after the steps already in the ready queue \
            have run, and foo's first step was queued before the stop. Then asyncio.run cancels \
            foo inside its 1 s sleep: foo never finishes.
            """,
        claims: [ArticleClaim(
            article: "Tasks let foo run concurrently, so finished is not blocked by foo (output: shav, finished, text).",
            actual: "The output is right, but foo never finishes: it runs one step after main returns, then asyncio.run cancels it inside sleep(1).")])

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_2_create_task_no_await") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed001AwaitTask {
    static func main() async throws {
        print("shav")
        let task = createTask("foo('text')") { try await Seed001.foo("text") }
        try await task.value()
        print("finished")
    }

    static let info = ProgramInfo(
        id: "seed001-await-task", title: "create_task, then await the task", origin: origin,
        note: "main suspends on the task; the task starts, sleeps 1 s, finishes, and wakes main.")

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_3_await_task") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed001Sleep2FooSleep1 {
    static func main() async throws {
        print("shav")
        _ = createTask("foo('text')") { try await Seed001.foo("text") }
        try await sleep(2)
        print("finished")
    }

    static let info = ProgramInfo(
        id: "seed001-sleep2-foo-sleep1", title: "main sleeps 2 s, foo sleeps 1 s", origin: origin,
        note: """
            When main suspends in sleep(2), foo's task starts at once and prints 'text' at 0 s; \
            'finished' comes at 2 s. The order is shav, text, finished.
            """,
        claims: [ArticleClaim(
            article: "Now we get: shav, finished, text",
            actual: "CPython prints shav, text, finished: foo prints at 0 s, as soon as main's await gives up control; finished waits for the 2 s sleep.")])

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_4_sleep2_foo_sleep1") {
        asyncioRun(info, options: $0, main: main)
    }
}

enum Seed001Sleep05FooSleep10 {
    static func main() async throws {
        print("shav")
        _ = createTask("foo('text')") { try await Seed001.foo("text", sleeping: 10) }
        try await sleep(0.5)
        print("finished")
    }

    static let info = ProgramInfo(
        id: "seed001-sleep05-foo-sleep10", title: "main sleeps 0.5 s, foo sleeps 10 s", origin: origin,
        note: """
            The article's four steps are right: foo runs while main sleeps, then finished prints \
            at 0.5 s. What it leaves out: foo's 10 s sleep never ends — asyncio.run cancels it \
            at 0.5 s, when main returns.
            """)

    static let demo = Demo(info: info, fileName: "Seed001Tasks.swift", referenceCase: "seed001_5_sleep05_foo_sleep10") {
        asyncioRun(info, options: $0, main: main)
    }
}
