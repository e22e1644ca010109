import LoopscopeScheduler
import Testing

/// Async generator misuse, with the messages CPython 3.11 gives (checked by hand with
/// python3: `RuntimeError: async generator ignored GeneratorExit`, `RuntimeError: anext():
/// asynchronous generator is already running`). The ordinary uses are compared with a
/// CPython trace in AsyncioAPITests (`async_generators`).
@Suite(.timeLimit(.minutes(30))) struct AsyncGeneratorTests {
    static let info = ProgramInfo(id: "agen", title: "agen")

    @Test func aBodyThatYieldsAfterGeneratorExitMakesAcloseRaise() {
        let result = asyncioRun(Self.info) {
            let g = asyncGenerator("stubborn()", of: Int.self) { yield in
                do {
                    try await yield(1)
                } catch is GeneratorExit {
                    try await yield(2)
                }
            }
            _ = try await g.next()
            do {
                try await g.aclose()
                say("aclose returned")
            } catch let e as RuntimeError {
                say("\(e)")
            }
        }
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(result.output == ["RuntimeError: async generator ignored GeneratorExit"])
        #expect(result.trace.validate().map(\.description) == [])
    }

    @Test func nextWhileAnotherTaskRunsTheBodyRaises() {
        let result = asyncioRun(Self.info) {
            let g = asyncGenerator("slow()", of: Int.self) { yield in
                try await sleep(1)
                try await yield(1)
            }
            let t = createTask("anext(slow())") { try await g.next() }
            try await sleep(0)
            do {
                _ = try await g.next()
            } catch let e as RuntimeError {
                say("\(e)")
            }
            say("first task got \(try await t.value() ?? -1)")
        }
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(result.output == ["RuntimeError: anext(): asynchronous generator is already running",
                                  "first task got 1"])
        #expect(result.trace.validate().map(\.description) == [])
    }

    @Test func anErrorInTheBodyComesOutOfNextAndEndsTheGenerator() {
        struct Boom: Error {}
        let result = asyncioRun(Self.info) {
            let g = asyncGenerator("boom()", of: Int.self) { yield in
                try await yield(1)
                throw Boom()
            }
            for try await v in g { say("got \(v)") }
        } 
        #expect(result.outcome == .exception)
        #expect(result.output == ["got 1"])
        #expect(result.message?.contains("Boom") == true, "\(result.message ?? "")")
    }

    @Test func cancellingTheDrivingTaskThrowsIntoTheBody() {
        let result = asyncioRun(Self.info) {
            let g = asyncGenerator("ticks()", of: Int.self) { yield in
                do {
                    try await sleep(5)
                    try await yield(1)
                } catch is CancelledError {
                    say("body sees CancelledError")
                    throw CancelledError()
                }
            }
            let t = createTask("consume()") { for try await _ in g {} }
            try await sleep(1)
            t.cancel()
            do { try await t.value() } catch is CancelledError { say("consumer cancelled") }
        }
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(result.output == ["body sees CancelledError", "consumer cancelled"])
    }
}
