import LoopscopeTimeline
import LoopscopeTrace

/// Building a huge run's timeline takes seconds: the player shows that it is reading the
/// run and still answers `q`, Esc, Ctrl-C and the signals meanwhile.
extension Player {
    /// How a load ended: the timeline, or the user (or a signal) stopping it.
    package enum Loaded {
        case timeline(Timeline)
        case stopped(PlayerOutcome)
    }

    /// How often, at most, the keyboard and the signal flag are looked at while building.
    package static let loadPollInterval = Duration.milliseconds(20)

    /// Builds the timeline of `trace` with `backend` showing a "reading" screen, looking at
    /// the keyboard and signals every `loadPollInterval` of `clock` (the build asks every
    /// `Timeline.stopCheckInterval` events). `q`, Esc, Ctrl-C, SIGINT, SIGTERM and SIGHUP stop
    /// it; other keys are dropped.
    package static func load(trace: Trace, on backend: any TerminalBackend,
                            clock: () -> Duration = Player.monotonicNow) -> Loaded {
        backend.draw(loadingScreen(size: backend.size, events: trace.events.count))
        var last = clock()
        var stop: PlayerOutcome?
        let timeline = Timeline.build(trace: trace) {
            let now = clock()
            guard now - last >= loadPollInterval else { return false }
            last = now
            stop = stopRequest(from: backend)
            return stop != nil
        }
        if let timeline { return .timeline(timeline) }
        return .stopped(stop ?? PlayerOutcome(step: 0, stepCount: 0, interrupted: false, predictAsked: 0,
                                              predictCorrect: 0))
    }

    /// Takes what is waiting on the keyboard (a few events at most, without waiting) and
    /// says how to end if one of them asks to.
    static func stopRequest(from backend: any TerminalBackend) -> PlayerOutcome? {
        for _ in 0..<16 {
            guard let event = backend.nextEvent(timeoutMilliseconds: 0) else { return nil }
            let signal = event.signalNumber ?? 0
            if signal != 0 || event == .key(.char("q")) || event == .key(.escape) {
                return PlayerOutcome(step: 0, stepCount: 0, interrupted: signal != 0, predictAsked: 0,
                                     predictCorrect: 0, signal: signal)
            }
        }
        return nil
    }

    /// "reading the run" in the middle of the screen, with the way out.
    static func loadingScreen(size: TerminalSize, events: Int) -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        let lines = ["reading the run: \(events) events", "q to stop"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.columns(line)) / 2)
            grid.put(line, x: x, y: top + i, role: i == 0 ? .heading : .dim)
        }
        return grid
    }
}
