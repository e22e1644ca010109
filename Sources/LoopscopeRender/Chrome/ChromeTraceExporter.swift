import LoopscopeTimeline
import LoopscopeTrace

/// Trace Event Format JSON of a run, for Perfetto (ui.perfetto.dev) and chrome://tracing.
///
/// ```swift
/// let json = ChromeTraceExporter.render(Timeline(trace: trace))
/// // {"traceEvents":[{"ph":"M","pid":1,"tid":0,"name":"process_name",...},...],
/// //  "displayTimeUnit":"ms"}
/// ```
///
/// Layout: one process; thread 0 is the event loop, thread `i + 1` is the lane of task `i`
/// (named `Task-2 fetch_url(...)`, sorted in lane order).
///
/// The time axis is synthetic. In virtual time a step takes no time, so every step gets one
/// microsecond of its own: step `k` starts at `virtual time + k µs` and lasts 1 µs. The
/// order of steps is kept, waits keep their virtual length (plus a few µs), and virtual time
/// can be read off any event's `args.t` (seconds).
///
/// What it writes:
/// - `X` slices for every state span of every lane: `run` (category `running`: from the
///   step that starts or resumes the task through the step where it suspends or ends),
///   `await …` (`suspended`), `ready` (`ready`), `blocking`, `thread`, `created`. End
///   states are not drawn.
/// - `X` slices on the loop thread for its own steps (clock jumps, shutdown, the end) and
///   `idle` slices while it sleeps.
/// - Flow events (`s` → `f`, `bp: "e"`) from the step that made a task ready to the task's
///   next run. Each flow point lies inside a slice on its own thread.
/// - `i` instant events for printed lines; a `C` counter `ready queue` with its length.
///
/// Every string is sanitized and JSON-escaped; keys are written in a fixed order, so the
/// same trace always gives the same bytes. `write` streams the events as they are made; it
/// does not compress.
public enum ChromeTraceExporter {
    public static func render(_ timeline: Timeline) -> String {
        // A sink in memory always takes its bytes, so nothing can be thrown.
        (try? ExportStream.collect(.chrome) { (stream, out) throws(ExportError) in
            try write(timeline, to: stream, &out)
        }) ?? ""
    }

    /// Appends the JSON to `out`, handing it on to `stream` an event at a time.
    static func write(_ timeline: Timeline, to stream: ExportStream, _ out: inout [UInt8]) throws(ExportError) {
        var writer = ChromeTraceWriter(timeline: timeline)
        out.raw("{\"traceEvents\":[\n")
        try writer.write(to: stream, &out)
        out.raw("\n],\"displayTimeUnit\":\"ms\"}\n")
    }
}
