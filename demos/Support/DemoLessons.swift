/// What each demo teaches, in one line for the picker. Each line asks or names the idea
/// without giving the outcome away (the picker is also the door to predict mode).
extension Demo {
    /// One line on what watching this demo teaches.
    public var lesson: String { DemoLessons.byID[id] ?? "" }
}

enum DemoLessons {
    /// At most 36 characters each: whole beside the id and language at 80 columns.
    static let byID: [String: String] = [
        "seed000-fetch-url": "When does main give up control?",
        "seed001-print-only": "A coroutine that never awaits",
        "seed001-await-coroutine": "Awaiting a coroutine: a call",
        "seed001-create-task-no-await": "A task nobody awaits",
        "seed001-await-task": "Awaiting a task for its result",
        "seed001-sleep2-foo-sleep1": "While main sleeps, who runs?",
        "seed001-sleep05-foo-sleep10": "A task asleep when main returns",
        "seed001-futures-no-await": "Two tasks main never awaits",
        "seed001-futures-await-task1": "Await one task of two",
        "seed001-futures-await-both": "Await both; the clock jumps",
        "seed001-futures-await-both-025": "Two timers due at the same time",
        "seed002-sync-requests": "Blocking calls: how long in all?",
        "seed002-async-requests": "as_completed: finish order",
        "seed002-sleep-cycles": "Bare yields: one iteration each",
        "seed002-generator-loop": "A generator loop is a ready queue",
        "seed002-countdown": "Two coroutines taking turns",
        "seed003-say-after": "Two sleeps in two tasks: how long?",
        "seed004-jobs-threads": "Blocking sleeps on ten threads",
        "seed004-jobs-async": "Ten jobs as tasks with gather",
        "seed004-hello-world": "print, sleep, print",
        "seed004-task-ordering": "In what order do tasks start?",
        "seed004-quiz-sequential": "Awaits one after another: how long?",
        "seed004-quiz-concurrent": "Concurrent tasks: how long now?",
    ]
}
