import LoopscopeScheduler

// seed 004 — "Notes on async-await in Python": hello/world, task ordering, and the quiz.

private let origin = "seed 004"

enum Seed004QuizSequential {
    static func main() async throws {
        print("started at \(virtualTimeOfDay())")
        try await Seed004Quiz.sayAfter(1, "hello")
        try await Seed004Quiz.sayAfter(2, "world")
        print("finished at \(virtualTimeOfDay())")
    }

    static let info = ProgramInfo(
        id: "seed004-quiz-sequential", title: "Quiz: sequential awaits", origin: origin,
        note: "Awaiting coroutines one after the other: 1 s + 2 s. Predict the last line: finished at 00:00:03.")

    static let demo = Demo(info: info, fileName: "Seed004QuizSequential.swift", referenceCase: "seed004_5_quiz_sequential") {
        asyncioRun(info, options: $0, main: main)
    }
}
