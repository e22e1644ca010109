/// How an export should look: the width to fit, colour, and the glyph set.
///
/// ```swift
/// let options = ExportOptions(width: 100, ascii: false)
/// ```
///
/// Formats that are not for a terminal (`mermaid`, `chrome`, `jsonl`) ignore all three.
public struct ExportOptions: Equatable, Sendable {
    /// Terminal columns every line must fit in (formats that wrap or cut to a width).
    public var width: Int
    /// Whether terminal colour (ANSI SGR sequences) may be used. The exporters in this module
    /// write plain text and ignore it; the lane renderers use it.
    public var color: Bool
    /// Whether to keep to 7-bit ASCII. When false, the sequence diagram draws with box
    /// glyphs, and trace strings keep their non-ASCII characters.
    public var ascii: Bool
    /// The part of the run to show (`--tasks`, `--from`, `--to`): the whole run by default.
    public var selection: ExportSelection

    public init(width: Int = 80, color: Bool = false, ascii: Bool = true,
                selection: ExportSelection = ExportSelection()) {
        self.width = width
        self.color = color
        self.ascii = ascii
        self.selection = selection
    }
}
