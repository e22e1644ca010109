import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": hello/world, task ordering, and the quiz.

private let origin = "seed 004"

enum Seed004HelloWorld {
    static func main() async throws {
        print("hello")
        try await sleep(1)
        print("world")
    }

    static let info = ProgramInfo(
        id: "seed004-hello-world", title: "hello, sleep(1), world", origin: origin,
        note: "One task: it suspends in sleep(1), the loop is idle, the clock jumps to 1 s.")

    static let demo = Demo(info: info, fileName: "Seed004HelloWorld.swift", referenceCase: "seed004_3_hello_world") {
        asyncioRun(info, options: $0, main: main)
    }
}
