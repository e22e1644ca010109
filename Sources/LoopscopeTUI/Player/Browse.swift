import LoopscopeTimeline
import LoopscopeTrace

extension Player {
    /// The demo browser on `backend`: the list of demos; choosing one records it (with
    /// `record`) and replays it; quitting the replay comes back to the list, on the entry
    /// just played; `q` on the list leaves. The colour theme chosen with `t` in a replay is
    /// kept for the rest of the session: the list and the next replays show it. Returns the
    /// outcome of the last replay (a signal on the list ends it as interrupted), or nil if
    /// none was played. Does not restore the terminal.
    package static func browse(demos: [DemoChoice], options start: PlayerOptions, on backend: any TerminalBackend,
                              clock: @escaping () -> Duration = Player.monotonicNow,
                              saveScreen: (ScreenRequest) -> String = { _ in "saving the screen is not available here" },
                              record: (Int) throws -> Trace) rethrows -> PlayerOutcome? {
        var options = start
        var last: PlayerOutcome?
        var selected = 0
        while true {
            let result = pickResult(demos: demos, selected: selected, theme: options.theme,
                                    predict: options.predict, on: backend)
            if case .signalled(let n) = result {
                return PlayerOutcome(step: 0, stepCount: 0, interrupted: true, predictAsked: 0,
                                     predictCorrect: 0, signal: n, theme: options.theme)
            }
            guard case .chose(let chosen) = result else { break }
            selected = chosen
            let trace = try record(chosen)
            let outcome = run(timeline: Timeline(trace: trace), options: options, on: backend, clock: clock,
                              saveScreen: saveScreen)
            last = outcome
            if let theme = outcome.theme { options.theme = theme }
            if outcome.interrupted { break }
        }
        return last
    }
}
