import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001CreateTaskNoAwait.swift", referenceCase: "seed001_2_create_task_no_await") {
        asyncioRun(info, options: $0, main: main)
    }
}
