import ArgumentParser
import LoopscopeDemos
import LoopscopeScheduler

/// `loopscope run <demo|program.py>`: the program's output, as the real program prints it,
/// then a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a demo or a Python program and print its output, then a short summary.")

    @Argument(help: "A demo id (see `loopscope list`) or a .py program (recorded on CPython).")
    var demo: String

    @Flag(name: .shortAndLong, help: "Print only the program's output, no summary.")
    var quiet = false

    @OptionGroup var python: PythonFlags

    func run() throws {
        try reporting {
            let trace: Trace
            let outcome: RunOutcome
            let message: String?
            if demo.hasSuffix(".py") || python.lang == .python {
                trace = try TraceInput.load(demo, python: python).trace
                (outcome, message) = RunOutcome.of(trace)
            } else {
                if !python.programArguments.isEmpty {
                    throw CLIError("arguments after -- are for a .py program, and '\(demo)' is not one.", code: 2)
                }
                let result = try TraceInput.demo(demo).record()
                (trace, outcome, message) = (result.trace, result.outcome, result.message)
            }
            for line in trace.output {
                let text = Sanitizer.line(line.text) + "\n"
                if line.stream == .stderr { Terminal.writeError(text) } else { try Terminal.writeOut(text) }
            }
            for event in trace.events where event.kind == .warning && event.warningKind != .deadlock
                && event.warningKind != .limit {
                Terminal.writeError(Sanitizer.line(trace.text(of: event) ?? "") + "\n")
            }
            if !quiet {
                let tasks = trace.tasks.filter { $0.kind == .task }.count
                let threads = trace.tasks.count - tasks
                var parts = ["\(tasks) task\(tasks == 1 ? "" : "s")"]
                if threads > 0 { parts.append("\(threads) thread\(threads == 1 ? "" : "s")") }
                // Steps as the player, explain and the handout number them (docs/steps.md).
                let steps = StepNumber.count(trace)
                parts.append("\(steps) step\(steps == 1 ? "" : "s")")
                parts.append("\(trace.events.count) events")
                parts.append("\(trace.duration) s \(trace.program.clock == .real ? "wall clock" : "virtual")")
                try Terminal.writeOut("-- \(Sanitizer.line(demo)): " + parts.joined(separator: ", ") + "\n")
            }
            if outcome != .ok {
                throw CLIError(Sanitizer.lines(message ?? "the program failed").joined(separator: "\n"), code: 1)
            }
        }
    }
}
