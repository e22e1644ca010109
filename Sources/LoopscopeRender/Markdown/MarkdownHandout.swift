import LoopscopeTimeline
import LoopscopeTrace

/// A Markdown handout for one run: title, origin, teaching note, the article's claims
/// beside what CPython does, the source, the output with virtual times, the step-by-step
/// breakdown, the lane timeline and the sequence diagram.
///
/// ```swift
/// let md = try MarkdownHandout.render(Timeline(trace: trace), options: ExportOptions(width: 80))
/// ```
///
/// Text keeps its Unicode characters whatever `options.ascii` says (a handout is a file);
/// `ascii` only picks the sequence diagram's glyphs. Prose (note, breakdown) is wrapped to
/// `options.width`; code blocks keep their lines
/// whole, and the timeline and diagram inside them fit the width. Trace strings are
/// sanitized, and in prose, headings and table cells escaped (`MarkdownText`): HTML,
/// links, emphasis and `|` show as the characters they are. Code spans and fences are
/// longer than any run of backticks inside them. Sections with nothing to show (no claims,
/// no output) are left out. It does not render HTML or link anywhere.
public enum MarkdownHandout {
    public static func render(_ timeline: Timeline, options: ExportOptions) throws(ExportError) -> String {
        try ExportStream.collect(.markdown) { (stream, out) throws(ExportError) in
            try write(timeline, options: options, to: stream, &out)
        }
    }

    /// Appends the handout to `out`, handing it on to `stream` as it goes. Everything that
    /// can fail (the width, the selection, the diagram) is worked out before the first
    /// byte; the timeline and the diagram are made first too (a fence must be longer than
    /// any backtick run inside, so their lines are needed whole), and the breakdown, the
    /// long part, is streamed.
    static func write(_ timeline: Timeline, options: ExportOptions, to stream: ExportStream,
                      _ out: inout [UInt8]) throws(ExportError) {
        let trace = timeline.trace
        let program = trace.program
        // A handout is a file, not a terminal: text keeps its Unicode characters (control
        // characters still become visible symbols). `options.ascii` picks the glyphs of the
        // diagrams only.
        let ascii = false
        let clean = { (s: String) in MarkdownText.escape(Sanitizer.line(s, ascii: ascii)) }
        let ellipsis = "…"
        let width = options.width
        let breakdownOptions = ExportOptions(width: width, ascii: false, selection: options.selection)
        try Breakdown.check(timeline, options: breakdownOptions)
        let laneOptions = LaneOptions(width: width, color: false, title: false, selection: options.selection)
        let lanes = options.ascii ? try LaneRenderer.text(timeline, laneOptions)
            : try LaneRenderer.unicode(timeline, laneOptions)
        let diagram: [String]
        do throws(ExportError) {
            diagram = fenced(lines(of: try SequenceDiagram.render(trace, options: ExportOptions(
                width: width, ascii: options.ascii, selection: options.selection))), language: "text")
        } catch {
            guard case let .tooLarge(_, tasks, limit) = error else { throw error }
            diagram = ["Left out: the diagram would have \(tasks) task lifelines, more than the \(limit) it can"
                + " show usefully. Export the handout with `--tasks` or `--from`/`--to` to include it."]
        }

        var head: [String] = []
        let title = clean(program.title.isEmpty ? program.id : program.title)
        head.append("# " + (title.isEmpty ? "loopscope run" : title))
        head.append("")
        if !program.origin.isEmpty {
            head.append("Origin: " + clean(program.origin) + ".")
            head.append("")
        }
        if !program.note.isEmpty {
            for line in Sanitizer.lines(program.note, ascii: ascii) {
                head += Wrap.lines(MarkdownText.escape(line), width: width, indent: "> ", ellipsis: ellipsis)
            }
            head.append("")
        }
        if !program.claims.isEmpty {
            head.append("## What the article says, and what CPython does")
            head.append("")
            head.append("| The article says | CPython 3.11 does |")
            head.append("| --- | --- |")
            for claim in program.claims {
                head.append("| \(cell(claim.article, ascii: ascii)) | \(cell(claim.actual, ascii: ascii)) |")
            }
            head.append("")
        }
        try append(head, to: &out, stream)
        for (i, file) in trace.files.enumerated() {
            var section: [String] = i == 0 ? ["## Source", ""] : []
            if trace.files.count > 1 { section += [MarkdownText.codeSpan(Sanitizer.line(file.path)), ""] }
            let lines = file.lines.map { Sanitizer.line($0, ascii: ascii) }
            section += fenced(lines.last == "" ? Array(lines.dropLast()) : lines, language: language(of: file.path))
            section.append("")
            try append(section, to: &out, stream)
        }
        let output = trace.output
        if !output.isEmpty {
            var section = ["## Output", ""]
            let stamps = output.map { "\($0.time) s" }
            let stampWidth = stamps.map(\.count).max() ?? 0
            let lines = zip(output, stamps).map { line, stamp in
                String(repeating: " ", count: stampWidth - stamp.count) + stamp + "  "
                    + (line.stream == .stderr ? "[stderr] " : "") + Sanitizer.line(line.text, ascii: ascii)
            }
            section += fenced(lines, language: "text")
            section.append("")
            try append(section, to: &out, stream)
        }
        try append(["## Step by step", ""], to: &out, stream)
        try Breakdown.write(timeline, options: breakdownOptions, markdown: true, titled: false, to: stream, &out)
        try append([""] + ["## Timeline", ""] + fenced(lines(of: lanes), language: "text") + [""], to: &out, stream)
        try append(["## Sequence diagram", ""] + diagram, to: &out, stream)
    }

    /// Appends lines, each ending in a newline, and hands on what has gathered.
    private static func append(_ lines: [String], to out: inout [UInt8], _ stream: ExportStream) throws(ExportError) {
        for line in lines {
            out += line.utf8
            out.append(UInt8(ascii: "\n"))
            try stream.spill(&out)
        }
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A fenced code block whose fence is longer than any backtick run inside.
    static func fenced(_ lines: [String], language: String) -> [String] {
        var longest = 0
        for line in lines {
            var run = 0
            for ch in line {
                run = ch == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + language] + lines + [fence]
    }

    /// A table cell: sanitized and escaped (`|` included).
    static func cell(_ s: String, ascii: Bool) -> String {
        MarkdownText.escape(Sanitizer.line(s, ascii: ascii))
    }

    static func language(of path: String) -> String {
        if path.hasSuffix(".py") { return "python" }
        if path.hasSuffix(".swift") { return "swift" }
        return ""
    }
}
