import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Playback pace, driven by a fake clock: ticks carry the time and `reduce` takes the steps
/// due by then. Nothing here sleeps.
@Suite struct PlaybackTests {
    /// A run long enough to play for a while: 400 tasks, one step each at t = 0 and more later.
    let crowd = Timeline(trace: HandTraces.crowd(400))
    let fetch = Timeline(trace: HandTraces.fetch)

    /// Plays from step 0 at `speed`, ticking every `every` for `seconds` of fake time, and
    /// returns the steps taken.
    func stepsTaken(speed: Double, seconds: Double, every: Duration) -> Int {
        var s = AppState(timeline: crowd, options: PlayerOptions(stepsPerSecond: speed), size: .minimum)
        #expect(s.stepsPerSecond == speed)
        s = reduce(s, .togglePlay)
        var now = Duration.seconds(100)
        s = reduce(s, .tick(now))
        let end = now + .seconds(seconds)
        while now < end {
            now += every
            s = reduce(s, .tick(now))
        }
        return s.step
    }

    @Test(arguments: PlayerOptions.speeds.filter { $0 <= 30 })
    func everySpeedHoldsWithinTenPercent(speed: Double) {
        // Ticks at odd intervals, as a run loop woken by keys and timeouts would send them.
        let seconds = max(4, 20 / speed)
        for every in [Duration.milliseconds(7), .milliseconds(100), .milliseconds(333)] {
            let taken = Double(stepsTaken(speed: speed, seconds: seconds, every: every))
            let expected = speed * seconds
            #expect(abs(taken - expected) <= expected * 0.1,
                    "\(speed)/s ticking every \(every): \(taken) steps in \(seconds) s, expected \(expected)")
        }
    }

    @Test func oneStepASecondIsNotTenWhenTheLoopWakesEvery100ms() {
        // Today's bug: every wake-up of the key loop (each 100 ms) took a step.
        #expect(stepsTaken(speed: 1, seconds: 10, every: .milliseconds(100)) == 10)
        #expect(stepsTaken(speed: 4, seconds: 10, every: .milliseconds(100)) == 40)
    }

    @Test func nextStepDueTellsTheRunLoopHowLongToWait() throws {
        var s = AppState(timeline: crowd, options: PlayerOptions(stepsPerSecond: 2), size: .minimum)
        #expect(s.nextStepDue == nil, "paused")
        s = reduce(s, .togglePlay)
        s = reduce(s, .tick(.seconds(10)))
        #expect(s.nextStepDue == .seconds(10.5))
        s = reduce(s, .tick(.seconds(10.4)))
        #expect(s.step == 0)
        s = reduce(s, .tick(.seconds(10.5)))
        #expect(s.step == 1)
        #expect(s.nextStepDue == .seconds(11), "due from when the step was due, not when the tick came")
    }

    @Test func realTimeMakesAThreeSecondSleepLastThreeTimesAsLong() throws {
        // fetch: B's 1 s sleep ends at t=1, A's 3 s sleep at t=3.
        var s = AppState(timeline: fetch, options: PlayerOptions(stepsPerSecond: 4, realTime: 1), size: .minimum)
        #expect(s.realTime && s.realTimeScale == 1)
        s = reduce(s, .togglePlay)
        var now = Duration.zero
        s = reduce(s, .tick(now))
        var reachedAt: [VirtualTime: Duration] = [:]
        while s.playing && now < .seconds(60) {
            now += .milliseconds(10)
            s = reduce(s, .tick(now))
            let t = s.loop.time
            if reachedAt[t] == nil { reachedAt[t] = now }
        }
        let at1 = try #require(reachedAt[VirtualTime(seconds: 1)])
        let at3 = try #require(reachedAt[VirtualTime(seconds: 3)])
        let twoMore = (at3 - at1) / .seconds(1)
        // t=1 holds a few steps at 4/s, then the 2 s left of A's sleep last 2 real seconds.
        let stepsAt1 = fetch.steps.filter { $0.time == VirtualTime(seconds: 1) }.count
        let expected = Double(stepsAt1 - 1) * 0.25 + 2
        #expect(abs(twoMore - expected) < 0.05, "t=1 to t=3 took \(twoMore) s, expected \(expected)")
        #expect(at1 > .seconds(1), "the 1 s sleep took at least a second")
        // Twice as slow with scale 2.
        s = reduce(s, .first)
        s = reduce(s, .slower)
        #expect(s.realTimeScale == 2)
        s = reduce(s, .toggleRealTime)
        #expect(!s.realTime && s.stepsPerSecond == 4, "r goes back to steps a second")
    }

    @Test func aLongStallTakesTheDueStepsOnceThenKeepsThePace() {
        var s = AppState(timeline: crowd, options: PlayerOptions(stepsPerSecond: 4), size: .minimum)
        s = reduce(s, .togglePlay)
        s = reduce(s, .tick(.zero))
        s = reduce(s, .tick(.seconds(60)))
        let afterStall = s.step
        #expect(afterStall == 240, "the steps due are taken once")
        s = reduce(s, .tick(.seconds(60.25)))
        #expect(s.step == afterStall + 1, "then the pace resumes from now")
    }
}

/// The run loop with a fake clock: the backend's waits advance it, as a terminal's would.
final class ClockedBackend: TerminalBackend {
    let size = TerminalSize.minimum
    let capabilities = TerminalCapabilities(colors: false, unicode: true)
    var now = Duration.zero
    let end: Duration
    var frames = 0
    private var script: [(Duration, InputEvent)]

    /// Sends each event at its time; quits with `q` at `end`.
    init(script: [(Duration, InputEvent)], end: Duration) {
        self.script = script
        self.end = end
    }

    func draw(_ grid: Grid) { frames += 1 }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        // Like the curses backend: wakes at least every 100 ms.
        let wait = Duration.milliseconds(timeoutMilliseconds < 0 ? 100 : min(100, timeoutMilliseconds))
        if let (at, event) = script.first, at <= now + wait {
            now = max(now, at)
            script.removeFirst()
            return event
        }
        now += wait
        if now >= end { return .key(.char("q")) }
        return nil
    }

    func restore() {}
}

@Suite struct PlayerLoopPaceTests {
    @Test(arguments: [(1.0, 10.0), (2, 10), (4, 10), (0.5, 20), (30, 4)])
    func theRunLoopPlaysAtTheChosenSpeed(speed: Double, seconds: Double) {
        let timeline = Timeline(trace: HandTraces.crowd(400))
        let backend = ClockedBackend(script: [(.zero, .key(.char(" ")))], end: .seconds(seconds))
        let outcome = Player.run(timeline: timeline, options: PlayerOptions(stepsPerSecond: speed), on: backend,
                                 clock: { [backend] in backend.now })
        let expected = speed * seconds
        #expect(abs(Double(outcome.step) - expected) <= max(1, expected * 0.1),
                "\(speed)/s for \(seconds) s: \(outcome.step) steps")
    }

    @Test func signalsEndWithTheirNumbers() {
        let timeline = Timeline(trace: HandTraces.fetch)
        for (event, number) in [(InputEvent.interrupt, Int32(2)), (.terminate, 15), (.hangup, 1),
                                (.key(.ctrl("c")), 2), (.key(.char("q")), 0)] {
            let backend = ScriptedBackend(size: .minimum, events: [.key(.right), event])
            let outcome = Player.run(timeline: timeline, options: PlayerOptions(), on: backend)
            #expect(outcome.signal == number, "\(event)")
            #expect(outcome.interrupted == (number != 0))
        }
    }
}
