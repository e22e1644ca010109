import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": hello/world, task ordering, and the quiz.

private let origin = "seed 004"

enum Seed004QuizConcurrent {
    static func main() async throws {
        let task1 = createTask("say_after(1, 'hello')") { try await Seed004Quiz.sayAfter(1, "hello") }
        let task2 = createTask("say_after(2, 'world')") { try await Seed004Quiz.sayAfter(2, "world") }
        print("started at \(virtualTimeOfDay())")
        try await task1.value()
        try await task2.value()
        print("finished at \(virtualTimeOfDay())")
    }

    static let info = ProgramInfo(
        id: "seed004-quiz-concurrent", title: "Quiz: concurrent tasks", origin: origin,
        note: "Both sleeps overlap: the run takes 2 s. Predict the last line: finished at 00:00:02.")

    static let demo = Demo(info: info, fileName: "Seed004QuizConcurrent.swift", referenceCase: "seed004_6_quiz_concurrent") {
        asyncioRun(info, options: $0, main: main)
    }
}
