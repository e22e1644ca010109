import ArgumentParser
import LoopscopeDemos
import LoopscopeScheduler

/// `loopscope run <demo>`: the program's output, as the real program prints it, then a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a demo and print its output, then a short summary.")

    @Argument(help: "The demo id (see `loopscope list`).")
    var demo: String

    @Flag(name: .shortAndLong, help: "Print only the program's output, no summary.")
    var quiet = false

    func run() throws {
        try reporting {
            let result = try TraceInput.demo(demo).record()
            let trace = result.trace
            for line in trace.output {
                let text = Sanitizer.line(line.text) + "\n"
                if line.stream == .stderr { Terminal.writeError(text) } else { Terminal.writeOut(text) }
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
                parts.append("\(result.switches) steps")
                parts.append("\(trace.events.count) events")
                parts.append("\(result.duration) s virtual")
                Terminal.writeOut("-- \(demo): " + parts.joined(separator: ", ") + "\n")
            }
            if result.outcome != .ok {
                throw CLIError(Sanitizer.lines(result.message ?? "the program failed").joined(separator: "\n"), code: 1)
            }
        }
    }
}
