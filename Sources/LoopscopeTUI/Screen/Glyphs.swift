/// The frame's drawing characters, in a Unicode set and an ASCII set.
///
/// The ASCII set is used when the locale is not UTF-8 or the `ascii` option is on; every
/// marker stays distinct in both. Lane glyphs come from the lane renderer, not from here.
public struct Glyphs: Equatable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var cross: Character
    public var teeDown: Character
    public var teeUp: Character
    /// Marks the current step above the lanes.
    public var cursor: Character
    /// Marks the source line that just ran.
    public var lineRan: Character
    /// Marks where the selected task is parked or will resume.
    public var lineParked: Character
    /// Marks the selected lane and the chosen list entry.
    public var pointer: Character
    public var ellipsis: String
    public var bullet: Character
    /// Starts a row that continues the line above (a wrapped output or source line).
    public var continuation: Character
    public var isASCII: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", cross: "┼", teeDown: "┬", teeUp: "┴", cursor: "▼",
        lineRan: "▶", lineParked: "◆", pointer: "›", ellipsis: "…", bullet: "•", continuation: "↪", isASCII: false)

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", cross: "+", teeDown: "+", teeUp: "+", cursor: "v",
        lineRan: ">", lineParked: "*", pointer: ">", ellipsis: "~", bullet: "*", continuation: "+", isASCII: true)

    public static func forASCII(_ ascii: Bool) -> Glyphs { ascii ? .ascii : .unicode }
}
