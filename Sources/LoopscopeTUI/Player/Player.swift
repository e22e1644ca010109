import LoopscopeTimeline
import LoopscopeTrace

/// The player's entry points: replay a trace on a terminal, or let the user pick a demo.
///
/// This module drives any `TerminalBackend`; `LoopscopeCurses` adds `Player.play(trace:options:)`
/// and `Player.browse(...)` on the real terminal. The run loop only moves events to `reduce`
/// and grids to the backend; playback beats come from the clock while playing.
///
/// ```swift
/// let backend = ScriptedBackend(size: .minimum, events: [.key(.right), .key(.char("q"))])
/// let outcome = Player.run(timeline: Timeline(trace: trace), options: PlayerOptions(), on: backend)
/// ```
public enum Player {
    /// Replays a timeline on `backend` until the user quits (or the backend reports a signal).
    /// Does not restore the terminal: the caller owns the backend.
    public static func run(timeline: Timeline, options: PlayerOptions,
                           on backend: any TerminalBackend) -> PlayerOutcome {
        var state = AppState(timeline: timeline, options: options, size: backend.size,
                             unicode: backend.capabilities.unicode)
        var interrupted = false
        backend.draw(view(state))
        let clock = ContinuousClock()
        var lastBeat = clock.now
        while !state.quitRequested {
            var timeout = -1
            if state.playing {
                let interval = Duration.milliseconds(1000 / state.stepsPerSecond)
                let waited = clock.now - lastBeat
                timeout = waited >= interval ? 0 : Int((interval - waited).milliseconds)
            }
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) {
                if event == .interrupt || event == .terminate { interrupted = true }
                guard let action = KeyMap.action(for: event, in: state) else { continue }
                let wasPlaying = state.playing
                state = reduce(state, action)
                if state.playing && !wasPlaying { lastBeat = clock.now }
            } else if state.playing {
                state = reduce(state, .tick)
                lastBeat = clock.now
            } else {
                continue
            }
            backend.draw(view(state))
        }
        return PlayerOutcome(step: state.step, stepCount: state.stepCount, interrupted: interrupted,
                             predictAsked: state.predict.asked, predictCorrect: state.predict.correct)
    }
}

/// How a replay ended.
public struct PlayerOutcome: Equatable, Sendable {
    /// The step shown last (0-based).
    public var step: Int
    public var stepCount: Int
    /// Whether it ended on Ctrl-C or a signal rather than `q`.
    public var interrupted: Bool
    public var predictAsked: Int
    public var predictCorrect: Int

    public init(step: Int, stepCount: Int, interrupted: Bool, predictAsked: Int, predictCorrect: Int) {
        self.step = step
        self.stepCount = stepCount
        self.interrupted = interrupted
        self.predictAsked = predictAsked
        self.predictCorrect = predictCorrect
    }

    /// A one-line summary for the shell after the terminal is restored, e.g.
    /// `predict: 4 of 6 right`; empty when there is nothing to say.
    public var summary: String {
        predictAsked > 0 ? "predict: \(predictCorrect) of \(predictAsked) right" : ""
    }
}

/// Why the player could not start.
public enum PlayerError: Error, Equatable, CustomStringConvertible {
    /// Standard output (or input) is not a terminal.
    case notATerminal
    /// The terminal could not be opened.
    case terminal(String)

    /// The exit status the CLI should use.
    public var exitCode: Int32 { 2 }

    public var description: String {
        switch self {
        case .notATerminal:
            "loopscope play needs a terminal, and standard output is not one. "
                + "For text you can pipe or save, use `loopscope export` (for example "
                + "`loopscope export <demo> --format text`)."
        case .terminal(let why):
            "loopscope play cannot use this terminal: \(why)"
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }
}
