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
        case .text, .unicode, .sequence, .mermaid, .breakdown, .markdown: true
        case .chrome, .jsonl: false
        }
    }

    /// Why a format that does not take `--tasks`, `--from` and `--to` keeps the whole run,
    /// and what to use instead.
    var wholeRunReason: String {
        let others = Self.allCases.filter(\.takesSelection).map(\.rawValue)
        let instead = "to see a part of the run, give --tasks, --from and --to to "
            + others.dropLast().joined(separator: ", ") + " or " + (others.last ?? "")
        switch self {
        case .chrome:
            return "a Chrome trace always holds the whole run (Perfetto and chrome://tracing pick tasks and"
                + " zoom to a stretch of time themselves: open the whole file there); " + instead
        case .jsonl:
            return "a JSON Lines trace is the run itself and stays whole, so that play, explain and export"
                + " can read it back; " + instead
        default:
            return "the \(noun) always shows the whole run; " + instead
        }
    }
}
