import ArgumentParser
import LoopscopeTrace
import LoopscopeTUI

/// `loopscope bench tui`: frame times of the terminal view, headless, on a large trace.
struct BenchTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The terminal view on a 1 M-event / 10 k-task trace: first frame, then key-to-frame times (p50, p99).")

    @Option(help: "Events in the synthetic trace.") var events = 1_000_000
    @Option(help: "Tasks in the synthetic trace.") var tasks = 10_000
    @Option(help: "Screen width.") var width = 120
    @Option(help: "Screen height.") var height = 40

    func run() throws {
        let trace = SyntheticTrace.make(tasks: tasks, events: events, seed: 1)
        print("trace: \(trace.events.count) events, \(trace.tasks.count) lanes; screen \(width)×\(height)")
        let result = TUIBenchmark.run(trace: trace, size: TerminalSize(width: width, height: height))
        print(result.summary)
        print("peak memory: \(PeakMemory.megabytes) MB")
    }
}
