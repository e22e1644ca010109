import LoopscopeScheduler

// seed 002 — from generators to the event loop.

private let origin = "seed 002"

enum Seed002Countdown {
    static func doStuff() async throws {
        try await sleep(1)
        print("Doing more stuff")
        let result = try await doMoreStuff()
        print(result)
    }

    static func doMoreStuff() async throws -> String {
        try await sleep(2)
        return "Hello World"
    }

    static func countdown() async throws {
        for i in stride(from: 10, to: 0, by: -1) {
            print(i)
            try await sleep(1)
        }
        print("TAKE OFF!!!!!")
    }

    static func main() async throws {
        let future = createTask("countdown()") { try await countdown() }
        try await sleep(0.5)
        try await doStuff()
        try await future.value()
        print("Main is exiting")
    }

    static let info = ProgramInfo(
        id: "seed002-countdown", title: "Countdown beside do_stuff (the article's loop, in asyncio)", origin: origin,
        note: """
            The article's generator event loop example, written with async/await ("Example 13"). \
            countdown ticks every second while main sleeps 0.5 s and runs do_stuff; main then \
            waits for the countdown to reach TAKE OFF.
            """)

    static let demo = Demo(info: info, fileName: "Seed002Countdown.swift", referenceCase: "seed002_4_countdown_example13") {
        asyncioRun(info, options: $0, main: main)
    }
}
