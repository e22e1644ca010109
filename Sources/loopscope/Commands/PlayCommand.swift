import ArgumentParser
import LoopscopeCurses
import LoopscopeTUI

/// `loopscope play <demo|trace.jsonl>`: step through a run in the terminal.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Replay a demo or a trace in the terminal: lanes, source, output, loop state, narration.",
        discussion: "Keys: ←/→ step, space play/pause, +/− speed, ↑/↓ lane, Tab next event of the lane, ? help, q quit.")

    @Argument(help: "A demo id (see `loopscope list`) or a .jsonl trace file.")
    var input: String

    @Flag(name: .long, help: "Ask what runs (or prints) next before each step, and keep score.")
    var predict = false

    @Flag(name: .long, help: "Draw with ASCII only, even in a UTF-8 terminal.")
    var ascii = false

    @Option(name: .long, help: "Start at this step (0-based).")
    var step: Int = 0

    @Option(name: .long, help: "The view to start in: timeline, sequence or breakdown.")
    var view: String = "timeline"

    func run() throws {
        try reporting {
            guard let kind = ViewKind.allCases.first(where: { "\($0)" == view }) else {
                throw CLIError("unknown view '\(view)': choose timeline, sequence or breakdown.", code: 2)
            }
            do {
                try Player.checkTerminal()
                let trace = try TraceInput.load(input)
                let options = PlayerOptions(predict: predict, ascii: ascii, view: kind, startStep: max(0, step))
                let outcome = try Player.play(trace: trace, options: options)
                if !outcome.summary.isEmpty { print(outcome.summary) }
            } catch let error as PlayerError {
                throw CLIError(error.description, code: error.exitCode)
            }
        }
    }
}
