import ArgumentParser
import LoopscopeScheduler

/// `loopscope record <demo|program.py> -o trace.jsonl [-- args]`: run a demo, or record a
/// Python program on CPython, and save its trace.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Run a demo or record a Python program on CPython, and write its trace as JSON Lines.")

    @Argument(help: "A demo id (see `loopscope list`) or a .py program.")
    var demo: String

    @Option(name: .shortAndLong, help: "The trace file to write (default: standard output).")
    var output: String?

    @OptionGroup var python: PythonFlags

    func run() throws {
        try reporting {
            if demo.hasSuffix(".jsonl") {
                throw CLIError("\(demo) is already a trace: record takes a demo id or a .py program "
                    + "(use `loopscope validate \(demo)` to check a trace).", code: 2)
            }
            let loaded = try TraceInput.load(demo, python: python)
            try Terminal.deliver(TraceJSONL.encode(loaded.trace), to: output)
            let (outcome, message) = RunOutcome.of(loaded.trace)
            Terminal.relay(loaded)
            if outcome != .ok {
                Terminal.writeError("loopscope: note: the run ended early: \(Sanitizer.line(message ?? ""))\n")
            }
        }
    }
}

/// `loopscope validate <trace.jsonl>`: check a trace file's format and consistency.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a trace file (- reads standard input): its format (line and column of any error) and its consistency.")

    @Argument(help: "The .jsonl trace file, or - to read the trace from standard input.")
    var file: String

    func run() throws {
        try reporting {
            let (trace, version) = try TraceInput.decodeFileWithVersion(file)
            let name = TraceInput.displayName(file)
            let problems = trace.validate()
            guard problems.isEmpty else {
                let list = problems.map { "  \(Sanitizer.line($0.description))" }.joined(separator: "\n")
                throw CLIError("\(name) is well-formed but inconsistent:\n\(list)", code: 1)
            }
            try Terminal.writeOut("\(Sanitizer.line(name)): ok — \(trace.events.count) events, \(trace.tasks.count) lanes, \(trace.duration) s virtual, format version \(version)\n")
        }
    }
}
