import ArgumentParser
import Foundation
import LoopscopeTrace

/// `loopscope bench trace`: writes a synthetic trace file, for measuring every reader on it.
struct BenchTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Write a synthetic trace (JSON Lines) of about N events over M tasks, the same bytes every run.")

    @Option(help: "Events in the synthetic trace.") var events = 1_000_000
    @Option(help: "Tasks in the synthetic trace.") var tasks = 10_000
    @Option(help: "Seed of the made-up workload.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: "The .jsonl file to write.") var output: String

    func run() throws {
        try reporting {
            let trace = SyntheticTrace.make(tasks: tasks, events: events, seed: seed)
            let bytes = TraceJSONL.encodeBytes(trace)
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw CLIError("cannot write \(output): check that the folder exists and is writable.")
            }
            print("\(output): \(trace.events.count) events, \(trace.tasks.count) lanes, \(bytes.count / 1_000_000) MB")
        }
    }
}
