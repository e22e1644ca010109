import Testing
import LoopscopeTrace

@Suite("Synthetic traces")
struct SyntheticTraceTests {
    @Test func aSmallRunIsValidAndRealistic() {
        let trace = SyntheticTrace.make(tasks: 200, events: 20_000, seed: 7)
        #expect(trace.validate() == [])
        #expect(trace.events.count >= 20_000)
        #expect(trace.events.count < 21_000)
        #expect(trace.tasks.count == 200)
        let kinds = Set(trace.events.map(\.kind))
        for kind in [EventKind.created, .scheduled, .started, .resumed, .suspended, .completed, .failed,
                     .cancelled, .cancelRequested, .printed, .clockJump, .blocked, .timerAdded, .timerFired,
                     .timerCancelled, .callbackQueued, .callbackRan, .warning, .shutdown, .finished] {
            #expect(kinds.contains(kind), "no \(kind) event")
        }
        #expect(trace.tasks.contains { $0.kind == .thread })
        #expect(trace.events.last?.kind == .finished)
    }

    @Test func theSameSeedGivesTheSameTrace() {
        let a = SyntheticTrace.make(tasks: 50, events: 5_000, seed: 3)
        let b = SyntheticTrace.make(tasks: 50, events: 5_000, seed: 3)
        let c = SyntheticTrace.make(tasks: 50, events: 5_000, seed: 4)
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [(1, 0), (1, 10), (2, 100), (3, 1_000), (500, 2_000), (60, 30_000)])
    func oddSizesStayValid(tasks: Int, events: Int) {
        let trace = SyntheticTrace.make(tasks: tasks, events: events, seed: 11)
        #expect(trace.validate() == [])
        #expect(trace.tasks.count <= tasks)
        #expect(trace.events.last?.kind == .finished)
    }

    @Test func itRoundTripsThroughJSONLines() throws {
        let trace = SyntheticTrace.make(tasks: 100, events: 10_000, seed: 5)
        let bytes = TraceJSONL.encodeBytes(trace)
        let back = try TraceJSONL.decode(bytes)
        #expect(back == trace)
        #expect(TraceJSONL.encodeBytes(back) == bytes)
    }
}
