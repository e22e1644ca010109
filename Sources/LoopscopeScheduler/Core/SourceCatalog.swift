/// Finds the text of the program's source files, so a trace can embed them.
///
/// Call sites are captured as `#fileID` (`Module/File.swift`); the catalog turns one into the
/// path to show and the file's text. A file it cannot find is still named in the trace, with
/// empty text.
///
/// ```swift
/// let catalog = SourceCatalog { fileID in
///     fileID.hasSuffix("Hello.swift") ? SourceFile(path: "demos/Hello.swift", text: helloSource) : nil
/// }
/// ```
public struct SourceCatalog: Sendable {
    public let lookup: @Sendable (String) -> SourceFile?

    public init(lookup: @escaping @Sendable (String) -> SourceFile?) {
        self.lookup = lookup
    }

    /// Finds nothing: traces name files but embed no text.
    public static let none = SourceCatalog { _ in nil }
}
