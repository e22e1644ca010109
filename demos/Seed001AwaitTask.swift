import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001AwaitTask.swift", referenceCase: "seed001_3_await_task") {
        asyncioRun(info, options: $0, main: main)
    }
}
