import LoopscopeTestSupport
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
        guard case .ready(let state) = Player.load(trace: trace, on: backend, clock: { .zero }) else {
            Issue.record("the load stopped with nothing pressed")
            return
        }
        #expect(state.timeline.steps.count == Timeline(trace: trace).steps.count)
    }

    /// A keyboard that has `q` (or a signal) waiting once the load has reached a chosen part
    /// of its work, and nothing before: it looks at the watch the load reads the run with.
    final class PhaseBackend: WaitingKeyBackend, @unchecked Sendable {
        let target: String
        /// Whether the decoder had returned (reading the file was over, or unwound).
        var decoderReturned = false

        init(target: String, key: InputEvent = .key(.char("q"))) {
            self.target = target
            super.init(key: key)
        }

        override func keyIsThere() -> Bool { watch?.phase?.name == target }
    }

    /// Reads `trace` as a file would be read: the decoder asks the watch every few thousand
    /// lines with the bytes read so far.
    static func reading(_ trace: Trace, backend: PhaseBackend) -> (LoadWatch) throws -> (trace: Trace, options: PlayerOptions)? {
        let bytes = TraceJSONL.encodeBytes(trace)
        return { watch in
            backend.watch = watch
            watch.show(.reading(bytes: 0, of: bytes.count))
            let decoded = try TraceJSONL.decodeWithVersion(reading: ByteFeed(bytes).read, chunkSize: 1 << 16) {
                watch.shouldStop(.reading(bytes: $0, of: bytes.count))
            }
            backend.decoderReturned = true
            return decoded.map { ($0.trace, PlayerOptions()) }
        }
    }

    /// Every part of a load: reading the file, each pass of the timeline, each zoom level.
    static let phases = ["reading the file"] + Timeline.BuildPass.allCases.map { "timeline: \($0.rawValue)" }
        + AppState.zoomLevels.map { "zoom ×\(Int($0))" }

    @Test(arguments: phases)
    func qDuringEachPartOfTheLoadStopsIt(phase: String) throws {
        let backend = PhaseBackend(target: phase)
        let clock = FakeClock()
        let loaded = try Player.load(on: backend, clock: clock.read, read: Self.reading(trace, backend: backend))
        guard case .stopped(let outcome) = loaded else {
            Issue.record("q during \(phase) did not stop the load")
            return
        }
        #expect(outcome.signal == 0 && !outcome.interrupted)
        let watch = try #require(backend.watch)
        // The key was seen at the first question of that part (the clock moves 25 ms a
        // question, past the poll interval) and the load ended there, asking nothing more.
        #expect(watch.phase?.name == phase)
        #expect(backend.pressedAt == watch.questions)
        #expect(backend.frames.first?.text().contains("reading the run") == true)
    }

    @Test(arguments: phases)
    func aSignalDuringEachPartOfTheLoadStopsIt(phase: String) throws {
        let backend = PhaseBackend(target: phase, key: .terminate)
        let loaded = try Player.load(on: backend, clock: FakeClock().read, read: Self.reading(trace, backend: backend))
        guard case .stopped(let outcome) = loaded else {
            Issue.record("SIGTERM during \(phase) did not stop the load")
            return
        }
        #expect(outcome.signal == 15 && outcome.interrupted)
        #expect(backend.watch?.phase?.name == phase)
    }

    /// Each part asks often enough: counted in questions per unit of its work, never in time.
    @Test func everyPartOfTheLoadAsksAtBoundedIntervals() throws {
        var asked: [String: Int] = [:]
        let timeline = try #require(Timeline.build(trace: trace) { (pass: Timeline.BuildPass) in
            asked["timeline: \(pass.rawValue)", default: 0] += 1
            return false
        })
        let prepared = AppState.prepared(timeline: timeline, options: PlayerOptions(),
                                         size: TerminalSize(width: 80, height: 24)) { level in
            asked["zoom ×\(Int(AppState.zoomLevels[level]))", default: 0] += 1
            return false
        }
        #expect(prepared != nil)
        let steps = timeline.steps.count
        let spans = timeline.lanes.reduce(0) { $0 + $1.spans.count }
        let every = Timeline.stopCheckInterval
        #expect(steps > 4 * every && spans > 4 * every, "the trace is big enough to tell")
        #expect(asked["timeline: events", default: 0] >= trace.events.count / every)
        #expect(asked["timeline: lanes", default: 0] >= 2 * (spans / every))
        #expect(asked["timeline: lane ends", default: 0] >= spans / every)
        #expect(asked["timeline: task steps", default: 0] >= 2 * (steps / every))
        #expect(asked["timeline: bindings", default: 0] >= trace.events.count / every)
        for level in AppState.zoomLevels {
            // The gaps, the compression, the widths, the layout and the ticks each ask
            // (and the median's passes over the gaps that are not zero).
            #expect(asked["zoom ×\(Int(level))", default: 0] >= 5 * (steps / every), "zoom ×\(Int(level))")
        }
    }
}
