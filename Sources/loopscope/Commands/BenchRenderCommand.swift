import ArgumentParser
import Foundation
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace

/// `loopscope bench render`: decode, timeline and render a large synthetic trace; with
/// `--formats`, every reader's time and peak memory on a trace file.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "A synthetic trace of 1 M events over 10 k tasks: JSONL decode speed, timeline build, text render, peak memory.",
        discussion: """
            With --formats, runs `validate`, every export format and `explain` on a trace file \
            (--trace, or a synthetic one written to a temporary file), each in a child process, \
            and prints a table of seconds and peak memory per reader.
            """)

    @Option(help: "Events in the synthetic trace.") var events = 1_000_000
    @Option(help: "Tasks in the synthetic trace.") var tasks = 10_000
    @Option(help: "Width of the text render.") var width = 200
    @Flag(help: "Time every reader (validate, each export format, explain) in its own process.")
    var formats = false
    @Option(help: "With --formats: the trace file to read (default: a synthetic one).") var trace: String?
    @Option(help: "With --formats: seconds before a reader is stopped.") var limit: Double = 120
    @Option(help: "With --formats: megabytes of resident memory before a reader is stopped.")
    var memoryLimit = 8_000

    func run() throws {
        if formats { return try runFormats() }
        let trace = SyntheticTrace.make(tasks: tasks, events: events, seed: 1)
        let bytes = TraceJSONL.encodeBytes(trace)
        print("trace: \(trace.events.count) events, \(trace.tasks.count) lanes, \(bytes.count / 1_000_000) MB as JSONL")
        let (decoded, decodeSeconds) = try timed { try TraceJSONL.decode(bytes, sourceName: "synthetic") }
        print(String(format: "decode:   %.3f s  (%.0f MB/s)", decodeSeconds, Double(bytes.count) / 1e6 / decodeSeconds))
        let (timeline, timelineSeconds) = timed { Timeline(trace: decoded) }
        print(String(format: "timeline: %.3f s", timelineSeconds))
        let (text, renderSeconds) = try timed {
            try LaneRenderer.text(timeline, LaneOptions(width: width, color: false))
        }
        print(String(format: "render:   %.3f s  (text, width %d, %d lines)", renderSeconds, width,
                     text.split(separator: "\n").count))
        print(String(format: "timeline + render: %.3f s", timelineSeconds + renderSeconds))
        print("peak memory: \(PeakMemory.megabytes) MB")
    }

    private func runFormats() throws {
        if let trace {
            return measureFormats(trace: trace)
        }
        let path = NSTemporaryDirectory() + "loopscope-bench-\(getpid()).jsonl"
        do {
            let synthetic = SyntheticTrace.make(tasks: tasks, events: events, seed: 1)
            let bytes = TraceJSONL.encodeBytes(synthetic)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw CLIError("cannot write the synthetic trace to \(path)")
            }
            print("trace: \(synthetic.events.count) events, \(synthetic.tasks.count) lanes, \(bytes.count / 1_000_000) MB")
        }
        defer { unlink(path) }
        measureFormats(trace: path)
    }
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

enum PeakMemory {
    /// The process's peak resident set size, in megabytes.
    static var megabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
