import LoopscopeScheduler

// seed 001 — "Python Asynchronous Programming Basics": shav / text / finished.
// Each variant is the article's program, line for line; foo is
//   async def foo(text):
//       print(text)
//       await asyncio.sleep(1)      (10 in the last variant)

/// The article's `foo`, shared by its variants (the last one sleeps 10 s instead of 1).
enum Seed001 {
    static func foo(_ text: String, sleeping seconds: Double = 1) async throws {
        print(text)
        try await sleep(seconds)
    }
}
