import ArgumentParser
import LoopscopeScheduler

/// `loopscope record <demo> -o trace.jsonl`: run a demo and save its trace.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Run a demo and write its trace as JSON Lines.")

    @Argument(help: "The demo id (see `loopscope list`).")
    var demo: String

    @Option(name: .shortAndLong, help: "The trace file to write (default: standard output).")
    var output: String?

    func run() throws {
        try reporting {
            let result = try TraceInput.demo(demo).record()
            try Terminal.deliver(TraceJSONL.encode(result.trace), to: output)
            if result.outcome != .ok {
                Terminal.writeError("loopscope: note: the run ended early: \(result.message ?? "")\n")
            }
        }
    }
}

/// `loopscope validate <trace.jsonl>`: check a trace file's format and consistency.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a trace file: its format (line and column of any error) and its consistency.")

    @Argument(help: "The .jsonl trace file.")
    var file: String

    func run() throws {
        try reporting {
            let trace = try TraceInput.decodeFile(file)
            let problems = trace.validate()
            guard problems.isEmpty else {
                let list = problems.map { "  \(Sanitizer.line($0.description))" }.joined(separator: "\n")
                throw CLIError("\(file) is well-formed but inconsistent:\n\(list)", code: 1)
            }
            print("\(file): ok — \(trace.events.count) events, \(trace.tasks.count) lanes, \(trace.duration) s virtual, format version \(Trace.formatVersion)")
        }
    }
}
