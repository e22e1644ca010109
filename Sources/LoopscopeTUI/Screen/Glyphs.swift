/// The frame's drawing characters, in a Unicode set and an ASCII set.
///
/// The ASCII set is used when the locale is not UTF-8 or the `ascii` option is on; every
/// marker stays distinct in both. Lane glyphs come from the lane renderer, not from here.
package struct Glyphs: Equatable, Sendable {
    package var horizontal: Character
    package var vertical: Character
    package var cross: Character
    package var teeDown: Character
    package var teeUp: Character
    /// Marks the current step above the lanes.
    package var cursor: Character
    /// Marks the source line that just ran.
    package var lineRan: Character
    /// Marks where the selected task is parked or will resume.
    package var lineParked: Character
    /// Marks the selected lane and the chosen list entry.
    package var pointer: Character
    package var ellipsis: String
    package var bullet: Character
    /// Starts a row that continues the line above (a wrapped output or source line).
    package var continuation: Character
    package var isASCII: Bool

    package static let unicode = Glyphs(
        horizontal: "─", vertical: "│", cross: "┼", teeDown: "┬", teeUp: "┴", cursor: "▼",
        lineRan: "▶", lineParked: "◆", pointer: "›", ellipsis: "…", bullet: "•", continuation: "↪", isASCII: false)

    package static let ascii = Glyphs(
        horizontal: "-", vertical: "|", cross: "+", teeDown: "+", teeUp: "+", cursor: "v",
        lineRan: ">", lineParked: "*", pointer: ">", ellipsis: "~", bullet: "*", continuation: "+", isASCII: true)

    package static func forASCII(_ ascii: Bool) -> Glyphs { ascii ? .ascii : .unicode }
}
