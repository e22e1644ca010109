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

    public var description: String {
        switch self {
        case let .widthTooSmall(format, width, minimum):
            "width \(width) is too small for the \(format.noun): it needs at least \(minimum) columns"
                + " (pass a width of \(minimum) or more)"
        case let .unavailable(format, reason):
            "the \(format.noun) is not available: \(reason)"
        case let .failed(format, reason):
            "could not write the \(format.noun): \(reason)"
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
