import LoopscopeTrace

/// How playback paces steps. `reduce` decides from the time each `Action.tick` carries how
/// many steps are due, so the pace holds however often the run loop wakes (and tests can
/// drive it with a fake clock).
///
/// - At a rate of *r* steps a second, each step is due 1/*r* s after the one before.
/// - In real time with scale *N*, a step is due *N* × (its virtual time − the previous
///   step's) real seconds after the one before; steps at the same instant go at the rate.
///   So a 3 s `sleep` lasts three times as long on screen as a 1 s one.
///
/// Steps are due at exact multiples from the anchor (the time the previous step was
/// taken), so the pace does not drift with late wake-ups; after a long stall (a suspended
/// terminal) it starts afresh instead of racing to catch up.
package enum Playback {
    /// The most steps one tick takes (a stall longer than this many steps is dropped).
    static let catchUpLimit = 10_000

    /// The index of the value in `table` nearest to `value`.
    static func nearest(_ value: Double, in table: [Double]) -> Int {
        guard !table.isEmpty else { return 0 }
        var best = 0
        for (i, v) in table.enumerated() where abs(v - value) < abs(table[best] - value) { best = i }
        return best
    }

    /// How long after `step` the next step is due.
    static func delay(after step: Int, in state: AppState) -> Duration {
        let beat = Duration.seconds(1 / state.stepsPerSecond)
        guard state.realTime else { return beat }
        let steps = state.timeline.steps
        guard step + 1 < steps.count, step >= 0 else { return beat }
        let gap = steps[step + 1].time.nanoseconds - steps[step].time.nanoseconds
        guard gap > 0 else { return beat }
        return .nanoseconds(Int64((Double(gap) * state.realTimeScale).rounded()))
    }
}

extension AppState {
    /// When the next step is due, on the clock the ticks carry; nil when not playing, or
    /// when playback has just started and the next tick only sets the anchor.
    package var nextStepDue: Duration? {
        guard playing, let anchor = beatAnchor else { return nil }
        return anchor + Playback.delay(after: step, in: self)
    }

    /// Takes every step due by `now` (see `Playback`).
    mutating func playTick(now: Duration) {
        guard playing else { return }
        guard var anchor = beatAnchor else {
            beatAnchor = now
            return
        }
        var taken = 0
        while playing && taken < Playback.catchUpLimit {
            let due = anchor + Playback.delay(after: step, in: self)
            guard now >= due else { break }
            guard step + 1 < stepCount else {
                playing = false
                break
            }
            predict.reveal = nil
            advance()
            anchor = due
            taken += 1
        }
        // Far behind (a stall): carry on from now rather than rush through the backlog.
        if now - anchor > .seconds(1) + Playback.delay(after: step, in: self) { anchor = now }
        beatAnchor = playing ? anchor : nil
    }
}
