import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001Sleep05FooSleep10.swift", referenceCase: "seed001_5_sleep05_foo_sleep10") {
        asyncioRun(info, options: $0, main: main)
    }
}
