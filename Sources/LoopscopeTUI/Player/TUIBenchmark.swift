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
/// The script walks the run in every view (timeline, sequence, breakdown): steps both ways,
/// End then Left, Home, go-to a step, a task's next and previous event, zoom, filters.
/// Figures are given for all keys and per kind of key. It measures no terminal output (the
/// backend's diffing and ncurses are not included) and asserts nothing: it reports figures.
package enum TUIBenchmark {
    /// Latencies of one kind of key (or of all keys).
    package struct Figures: Sendable {
        package var name: String
        package var keys: Int
        package var p50: Duration
        package var p99: Duration
        package var worst: Duration

        init(name: String, times: [Duration]) {
            let sorted = times.sorted()
            func pct(_ p: Int) -> Duration {
                sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, sorted.count * p / 100)]
            }
            self.name = name
            keys = times.count
            p50 = pct(50)
            p99 = pct(99)
            worst = sorted.last ?? .zero
        }
    }

    package struct Result: Sendable {
        /// From the trace in hand to the first grid: timeline, state, first view.
        package var firstFrame: Duration
        /// Of that, deriving the timeline.
        package var timeline: Duration
        /// Every key of the script.
        package var all: Figures
        /// Per kind of key, in the order first pressed.
        package var kinds: [Figures]
        /// The slowest keys, slowest first: what was pressed, at which step (numbered from 1),
        /// and how long it took.
        package var slowest: [(key: String, step: Int, time: Duration)] = []

        package var p50: Duration { all.p50 }
        package var p99: Duration { all.p99 }
        package var worst: Duration { all.worst }
        package var keys: Int { all.keys }

        /// One line per figure, in milliseconds, then a table per kind of key.
        package var summary: String {
            var lines = [
                "first frame: \(ms(firstFrame)) (timeline \(ms(timeline)))",
                "per key (\(keys) keys): p50 \(ms(p50)), p99 \(ms(p99)), worst \(ms(worst))",
                "",
                "| key | presses | p50 ms | p99 ms | worst ms |",
                "|---|---|---|---|---|",
            ]
            for k in kinds {
                lines.append("| \(k.name) | \(k.keys) | \(number(k.p50)) | \(number(k.p99)) | \(number(k.worst)) |")
            }
            if !slowest.isEmpty {
                lines.append("")
                lines.append("slowest keys: " + slowest.map { "\($0.key) from step \($0.step) \(ms($0.time))" }
                    .joined(separator: "; "))
            }
            return lines.joined(separator: "\n")
        }

        private func number(_ d: Duration) -> String {
            let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return "\((v * 100).rounded() / 100)"
        }

        private func ms(_ d: Duration) -> String { number(d) + " ms" }
    }

    /// The key script: steps, jumps, lane moves, zoom, filters, views, go-tos, scrolling,
    /// and in every view a visit (go-to, Left, Right) to the last step of each kind of step
    /// the run has (the shutdown, a cancellation, a clock jump, …).
    package static func script(for timeline: Timeline) -> [Action] {
        var lastOfKind: [EventKind: Int] = [:]
        for (k, s) in timeline.steps.enumerated() { lastOfKind[s.kind] = k }
        let visits = lastOfKind.values.sorted()
        var keys = script(stepCount: timeline.steps.count)
        for view in ViewKind.allCases {
            keys.append(.setView(view))
            for k in visits { keys += goTo(k + 1) + [.stepBack, .stepForward, .stepForward] }
        }
        return keys + [.setView(.timeline)]
    }

    /// The fixed part of the script, for a run of `stepCount` steps.
    package static func script(stepCount: Int) -> [Action] {
        var keys: [Action] = []
        keys += Array(repeating: .stepForward, count: 60)
        // Ticks a quarter of a second apart at the default 4 steps a second: one step each.
        keys += [.togglePlay] + (0...40).map { Action.tick(.milliseconds(250 * $0)) } + [.togglePlay]
        keys += Array(repeating: .selectNext, count: 30)
        keys += Array(repeating: .nextEventOfSelected, count: 10)
        keys += [.zoomIn, .zoomIn, .stepForward, .zoomOut, .zoomOut]
        keys += [.last, .stepBack, .first, .toggleFinished, .stepForward, .toggleFinished]
        keys += goTo(max(1, stepCount / 2))
        keys += Array(repeating: .stepBack, count: 30)
        keys += [.setView(.breakdown), .scrollPage(1), .stepForward, .setView(.timeline)]
        keys += Array(repeating: .selectPrevious, count: 20)
        keys += [.toggleHelp, .dismiss, .togglePredict] + Array(repeating: .stepForward, count: 20)
        keys += [.togglePredict]
        // Every view: the ends of the run, both directions, go-to, a task's events.
        for view in ViewKind.allCases {
            keys += [.setView(view), .last] + Array(repeating: .stepBack, count: 5)
            keys += [.first] + Array(repeating: .stepForward, count: 5)
            for k in 1...4 { keys += goTo(max(1, stepCount * k / 5)) + [.stepBack, .stepForward] }
            keys += [.nextEventOfSelected, .previousEventOfSelected, .scrollPage(1), .scrollPage(-1)]
            keys += [.last, .stepBack, .first]
        }
        keys += [.setView(.timeline)]
        return keys
    }

    /// `g`, the digits of `step`, Enter.
    static func goTo(_ step: Int) -> [Action] {
        [.openGoTo] + String(step).map { Action.promptInput($0) } + [.promptSubmit]
    }

    /// A short name for a kind of key, for the per-kind table.
    static func kind(_ action: Action) -> String {
        switch action {
        case .stepForward: "Right"
        case .stepBack: "Left"
        case .first: "Home"
        case .last: "End"
        case .togglePlay: "space"
        case .tick: "tick (playing)"
        case .selectPrevious, .selectNext: "Up/Down"
        case .nextEventOfSelected, .previousEventOfSelected: "n/N"
        case .openGoTo, .promptInput, .promptBackspace: "g and digits"
        case .promptSubmit: "g N Enter"
        case .zoomIn, .zoomOut: "z/Z"
        case .setView, .cycleView: "1/2/3 (view)"
        case .scrollPage: "PgUp/PgDn"
        default: "other"
        }
    }

    /// Runs the script on `trace` at `size` and returns the figures.
    package static func run(trace: Trace, size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let timeline = Timeline(trace: trace)
        let built = clock.now
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
        var grid = view(state)
        let first = clock.now
        var times: [Duration] = []
        var byKind: [String: [Duration]] = [:]
        var order: [String] = []
        var slow: [(key: String, step: Int, time: Duration)] = []
        for action in script(for: timeline) {
            var a = action
            // Answer questions predict mode asks, so the script keeps moving.
            if let q = state.predict.question, action == .stepForward { a = .answer(q.answer) }
            let from = state.step + 1
            let t0 = clock.now
            state = reduce(state, a)
            grid = view(state)
            let t = clock.now - t0
            times.append(t)
            let name = kind(action)
            if byKind[name] == nil { order.append(name) }
            byKind[name, default: []].append(t)
            slow.append((key: "\(a)", step: from, time: t))
        }
        slow.sort { $0.time > $1.time }
        precondition(grid.width == size.width)
        return Result(firstFrame: first - start, timeline: built - start, all: Figures(name: "all", times: times),
                      kinds: order.map { Figures(name: $0, times: byKind[$0] ?? []) }, slowest: Array(slow.prefix(8)))
    }
}
