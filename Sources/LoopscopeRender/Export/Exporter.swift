import LoopscopeTimeline
import LoopscopeTrace

/// The one entry point for `loopscope export`: any `ExportFormat` of a trace.
///
/// ```swift
/// let text = try Exporter.render(trace, format: .sequence, options: ExportOptions(width: 100))
/// ```
///
/// Pure: the same trace, format and options give the same string. Terminal formats (`text`,
/// `unicode`, `sequence`, `breakdown`) keep every line within `options.width` columns and
/// throw `ExportError.widthTooSmall` (naming the minimum) when the width cannot be met.
/// It does not write files or decide colour; the caller does.
public enum Exporter {
    public static func render(_ trace: Trace, format: ExportFormat,
                              options: ExportOptions) throws(ExportError) -> String {
        if !options.selection.isWholeRun && !format.takesSelection {
            throw .badSelection(format: format, reason: format.wholeRunReason)
        }
        switch format {
        case .text:
            return try LaneRenderer.text(Timeline(trace: trace), laneOptions(options))
        case .unicode:
            return try LaneRenderer.unicode(Timeline(trace: trace), laneOptions(options))
        case .sequence:
            return try SequenceDiagram.render(trace, options: options)
        case .breakdown:
            return try Breakdown.render(Timeline(trace: trace), options: options)
        case .mermaid:
            return try MermaidExporter.render(trace, options: options)
        case .chrome:
            return ChromeTraceExporter.render(Timeline(trace: trace))
        case .markdown:
            return try MarkdownHandout.render(Timeline(trace: trace), options: options)
        case .jsonl:
            return TraceJSONL.encode(trace)
        }
    }

    /// Whether `ExportOptions.selection` picks what the format shows.
    static func takesSelection(_ format: ExportFormat) -> Bool { format.takesSelection }

    static func laneOptions(_ options: ExportOptions) -> LaneOptions {
        LaneOptions(width: options.width, color: options.color, selection: options.selection)
    }
}
