import ArgumentParser
import Foundation
import LoopscopeTrace
import LoopscopeTUI

/// `loopscope bench tui`: frame times of the terminal view, headless, on a large trace.
struct BenchTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The terminal view on a 1 M-event / 10 k-task trace: first frame, then key-to-frame times (p50, p99); or, with --stop-latency FILE, how soon q ends a load.")

    @Option(help: "Events in the synthetic trace.") var events = 1_000_000
    @Option(help: "Tasks in the synthetic trace.") var tasks = 10_000
    @Option(help: "Screen width.") var width = 120
    @Option(help: "Screen height.") var height = 40
    @Option(name: .customLong("stop-latency"),
            help: "Instead of the key tour: load this trace file as `play` does, and time how soon q ends the load when pressed during each part of it (reading, checking, each timeline pass, the zoom layouts): from the key to where the player restores the terminal and ends.")
    var stopLatencyTrace: String?
    @Option(help: "With --stop-latency: how many presses per part of the load.") var presses = 3

    func run() throws {
        try reporting {
            print("load average at start: \(LoadAverage.now)")
            let size = TerminalSize(width: width, height: height)
            if let path = stopLatencyTrace {
                print("stop latency while loading \(path), screen \(width)×\(height), \(presses) presses per part")
                let result = try StopLatencyBenchmark.run(size: size, presses: presses) { watch in
                    try TraceInput.loadWatched(path: path, force: false, watch: watch).map { ($0, PlayerOptions()) }
                }
                print(result.summary)
            } else {
                let trace = SyntheticTrace.make(tasks: tasks, events: events, seed: 1)
                print("trace: \(trace.events.count) events, \(trace.tasks.count) lanes; screen \(width)×\(height)")
                let result = TUIBenchmark.run(trace: trace, size: size)
                print(result.summary)
            }
            print("peak memory: \(PeakMemory.megabytes) MB")
            print("load average at end: \(LoadAverage.now)")
        }
    }
}

/// The machine's load averages (1, 5 and 15 minutes), to print beside timings.
enum LoadAverage {
    static var now: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
