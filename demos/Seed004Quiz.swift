import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": hello/world, task ordering, and the quiz.

enum Seed004Quiz {
    static func sayAfter(_ delay: Double, _ what: String) async throws {
        try await sleep(delay)
        print(what)
    }
}
