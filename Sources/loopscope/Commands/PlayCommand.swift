import ArgumentParser
import LoopscopeCurses
import LoopscopeTUI
import LoopscopeTrace

/// `loopscope play <demo|trace.jsonl>`: step through a run in the terminal.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Replay a demo, a Python program or a trace in the terminal: lanes, source, output, loop state, narration.",
        discussion: "Keys: ←/→ step, space play/pause, +/− speed, ↑/↓ lane, Tab next event of the lane, c choose a pane, z zoom it, [/] scroll the output, t theme, ? help, q quit.")

    @Argument(help: "A demo id (see `loopscope list`), a .py program (recorded on CPython), a .jsonl trace file, or - to read a trace from standard input.")
    var input: String

    @OptionGroup var python: PythonFlags

    @Flag(name: .long, help: "Ask what runs (or prints) next before each step, and keep score.")
    var predict = false

    @Flag(name: .long, help: "Draw with ASCII only, even in a UTF-8 terminal.")
    var ascii = false

    @Option(name: .long, help: "Start at this step: 1 is the first, as the status bar, explain and the handout number them.")
    var step: Int = 1

    @Option(name: .long, help: "Playback speed in steps per second (0.5 to 120; + and - change it).")
    var speed: Double = 4

    @Option(name: .customLong("real-time"),
            help: "Play in real time: one virtual second lasts this many real seconds (r toggles it).")
    var realTime: Double?

    @Option(name: .long, help: "The view to start in: timeline, sequence or breakdown.")
    var view: String = "timeline"

    @Option(name: .long, help: "Colours: dark (the default), light (for a light background) or projector (high contrast, nothing dim); t cycles them.")
    var theme: String = "dark"

    @Flag(name: .long, help: "Show a trace file even when `loopscope validate` finds it inconsistent.")
    var force = false

    func run() throws {
        try reporting {
            guard let kind = ViewKind.allCases.first(where: { "\($0)" == view }) else {
                throw CLIError("unknown view '\(view)': choose timeline, sequence or breakdown.", code: 2)
            }
            let theme = try Theme.named(theme)
            guard speed.isFinite, speed > 0 else {
                throw CLIError("--speed must be a positive number of steps per second, e.g. --speed 2.", code: 2)
            }
            if let realTime, !(realTime.isFinite && realTime > 0) {
                throw CLIError("--real-time must be a positive number of seconds, e.g. --real-time 1.", code: 2)
            }
            // `-`: the trace comes on standard input (never typed at a terminal), so the keys
            // come from the controlling terminal, as `less` reads them.
            let keys: KeySource = TraceInput.isStandardInput(input) ? .controllingTerminal : .standardInput
            if keys == .controllingTerminal { try TraceInput.refuseTerminalInput() }
            do {
                try Player.checkTerminal(keys: keys)
                var options = PlayerOptions(predict: predict, ascii: ascii, view: kind, startStep: 0,
                                            stepsPerSecond: speed, realTime: realTime, theme: theme)
                let outcome: PlayerOutcome
                var loaded: LoadedTrace?
                if TraceInput.isTraceFile(input) && python.programArguments.isEmpty {
                    // A file may be huge: the terminal is taken first, and reading it shows
                    // progress and can be stopped; a stop ends the process at once.
                    outcome = try Player.play(options: options, keys: keys, endOnStop: Player.end) { watch in
                        try read(options, watch)
                    }
                } else if input.hasSuffix(".py") && !python.stdin {
                    // The program runs as long as it runs: the terminal is taken first, and
                    // the recording shows on the reading screen and can be stopped (the
                    // interpreter is ended first). With --stdin the program reads this
                    // terminal, so it is recorded before the player takes it.
                    outcome = try Player.play(options: options, endOnStop: { outcome in
                        if let loaded { Terminal.relay(loaded) }
                        Player.end(outcome)
                    }) { watch in
                        guard let recorded = try TraceInput.recordWatched(path: input, python: python, watch: watch) else {
                            return nil
                        }
                        loaded = recorded
                        var playing = options
                        playing.startStep = try StepNumber.index(of: step, in: recorded.trace)
                        return (recorded.trace, playing)
                    }
                } else {
                    let trace = try TraceInput.load(input, python: python, force: force)
                    loaded = trace
                    options.startStep = try StepNumber.index(of: step, in: trace.trace)
                    outcome = try Player.play(trace: trace.trace, options: options)
                }
                if !outcome.summary.isEmpty { try Terminal.writeOut(outcome.summary + "\n") }
                if let loaded { Terminal.relay(loaded) }
                if outcome.signal != 0 { Player.exit(bySignal: outcome.signal) }
            } catch let error as PlayerError {
                throw CLIError(error.description, code: error.exitCode)
            }
        }
    }

    /// Reads the trace file `input` (standard input for `-`) for the player (see `TraceInput.loadWatched`), with the
    /// step to start at. Nil when the watch said to stop.
    private func read(_ drawing: PlayerOptions, _ watch: LoadWatch) throws -> (trace: Trace, options: PlayerOptions)? {
        guard let trace = try TraceInput.loadWatched(path: input, force: force, watch: watch) else { return nil }
        var options = drawing
        options.startStep = try StepNumber.index(of: step, in: trace)
        return (trace, options)
    }
}
