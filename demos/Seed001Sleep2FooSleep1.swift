import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

private let origin = "seed 001"

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

    static let demo = Demo(info: info, fileName: "Seed001Sleep2FooSleep1.swift", referenceCase: "seed001_4_sleep2_foo_sleep1") {
        asyncioRun(info, options: $0, main: main)
    }
}
