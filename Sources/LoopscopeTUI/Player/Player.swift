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
package enum Player {
    /// Replays a timeline on `backend` until the user quits (or the backend reports a signal).
    /// Does not restore the terminal: the caller owns the backend.
    ///
    /// `clock` reads a monotonic clock (any origin); playback paces steps by it (see
    /// `Playback`), so tests can pass a fake one.
    ///
    /// `saveScreen` writes a screen the user asked to keep (`w`) and returns the message to
    /// show, e.g. where it went.
    package static func run(timeline: Timeline, options: PlayerOptions, on backend: any TerminalBackend,
                           clock: @escaping () -> Duration = Player.monotonicNow,
                           saveScreen: (ScreenRequest) -> String = { _ in "saving the screen is not available here" })
        -> PlayerOutcome {
        run(state: AppState(timeline: timeline, options: options, size: backend.size,
                            unicode: backend.capabilities.unicode),
            on: backend, clock: clock, saveScreen: saveScreen)
    }

    /// Replays from `state` (made by `load`, say) on `backend`, as `run(timeline:…)` does;
    /// a size that changed since the state was made is taken first.
    package static func run(state start: AppState, on backend: any TerminalBackend,
                           clock: @escaping () -> Duration = Player.monotonicNow,
                           saveScreen: (ScreenRequest) -> String = { _ in "saving the screen is not available here" })
        -> PlayerOutcome {
        var state = start
        if backend.size != state.size { state = reduce(state, .resize(backend.size)) }
        var signal: Int32 = 0
        backend.draw(view(state))
        while !state.quitRequested {
            var timeout = -1
            if state.playing {
                if let due = state.nextStepDue {
                    let left = due - clock()
                    timeout = left <= .zero ? 0 : Int(left.roundedUpMilliseconds)
                } else {
                    timeout = 0
                }
            }
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) {
                if let n = event.signalNumber, KeyMap.action(for: event, in: state) == .quit { signal = n }
                guard let action = KeyMap.action(for: event, in: state) else { continue }
                state = reduce(state, action)
                if let request = state.screenRequest { state = reduce(state, .screenSaved(saveScreen(request))) }
                if state.playing && state.beatAnchor == nil { state = reduce(state, .tick(clock())) }
            } else if state.playing {
                let before = state.step
                state = reduce(state, .tick(clock()))
                if state.step == before && state.playing { continue }
            } else {
                continue
            }
            backend.draw(view(state))
        }
        return PlayerOutcome(step: state.step, stepCount: state.stepCount, interrupted: signal != 0,
                             predictAsked: state.predict.asked, predictCorrect: state.predict.correct,
                             signal: signal, theme: state.theme)
    }

    /// The process's monotonic clock, as a duration since an arbitrary origin.
    @Sendable package static func monotonicNow() -> Duration {
        ContinuousClock.now - Player.clockOrigin
    }

    private static let clockOrigin = ContinuousClock.now
}

/// How a replay ended.
package struct PlayerOutcome: Equatable, Sendable {
    /// The step shown last (0-based).
    package var step: Int
    package var stepCount: Int
    /// Whether it ended on Ctrl-C or a signal rather than `q`.
    package var interrupted: Bool
    package var predictAsked: Int
    package var predictCorrect: Int
    /// The signal it ended on (SIGINT 2 for Ctrl-C, SIGTERM 15, SIGHUP 1), or 0: the
    /// command ends the same way after restoring the terminal (exit status 128 + signal).
    package var signal: Int32
    /// The colour theme shown last (`t` changes it), or nil when no replay ran: the next
    /// screen of the same session keeps it.
    package var theme: Theme?

    package init(step: Int, stepCount: Int, interrupted: Bool, predictAsked: Int, predictCorrect: Int,
                signal: Int32 = 0, theme: Theme? = nil) {
        self.step = step
        self.stepCount = stepCount
        self.interrupted = interrupted
        self.predictAsked = predictAsked
        self.predictCorrect = predictCorrect
        self.signal = signal
        self.theme = theme
    }

    /// A one-line summary for the shell after the terminal is restored, e.g.
    /// `predict: 4 of 6 right`; empty when there is nothing to say.
    package var summary: String {
        predictAsked > 0 ? "predict: \(predictCorrect) of \(predictAsked) right" : ""
    }
}

/// Why the player could not start.
package enum PlayerError: Error, Equatable, CustomStringConvertible {
    /// Standard output is not a terminal.
    case notATerminal
    /// Standard input is not a terminal (the player reads keys from it).
    case inputNotATerminal
    /// The terminal cannot move the cursor (`TERM=dumb`, unset, or a printing terminal).
    case noCursorAddressing(term: String)
    /// The terminal could not be opened.
    case terminal(String)
    /// Keys were to come from the controlling terminal (standard input carries the trace,
    /// `play -`), and the process has none.
    case noControllingTerminal

    /// The exit status the CLI should use.
    package var exitCode: Int32 { 2 }

    package var description: String {
        switch self {
        case .notATerminal:
            "loopscope play needs a terminal, and standard output is not one. "
                + "For text you can pipe or save, use `loopscope export` (for example "
                + "`loopscope export <demo> --format text`)."
        case .inputNotATerminal:
            "loopscope play reads keys from standard input, and standard input is not a terminal "
                + "(it is redirected from a file, a pipe or /dev/null). Run it from a terminal "
                + "without redirecting input; for text you can save, use `loopscope export <demo> "
                + "--format text`."
        case .noCursorAddressing(let term):
            "loopscope play needs a terminal that can move the cursor, and "
                + (term.isEmpty ? "TERM is not set" : "TERM=\(term) cannot")
                + ". Set TERM to your terminal's type (for example `export TERM=xterm-256color`), "
                + "or use `loopscope export <demo> --format text` for plain text."
        case .terminal(let why):
            "loopscope play cannot use this terminal: \(why)"
        case .noControllingTerminal:
            "loopscope play - reads the trace from standard input and its keys from the terminal "
                + "(/dev/tty), and this process has no controlling terminal. Run it from a terminal, "
                + "or save the trace to a file and play that (`loopscope play trace.jsonl`); for text, use "
                + "`loopscope export - --format text`."
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up (so a wait ends at or after its deadline).
    var roundedUpMilliseconds: Int64 {
        let (s, atto) = components
        let perMs: Int64 = 1_000_000_000_000_000
        return s * 1000 + atto / perMs + (atto % perMs > 0 ? 1 : 0)
    }
}
