import LoopscopeScheduler
import Testing

/// Programs that go wrong: the run ends with a report, never a hang or a crash.
@Suite(.timeLimit(.minutes(30))) struct BadProgramTests {
    static let info = ProgramInfo(id: "bad", title: "bad")

    @Test func deadlockNamesEveryStuckTaskAndWhatItWaitsOn() {
        let result = asyncioRun(Self.info) {
            let first = AsyncEvent(), second = AsyncEvent()
            let a = createTask("a()") {
                try await first.wait()
                second.set()
            }
            let b = createTask("b()") {
                try await second.wait()
                first.set()
            }
            try await a.value()
            try await b.value()
        }
        #expect(result.outcome == .deadlock)
        let message = result.message ?? ""
        #expect(message.contains("deadlock: nothing is ready and no timer is pending"))
        #expect(message.contains("Task-1 waits on Task-2"))
        #expect(message.contains("Task-2 waits on an event to be set"))
        #expect(message.contains("Task-3 waits on an event to be set"))
        #expect(result.trace.events.last?.kind == .finished)
        #expect(result.trace.events.contains { $0.kind == .warning && $0.warningKind == .deadlock })
    }

    @Test func runawayProgramStopsAtTheEventLimit() {
        var options = RunOptions()
        options.maxEvents = 10_000
        let result = asyncioRun(Self.info, options: options) {
            while true { try await yieldNow() }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("stopped after") == true)
        #expect(result.trace.events.count < 10_100)
    }

    @Test func programThatSleepsForeverStopsAtTheTimeLimit() {
        var options = RunOptions()
        options.maxVirtualTime = .seconds(60)
        let result = asyncioRun(Self.info, options: options) {
            while true { try await sleep(25) }
        }
        #expect(result.outcome == .limit)
        #expect(result.message?.contains("past the limit of 60 s") == true)
        #expect(result.duration == .seconds(50))
    }

    @Test func exceptionInMainEndsTheRunWithItsMessage() {
        struct Boom: Error, CustomStringConvertible { var description: String { "Boom()" } }
        let result = asyncioRun(Self.info) {
            try await sleep(1)
            throw Boom()
        }
        #expect(result.outcome == .exception)
        #expect(result.message == "Task-1 raised Boom()")
        #expect(result.trace.events.contains { $0.kind == .failed && $0.task == 0 })
    }

    @Test func suspendingOnSomethingTheLoopDoesNotOwnFailsLoudly() {
        let result = asyncioRun(Self.info) {
            try await Task.sleep(nanoseconds: 1_000)
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("gave up control without awaiting anything the loop owns") == true)
    }

    @Test func awaitingOutsideALoopIsAnError() async {
        await #expect(throws: SchedulerError.self) { try await sleep(1) }
    }

    @Test func aTaskCannotAwaitItself() {
        let result = asyncioRun(Self.info) {
            let box = Shared<LoopTask<Void>?>(nil)
            box.value = createTask("selfish()") {
                try await box.value!.value()
            }
            try await box.value!.value()
        }
        #expect(result.outcome == .exception)
        #expect(result.message?.contains("cannot await itself") == true)
    }
}
