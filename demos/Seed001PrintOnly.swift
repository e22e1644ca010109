import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

enum Seed001PrintOnly {
    static func main() async throws {
        print("shav")
    }

    static let info = ProgramInfo(
        id: "seed001-print-only", title: "A coroutine that only prints", origin: origin,
        note: "asyncio.run wraps main() in Task-1 and runs it to completion: no await, no switch.")

    static let demo = Demo(info: info, fileName: "Seed001PrintOnly.swift", referenceCase: "seed001_0_print_only") {
        asyncioRun(info, options: $0, main: main)
    }
}
