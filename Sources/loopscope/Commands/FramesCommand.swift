import ArgumentParser
import LoopscopeTUI

/// `loopscope frames <trace.jsonl>` (hidden): draws the player's frames headless — every
/// view at a few sizes, stepping, jumping, zooming, the overlays, predict mode — and checks
/// that every row is the screen's width. For the fuzzer (`scripts/fuzz.py`), which needs to
/// run the view code on each mutant without a terminal.
struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Draw the player's frames of a trace without a terminal and check them (for fuzzing).",
        shouldDisplay: false)

    @Argument(help: "A demo id, a .jsonl trace file, or - for a trace on standard input.")
    var input: String

    @Option(help: "Frames to draw per view and screen size.")
    var frames = 60

    @Flag(name: .long, help: "Draw a trace even when `loopscope validate` finds it inconsistent.")
    var force = false

    func validate() throws {
        guard (1...100_000).contains(frames) else { throw ValidationError("--frames must be 1 to 100000.") }
    }

    func run() throws {
        try reporting {
            let trace = try TraceCheck.consistent(TraceInput.load(input), path: input, force: force)
            let report = FrameWalk.run(trace: trace, frames: frames)
            guard report.problems.isEmpty else {
                throw CLIError("frames drawn wrong:\n" + report.problems.joined(separator: "\n"), code: 3)
            }
            try Terminal.writeOut("\(report.frames) frames drawn, every row \(FrameWalk.sizes.map(\.width)) columns wide\n")
        }
    }
}
