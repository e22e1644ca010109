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
        let trace = timeline.trace
        let program = trace.program
        // A handout is a file, not a terminal: text keeps its Unicode characters (control
        // characters still become visible symbols). `options.ascii` picks the glyphs of the
        // diagrams only.
        let ascii = false
        let clean = { (s: String) in MarkdownText.escape(Sanitizer.line(s, ascii: ascii)) }
        let ellipsis = "…"
        let width = options.width
        var out: [String] = []

        let title = clean(program.title.isEmpty ? program.id : program.title)
        out.append("# " + (title.isEmpty ? "loopscope run" : title))
        out.append("")
        if !program.origin.isEmpty {
            out.append("Origin: " + clean(program.origin) + ".")
            out.append("")
        }
        if !program.note.isEmpty {
            for line in Sanitizer.lines(program.note, ascii: ascii) {
                out += Wrap.lines(MarkdownText.escape(line), width: width, indent: "> ", ellipsis: ellipsis)
            }
            out.append("")
        }
        if !program.claims.isEmpty {
            out.append("## What the article says, and what CPython does")
            out.append("")
            out.append("| The article says | CPython 3.11 does |")
            out.append("| --- | --- |")
            for claim in program.claims {
                out.append("| \(cell(claim.article, ascii: ascii)) | \(cell(claim.actual, ascii: ascii)) |")
            }
            out.append("")
        }
        if !trace.files.isEmpty {
            out.append("## Source")
            out.append("")
            for file in trace.files {
                if trace.files.count > 1 { out += [MarkdownText.codeSpan(Sanitizer.line(file.path)), ""] }
                let lines = Sanitizer.lines(file.text, ascii: ascii)
                out += fenced(lines.last == "" ? Array(lines.dropLast()) : lines, language: language(of: file.path))
                out.append("")
            }
        }
        let output = trace.output
        if !output.isEmpty {
            out.append("## Output")
            out.append("")
            let stamps = output.map { "\($0.time) s" }
            let stampWidth = stamps.map(\.count).max() ?? 0
            let lines = zip(output, stamps).map { line, stamp in
                String(repeating: " ", count: stampWidth - stamp.count) + stamp + "  "
                    + (line.stream == .stderr ? "[stderr] " : "") + Sanitizer.line(line.text, ascii: ascii)
            }
            out += fenced(lines, language: "text")
            out.append("")
        }
        out.append("## Step by step")
        out.append("")
        let breakdown = try Breakdown.render(timeline, options: ExportOptions(width: width, ascii: false,
                                                                              selection: options.selection),
                                             markdown: true)
        out += breakdown.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
            .map(String.init).filter { !$0.isEmpty }
        out.append("")
        out.append("## Timeline")
        out.append("")
        let laneOptions = LaneOptions(width: width, color: false, title: false, selection: options.selection)
        let lanes = options.ascii ? try LaneRenderer.text(timeline, laneOptions)
            : try LaneRenderer.unicode(timeline, laneOptions)
        out += fenced(lines(of: lanes), language: "text")
        out.append("")
        out.append("## Sequence diagram")
        out.append("")
        do throws(ExportError) {
            let diagram = try SequenceDiagram.render(trace, options: ExportOptions(width: width, ascii: options.ascii,
                                                                                   selection: options.selection))
            out += fenced(lines(of: diagram), language: "text")
        } catch {
            guard case let .tooLarge(_, tasks, limit) = error else { throw error }
            out.append("Left out: the diagram would have \(tasks) task lifelines, more than the \(limit) it can"
                + " show usefully. Export the handout with `--tasks` or `--from`/`--to` to include it.")
        }
        return out.joined(separator: "\n") + "\n"
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
