import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeTUI

/// Building a huge run's timeline can be stopped: the build asks at bounded intervals, and
/// the player's load hears `q` and the signals while it builds. A fake clock stands in for
/// time (nothing sleeps).
@Suite struct LoadingTests {
    let trace = SyntheticTrace.make(tasks: 200, events: 60_000, seed: 5)

    @Test func theBuildAsksAtBoundedIntervalsAndGivesTheSameTimeline() throws {
        var asked = 0
        let built = try #require(Timeline.build(trace: trace) {
            asked += 1
            return false
        })
        // Every `stopCheckInterval` events at least (and once more at the end).
        #expect(asked >= trace.events.count / Timeline.stopCheckInterval)
        let plain = Timeline(trace: trace)
        #expect(built.steps == plain.steps && built.lanes == plain.lanes && built.output == plain.output)
    }

    @Test func theBuildStopsWhenAsked() {
        var asked = 0
        let built = Timeline.build(trace: trace) {
            asked += 1
            return asked == 3
        }
        #expect(built == nil)
        #expect(asked == 3, "it stops at the first yes, within one interval of events")
    }

    /// A clock that moves 25 ms each time it is read: every question looks at the keyboard.
    final class FakeClock: @unchecked Sendable {
        var now = Duration.zero
        func read() -> Duration {
            now += .milliseconds(25)
            return now
        }
    }

    @Test func qStopsTheLoadAndOtherKeysDoNot() {
        let backend = ScriptedBackend(size: TerminalSize(width: 80, height: 24),
                                      events: [.key(.char("x")), .key(.right), .key(.char("q"))])
        let clock = FakeClock()
        guard case .stopped(let outcome) = Player.load(trace: trace, on: backend, clock: clock.read) else {
            Issue.record("q did not stop the load")
            return
        }
        #expect(outcome.signal == 0 && !outcome.interrupted)
        #expect(backend.frames.first?.text().contains("reading the run") == true)
    }

    @Test(arguments: [(InputEvent.interrupt, Int32(2)), (.terminate, 15), (.hangup, 1), (.key(.ctrl("c")), 2)])
    func signalsStopTheLoad(event: InputEvent, signal: Int32) {
        let backend = ScriptedBackend(size: TerminalSize(width: 80, height: 24), events: [event])
        let clock = FakeClock()
        guard case .stopped(let outcome) = Player.load(trace: trace, on: backend, clock: clock.read) else {
            Issue.record("\(event) did not stop the load")
            return
        }
        #expect(outcome.signal == signal && outcome.interrupted)
    }

    @Test func withNothingPressedTheLoadFinishes() {
        // A clock that stands still never reaches the poll interval: the keyboard is not read.
        let backend = ScriptedBackend(size: TerminalSize(width: 80, height: 24), events: [])
        guard case .timeline(let timeline) = Player.load(trace: trace, on: backend, clock: { .zero }) else {
            Issue.record("the load stopped with nothing pressed")
            return
        }
        #expect(timeline.steps.count == Timeline(trace: trace).steps.count)
    }
}
