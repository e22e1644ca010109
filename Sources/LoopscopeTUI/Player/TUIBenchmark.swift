import LoopscopeTimeline
import LoopscopeTrace

/// Times the player headless: how long until the first frame, and how long each key takes
/// to become a finished frame (`reduce` then `view`), over a fixed key script.
///
/// ```swift
/// let r = TUIBenchmark.run(trace: SyntheticTrace.make(tasks: 10_000, events: 1_000_000, seed: 1))
/// print(r.summary)
/// ```
///
/// It measures no terminal output (the backend's diffing and ncurses are not included) and
/// asserts nothing: it reports figures.
public enum TUIBenchmark {
    public struct Result: Sendable {
        /// From the trace in hand to the first grid: timeline, state, first view.
        public var firstFrame: Duration
        /// Of that, deriving the timeline.
        public var timeline: Duration
        public var p50: Duration
        public var p99: Duration
        public var worst: Duration
        /// Keys timed.
        public var keys: Int

        /// One line per figure, in milliseconds.
        public var summary: String {
            func ms(_ d: Duration) -> String {
                let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
                let r = (v * 100).rounded() / 100
                return "\(r) ms"
            }
            return """
                first frame: \(ms(firstFrame)) (timeline \(ms(timeline)))
                per key (\(keys) keys): p50 \(ms(p50)), p99 \(ms(p99)), worst \(ms(worst))
                """
        }
    }

    /// The key script: steps, jumps, lane moves, zoom, filters, views, a go-to, scrolling.
    public static func script(stepCount: Int) -> [Action] {
        var keys: [Action] = []
        keys += Array(repeating: .stepForward, count: 60)
        // Ticks a quarter of a second apart at the default 4 steps a second: one step each.
        keys += [.togglePlay] + (0...40).map { Action.tick(.milliseconds(250 * $0)) } + [.togglePlay]
        keys += Array(repeating: .selectNext, count: 30)
        keys += Array(repeating: .nextEventOfSelected, count: 10)
        keys += [.zoomIn, .zoomIn, .stepForward, .zoomOut, .zoomOut]
        keys += [.last, .stepBack, .first, .toggleFinished, .stepForward, .toggleFinished]
        keys += [.openGoTo] + String(max(1, stepCount / 2)).map { Action.promptInput($0) } + [.promptSubmit]
        keys += Array(repeating: .stepBack, count: 30)
        keys += [.setView(.breakdown), .scrollPage(1), .stepForward, .setView(.timeline)]
        keys += Array(repeating: .selectPrevious, count: 20)
        keys += [.toggleHelp, .dismiss, .togglePredict] + Array(repeating: .stepForward, count: 20)
        keys += [.togglePredict]
        return keys
    }

    /// Runs the script on `trace` at `size` and returns the figures.
    public static func run(trace: Trace, size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let timeline = Timeline(trace: trace)
        let built = clock.now
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
        var grid = view(state)
        let first = clock.now
        var times: [Duration] = []
        for action in script(stepCount: state.stepCount) {
            var a = action
            // Answer questions predict mode asks, so the script keeps moving.
            if let q = state.predict.question, action == .stepForward { a = .answer(q.answer) }
            let t0 = clock.now
            state = reduce(state, a)
            grid = view(state)
            times.append(clock.now - t0)
        }
        precondition(grid.width == size.width)
        let sorted = times.sorted()
        func pct(_ p: Int) -> Duration { sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, sorted.count * p / 100)] }
        return Result(firstFrame: first - start, timeline: built - start, p50: pct(50), p99: pct(99),
                      worst: sorted.last ?? .zero, keys: times.count)
    }
}
