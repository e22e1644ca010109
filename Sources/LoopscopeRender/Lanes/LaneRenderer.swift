import LoopscopeTimeline
import LoopscopeTrace

/// Draws a timeline as lanes: one row per task or thread, a time ruler in seconds, and a
/// legend.
///
/// ```swift
/// print(try LaneRenderer.text(Timeline(trace: trace), LaneOptions(width: 80)))
/// ```
/// ```
/// fetch_url: Task A (3 s) and Task B (1 s) (seed 000)
///                            0                   1                       3
/// time (s)                   +-------------------+-----------------------+--------
/// Task-1 main()              .####-----------------------------------------.##|
/// Task-2 fetch_url("A (long~   ....#-------------------------------------.#|
/// Task-3 fetch_url("B (shor~    .....#-----------.#|
///
/// . ready (queued)  # running  - awaiting  | done
/// ```
///
/// Each step at one instant gets its own column, waiting is drawn in proportion to virtual
/// time, and long idle gaps are cut short with `//` (see `TimeAxis`). `text` keeps to 7-bit
/// ASCII; `unicode` uses block and box glyphs. Both are pure functions of their inputs, and
/// no line is wider than `options.width` terminal columns. Every trace string is sanitized.
///
/// `options.selection` draws a part of the run (some lanes, a stretch of steps; see
/// `LanePart`), and says so in a line under the title.
///
/// It does not scroll, wrap lanes onto several pages, or draw an event-loop row.
public enum LaneRenderer {
    /// The narrowest width the charts accept.
    public static let minimumWidth = 24
    /// The narrowest label column.
    static let minimumLabelWidth = 8

    /// The chart in 7-bit ASCII.
    public static func text(_ timeline: Timeline, _ options: LaneOptions = LaneOptions()) throws(ExportError) -> String {
        try ExportStream.collect(.text) { (stream, out) throws(ExportError) in
            try render(timeline, options, glyphs: .ascii, format: .text, to: stream, &out)
        }
    }

    /// The chart with Unicode block and box glyphs.
    public static func unicode(_ timeline: Timeline, _ options: LaneOptions = LaneOptions()) throws(ExportError) -> String {
        try ExportStream.collect(.unicode) { (stream, out) throws(ExportError) in
            try render(timeline, options, glyphs: .unicode, format: .unicode, to: stream, &out)
        }
    }

    /// Appends the chart to `out`, handing it on to `stream` a row at a time.
    static func render(_ timeline: Timeline, _ options: LaneOptions, glyphs: LaneGlyphs,
                       format: ExportFormat, to stream: ExportStream, _ out: inout [UInt8]) throws(ExportError) {
        let width = options.width
        guard width >= minimumWidth else {
            throw .widthTooSmall(format: format, width: width, minimum: minimumWidth)
        }
        let ascii = glyphs.isASCII
        let part = try LanePart(timeline, selection: options.selection, format: format)
        let parts = part.lanes.map { timeline.laneTitleParts(timeline.lanes[$0], ascii: ascii) }
        let longest = parts.reduce("time (s)".count) {
            max($0, TextWidth.columns($1.name) + ($1.label.isEmpty ? 0 : 1 + TextWidth.columns($1.label)))
        }
        let labelWidth = max(minimumLabelWidth, min(longest, options.maxLabelWidth, width / 3))
        // Cut labels keep what tells the lanes apart (`LaneLabels`).
        let titles = LaneLabels.fit(parts, width: labelWidth, ellipsis: glyphs.ellipsis)
        let axis = TimeAxis(timeline: timeline, steps: part.steps, width: width - labelWidth - 1)
        let canvas = LaneCanvas(timeline: timeline, axis: axis, lanes: part.lanes)
        let style = LaneStyle(glyphs: glyphs, color: options.color)

        if options.title {
            out.appendLine(TextWidth.fit(titleLine(timeline.trace.program, ascii: ascii), width,
                                         ellipsis: glyphs.ellipsis))
        }
        if part.isPart {
            for line in Wrap.lines(part.summary(timeline, ascii: ascii), width: width, ellipsis: glyphs.ellipsis) {
                out.appendLine(line)
            }
        }
        let margin = String(repeating: " ", count: labelWidth + 1)
        out.appendLine(margin + tickLabels(axis))
        out.appendLine(TextWidth.pad("time (s)", labelWidth) + " " + style.ruler(axis))
        for (row, title) in titles.enumerated() {
            let start = out.count
            out += TextWidth.pad(TextWidth.fit(title, labelWidth, ellipsis: glyphs.ellipsis), labelWidth).utf8
            out.append(UInt8(ascii: " "))
            style.draw(canvas.row(row), into: &out)
            out.endLine(from: start)
            try stream.spill(&out)
        }
        if options.legend {
            out.appendLine("")
            for line in legend(canvas.marksUsed, axis: axis, steps: part.steps.count, width: width,
                               style: style, loopless: timeline.loopless) {
                out.appendLine(line)
            }
        }
    }

    static func titleLine(_ program: ProgramInfo, ascii: Bool) -> String {
        let title = Sanitizer.line(program.title.isEmpty ? program.id : program.title, ascii: ascii)
        let origin = Sanitizer.line(program.origin, ascii: ascii)
        return origin.isEmpty ? title : "\(title) (\(origin))"
    }

    /// Tick labels (times in seconds) over the axis, left-aligned at their tick, skipping
    /// any that would touch the one before or run past the axis.
    static func tickLabels(_ axis: TimeAxis) -> String {
        var row = [Character](repeating: " ", count: axis.width)
        var free = 0
        for tick in axis.ticks where tick.column >= free {
            let label = Array(tick.time.description)
            guard tick.column + label.count <= axis.width else { continue }
            for (i, ch) in label.enumerated() { row[tick.column + i] = ch }
            free = tick.column + label.count + 1
        }
        return String(row)
    }

    static func legend(_ used: [LaneMark], axis: TimeAxis, steps: Int, width: Int, style: LaneStyle,
                       loopless: Bool = false) -> [String] {
        let entries = used.map { mark in
            (style.paint(mark, count: mark == .breakMarker ? 2 : 1), mark == .breakMarker ? 2 : 1,
             // Threads do not await: they wait, asleep or in join().
             loopless && mark == .suspended ? "waiting (sleep, join)" : LaneGlyphs.meaning(mark))
        }
        var lines: [String] = []
        var line = "", used = 0
        for (glyph, glyphWidth, meaning) in entries {
            let w = glyphWidth + 1 + meaning.count
            if used > 0 && used + 2 + w > width {
                lines.append(line)
                line = ""
                used = 0
            }
            if used > 0 { line += "  "; used += 2 }
            line += glyph + " " + meaning
            used += w
        }
        if used > 0 { lines.append(line) }
        if !axis.isStepResolved {
            let note = "\(steps) steps share \(axis.width) columns: widen to \(axis.resolvedWidth + width - axis.width)"
                + " columns to give each step its own"
            lines.append(TextWidth.fit(note, width, ellipsis: style.glyphs.ellipsis))
        }
        return lines
    }
}
