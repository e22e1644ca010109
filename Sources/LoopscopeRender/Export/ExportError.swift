/// Why an export could not be made, worded to say what to do about it.
///
/// ```swift
/// ExportError.widthTooSmall(format: .sequence, width: 30, minimum: 36).description
/// // "width 30 is too small for the sequence diagram: it needs at least 36 columns"
/// ```
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The width asked for is below what the format needs.
    case widthTooSmall(format: ExportFormat, width: Int, minimum: Int)
    /// The format relies on a part of the program that this build does not have.
    case unavailable(format: ExportFormat, reason: String)
    /// The trace could not be turned into the format (e.g. it failed to encode).
    case failed(format: ExportFormat, reason: String)
    /// More tasks than the format can usefully draw: pick some with `ExportSelection`.
    case tooLarge(format: ExportFormat, tasks: Int, limit: Int)
    /// `--tasks`, `--from` or `--to` names nothing in the run.
    case badSelection(format: ExportFormat, reason: String)
    /// The sink given to `Exporter.write` stopped taking bytes part-way (it knows why).
    case outputClosed(format: ExportFormat)

    public var description: String {
        switch self {
        case let .widthTooSmall(format, width, minimum):
            "width \(width) is too small for the \(format.noun): it needs at least \(minimum) columns"
                + " (pass a width of \(minimum) or more)"
        case let .unavailable(format, reason):
            "the \(format.noun) is not available: \(reason)"
        case let .failed(format, reason):
            "could not write the \(format.noun): \(reason)"
        case let .tooLarge(format, tasks, limit):
            "the \(format.noun) would have \(Story.grouped(tasks)) task lifelines, more than the \(limit) it can show"
                + " usefully: pick tasks with --tasks (names or ids, e.g. --tasks Task-1,Task-2) or a"
                + " stretch of steps with --from and --to (e.g. --from 1 --to 500)"
        case let .badSelection(format, reason):
            "cannot select a part of the run for the \(format.noun): \(reason)"
        case let .outputClosed(format):
            "the output stopped taking the \(format.noun) part-way"
        }
    }
}

extension ExportFormat {
    /// The format's name as a noun phrase for messages.
    var noun: String {
        switch self {
        case .text: "text lanes"
        case .unicode: "Unicode lanes"
        case .sequence: "sequence diagram"
        case .breakdown: "breakdown"
        case .mermaid: "Mermaid diagram"
        case .chrome: "Chrome trace"
        case .markdown: "Markdown handout"
        case .jsonl: "JSON Lines trace"
        }
    }
}
