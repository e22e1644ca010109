/// The formats `loopscope export` can write, by the name the command line uses.
///
/// ```swift
/// ExportFormat(rawValue: "mermaid")   // .mermaid
/// ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
/// ```
///
/// The format only names the output; `Exporter.render` produces it.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Task lanes drawn with 7-bit ASCII glyphs.
    case text
    /// Task lanes drawn with Unicode block and box glyphs.
    case unicode
    /// A text sequence diagram: the loop and the tasks as columns, control passing as arrows.
    case sequence
    /// The numbered, step-by-step control-flow breakdown in plain sentences.
    case breakdown
    /// Mermaid `sequenceDiagram` source.
    case mermaid
    /// Trace Event Format JSON for Perfetto and chrome://tracing.
    case chrome
    /// A Markdown handout: note, claims, source, output, breakdown, timeline and diagram.
    case markdown
    /// The trace itself as JSON Lines.
    case jsonl

    /// What the format is, in a few words, for `--help` and error messages.
    public var summary: String {
        switch self {
        case .text: "task lanes, ASCII"
        case .unicode: "task lanes, Unicode glyphs"
        case .sequence: "text sequence diagram"
        case .breakdown: "numbered control-flow breakdown"
        case .mermaid: "Mermaid sequenceDiagram source"
        case .chrome: "Trace Event Format JSON (Perfetto, chrome://tracing)"
        case .markdown: "Markdown handout"
        case .jsonl: "the trace as JSON Lines"
        }
    }

    /// Whether every line of the output is kept within `ExportOptions.width` columns.
    ///
    /// Machine formats (`mermaid`, `chrome`, `jsonl`) ignore the width; `breakdown` and
    /// `markdown` wrap prose to it but keep source lines and tables whole.
    public var fitsWidth: Bool {
        switch self {
        case .text, .unicode, .sequence, .breakdown: true
        case .mermaid, .chrome, .markdown, .jsonl: false
        }
    }

    /// Whether `--tasks`, `--from` and `--to` (`ExportSelection`) apply to the format.
    public var takesSelection: Bool {
        switch self {
        case .sequence, .mermaid, .breakdown, .markdown: true
        case .text, .unicode, .chrome, .jsonl: false
        }
    }
}
