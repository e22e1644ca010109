import LoopscopeTimeline
import LoopscopeTrace

/// Times how soon a load ends after `q`, pressed during each part of it: reading the file,
/// checking it, each pass of the timeline, the zoom layouts.
///
/// A first load, with nothing pressed, notes when each part ran (at every look at the
/// keyboard, so to within `Player.loadPollInterval`). Then, for each part, loads again with a
/// keyboard that has `q` waiting from a chosen moment inside that part (spread evenly over
/// it) and measures from that moment to where the player restores the terminal and ends the
/// process (the load's `atStop`, or its return if that is never called): the wait for the
/// next look at the keyboard, the work done before it, and anything a part unwinds before
/// it can end. Freeing what the load holds is not on that path: the process's end gives it
/// back. It reports figures and asserts nothing.
package enum StopLatencyBenchmark {
    /// One part of the load: when it ran in the first load, and the stop latencies in it.
    package struct Part: Sendable {
        package var name: String
        package var duration: Duration
        package var latencies: [Duration]

        package var p50: Duration? { latencies.isEmpty ? nil : latencies.sorted()[latencies.count / 2] }
        package var worst: Duration? { latencies.max() }
    }

    package struct Result: Sendable {
        /// From the start to the player's state, ready for the first frame.
        package var load: Duration
        package var parts: [Part]

        package var summary: String {
            var lines = ["load: \(ms(load)) to the first frame, with nothing pressed", "",
                         "| part of the load | took ms | presses | p50 ms | worst ms |", "|---|---|---|---|---|"]
            for p in parts {
                let p50 = p.p50.map(ms) ?? "—", worst = p.worst.map(ms) ?? "—"
                lines.append("| \(p.name) | \(ms(p.duration)) | \(p.latencies.count) | \(p50) | \(worst) |")
            }
            return lines.joined(separator: "\n")
        }

        private func ms(_ d: Duration) -> String {
            let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return "\((v * 10).rounded() / 10)"
        }
    }

    /// A keyboard with nothing on it until `pressAt`, then `q`; it notes which part of the
    /// load each look at it fell in.
    final class Keyboard: TerminalBackend, @unchecked Sendable {
        let size: TerminalSize
        let capabilities = TerminalCapabilities(colors: true, unicode: true)
        let clock: () -> Duration
        var watch: LoadWatch?
        var pressAt: Duration?
        /// The part of the load the key was first seen in.
        var pressedIn: String?
        /// Per part, the first and last look at the keyboard during it.
        var seen: [String: (first: Duration, last: Duration)] = [:]
        var order: [String] = []

        init(size: TerminalSize, clock: @escaping () -> Duration) {
            self.size = size
            self.clock = clock
        }

        func draw(_ grid: Grid) {}
        func restore() {}
        func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
            let now = clock()
            if let phase = watch?.phase {
                let name = StopLatencyBenchmark.part(phase)
                if let s = seen[name] { seen[name] = (s.first, now) } else { seen[name] = (now, now); order.append(name) }
            }
            if let pressAt, now >= pressAt {
                if pressedIn == nil { pressedIn = watch?.phase.map(StopLatencyBenchmark.part) }
                return .key(.char("q"))
            }
            return nil
        }
    }

    /// The part of the load a phase belongs to (the six zoom layouts are one part).
    static func part(_ phase: LoadPhase) -> String {
        if case .zoom = phase { return "zoom layouts (6)" }
        return phase.name
    }

    /// Loads with `read` (which reads the run, asking the watch it is given) once with nothing
    /// pressed, then `presses` times per part with `q` pressed inside it.
    package static func run(size: TerminalSize = TerminalSize(width: 120, height: 40), presses: Int = 3,
                            read: (LoadWatch) throws -> (trace: Trace, options: PlayerOptions)?) rethrows -> Result {
        let clock = Player.monotonicNow
        let first = Keyboard(size: size, clock: clock)
        let start = clock()
        _ = try Player.load(on: first, clock: clock) { watch in
            first.watch = watch
            return try read(watch)
        }
        let load = clock() - start
        // Each latency counts for the part the key was seen in (a load does not run its parts at
        // exactly the same moments twice).
        var latencies: [String: [Duration]] = [:]
        for name in first.order {
            guard let (a, b) = first.seen[name], b > a else { continue }
            for k in 1...max(presses, 1) {
                let offset = (b - a) * (Double(k) / Double(presses + 1))
                let keyboard = Keyboard(size: size, clock: clock)
                let t0 = clock()
                let at = t0 + (a - start) + offset
                keyboard.pressAt = at
                var ended: Duration?
                _ = try Player.load(on: keyboard, clock: clock, atStop: { _ in
                    keyboard.restore()
                    ended = clock()
                }) { watch in
                    keyboard.watch = watch
                    return try read(watch)
                }
                let end = ended ?? clock()
                if end >= at, let seenIn = keyboard.pressedIn { latencies[seenIn, default: []].append(end - at) }
            }
        }
        // A part seen at one look only was over within a poll interval: nothing to time.
        let parts = first.order.map { name in
            Part(name: name, duration: first.seen[name].map { $0.last - $0.first } ?? .zero,
                 latencies: latencies[name] ?? [])
        }
        return Result(load: load, parts: parts)
    }
}
