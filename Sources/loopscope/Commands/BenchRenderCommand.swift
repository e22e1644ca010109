import ArgumentParser
import Foundation
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace

/// `loopscope bench render`: decode, timeline and render a large synthetic trace.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "A synthetic trace of 1 M events over 10 k tasks: JSONL decode speed, timeline build, text render, peak memory.")

    @Option(help: "Events in the synthetic trace.") var events = 1_000_000
    @Option(help: "Tasks in the synthetic trace.") var tasks = 10_000
    @Option(help: "Width of the text render.") var width = 200

    func run() throws {
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
