import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001AwaitCoroutine.swift", referenceCase: "seed001_1_await_coroutine") {
        asyncioRun(info, options: $0, main: main)
    }
}
