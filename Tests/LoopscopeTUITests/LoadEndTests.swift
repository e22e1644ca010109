import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeTUI

/// A stopped load ends at the question that saw the key or the signal: `atStop` is called
/// there, before anything the load built is unwound (and freed), so a player that ends the
/// process then never waits for hundreds of MB to be freed. A fake clock stands in for time.
extension LoadingTests {
    /// What `atStop` saw when it was called.
    struct End {
        var outcome: PlayerOutcome
        var questions: Int
        var decoderReturned: Bool
    }

    static func load(_ trace: Trace, until phase: String, key: InputEvent) throws -> (Player.Loaded, PhaseBackend, [End]) {
        let backend = PhaseBackend(target: phase, key: key)
        var ends: [End] = []
        let loaded = try Player.load(on: backend, clock: FakeClock().read, atStop: { outcome in
            ends.append(End(outcome: outcome, questions: backend.watch?.questions ?? -1,
                            decoderReturned: backend.decoderReturned))
        }, read: reading(trace, backend: backend))
        return (loaded, backend, ends)
    }

    @Test(arguments: phases)
    func aStopEndsAtTheQuestionThatSawIt(phase: String) throws {
        let (loaded, backend, ends) = try Self.load(trace, until: phase, key: .key(.char("q")))
        guard case .stopped = loaded else {
            Issue.record("q during \(phase) did not stop the load")
            return
        }
        #expect(ends.count == 1, "atStop is called once")
        let end = try #require(ends.first)
        #expect(end.outcome.signal == 0 && !end.outcome.interrupted)
        #expect(end.questions == backend.pressedAt, "at the question that saw the key, asking nothing more")
        if phase == "reading the file" {
            #expect(!end.decoderReturned, "inside the decoder, before its partial trace is freed")
        }
    }

    @Test(arguments: [("reading the file", InputEvent.terminate, Int32(15)), ("timeline: lanes", .interrupt, 2),
                      ("zoom ×4", .hangup, 1)])
    func aSignalEndsTheLoadAtTheQuestionThatSawIt(phase: String, event: InputEvent, signal: Int32) throws {
        let (loaded, backend, ends) = try Self.load(trace, until: phase, key: event)
        guard case .stopped(let outcome) = loaded else {
            Issue.record("\(event) during \(phase) did not stop the load")
            return
        }
        #expect(ends.map(\.outcome) == [outcome])
        #expect(outcome.signal == signal && outcome.interrupted)
        #expect(ends.first?.questions == backend.pressedAt)
    }

    @Test func aLoadThatIsNotStoppedNeverEnds() {
        let backend = ScriptedBackend(size: TerminalSize(width: 80, height: 24), events: [])
        var ended = 0
        let loaded = Player.load(on: backend, clock: { .zero }, atStop: { _ in ended += 1 }) { _ in (trace, PlayerOptions()) }
        guard case .ready = loaded else {
            Issue.record("the load stopped with nothing pressed")
            return
        }
        #expect(ended == 0)
    }
}
