import LoopscopeTimeline
import LoopscopeTrace

/// The one entry point for `loopscope export`: any `ExportFormat` of a trace, as a string
/// (`render`) or streamed to a sink (`write`).
///
/// ```swift
/// let text = try Exporter.render(trace, format: .sequence, options: ExportOptions(width: 100))
/// try Exporter.write(trace, format: .chrome, options: ExportOptions(), to: sink)
/// ```
///
/// Pure: the same trace, format and options give the same bytes, however they are chunked.
/// Terminal formats (`text`, `unicode`, `sequence`, `breakdown`) keep every line within
/// `options.width` columns and throw `ExportError.widthTooSmall` (naming the minimum) when
/// the width cannot be met. Every error a format can find in its input is thrown before the
/// first byte reaches the sink; only `ExportError.outputClosed` (the sink refused bytes) comes
/// later. It does not write files or decide colour; the caller does.
public enum Exporter {
    /// How many bytes `write` hands on at a time by default.
    public static let chunkSize = 1 << 16

    public static func render(_ trace: Trace, format: ExportFormat,
                              options: ExportOptions) throws(ExportError) -> String {
        try ExportStream.collect(format) { (stream, out) throws(ExportError) in
            try write(trace, format: format, options: options, to: stream, &out)
        }
    }

    /// Streams the export to `sink` in chunks of `chunkSize` bytes (the last may be shorter).
    /// Long formats (text, unicode, breakdown, markdown, chrome, jsonl, sequence) hold about
    /// one chunk of output in memory however long the output is.
    public static func write(_ trace: Trace, format: ExportFormat, options: ExportOptions,
                             to sink: any ByteSink, chunkSize: Int = chunkSize) throws(ExportError) {
        let stream = ExportStream(sink: sink, chunkSize: chunkSize, format: format)
        var out = stream.buffer()
        try write(trace, format: format, options: options, to: stream, &out)
        try stream.finish(&out)
    }

    static func write(_ trace: Trace, format: ExportFormat, options: ExportOptions,
                      to stream: ExportStream, _ out: inout [UInt8]) throws(ExportError) {
        if !options.selection.isWholeRun && !format.takesSelection {
            throw .badSelection(format: format, reason: format.wholeRunReason)
        }
        switch format {
        case .text:
            try LaneRenderer.render(Timeline(trace: trace), laneOptions(options), glyphs: .ascii, format: .text,
                                    to: stream, &out)
        case .unicode:
            try LaneRenderer.render(Timeline(trace: trace), laneOptions(options), glyphs: .unicode, format: .unicode,
                                    to: stream, &out)
        case .sequence:
            try SequenceDiagram.write(trace, options: options, to: stream, &out)
        case .breakdown:
            try Breakdown.write(Timeline(trace: trace), options: options, markdown: false, titled: true, to: stream, &out)
        case .mermaid:
            out += try MermaidExporter.render(trace, options: options).utf8
        case .chrome:
            try ChromeTraceExporter.write(Timeline(trace: trace), to: stream, &out)
        case .markdown:
            try MarkdownHandout.write(Timeline(trace: trace), options: options, to: stream, &out)
        case .jsonl:
            try TraceJSONL.encode(trace, into: &out, every: stream.chunkSize) { (bytes: inout [UInt8]) throws(ExportError) in
                try stream.spill(&bytes)
            }
        }
    }

    /// Whether `ExportOptions.selection` picks what the format shows.
    static func takesSelection(_ format: ExportFormat) -> Bool { format.takesSelection }

    static func laneOptions(_ options: ExportOptions) -> LaneOptions {
        LaneOptions(width: options.width, color: options.color, selection: options.selection)
    }
}
