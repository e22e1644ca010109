import LoopscopeTimeline

/// The glyphs (and optional colours) of a lane chart: one distinct glyph per lane state, so
/// the chart reads the same in black and white.
///
/// ```swift
/// LaneGlyphs.ascii.glyph(.running)      // "#"
/// LaneGlyphs.unicode.glyph(.suspended)  // "─"
/// ```
///
/// | state      | ascii | unicode | colour  |
/// |------------|-------|---------|---------|
/// | created    | `:`   | `·`     | dim     |
/// | ready      | `.`   | `░`     | yellow  |
/// | running    | `#`   | `█`     | green   |
/// | suspended  | `-`   | `─`     | blue    |
/// | blocking   | `B`   | `▓`     | red     |
/// | thread     | `=`   | `═`     | magenta |
/// | done       | `|`   | `┤`     | bold    |
/// | failed     | `!`   | `✗`     | bold red|
/// | cancelled  | `x`   | `⊘`     | cyan    |
/// | time break | `/`   | `╱`     | dim     |
///
/// It does not decide whether colour is used: callers pass `color` to the renderer.
public struct LaneGlyphs: Sendable, Equatable {
    /// Glyphs indexed by `LaneMark.rawValue`.
    public var marks: [String]
    /// Ruler: the line, a tick, and the break marker.
    public var rulerLine: String
    public var rulerTick: String
    /// What cut labels end with.
    public var ellipsis: String
    public var isASCII: Bool

    public static let ascii = LaneGlyphs(
        marks: [" ", ":", ".", "#", "-", "B", "=", "|", "!", "x", "/"],
        rulerLine: "-", rulerTick: "+", ellipsis: "~", isASCII: true)

    public static let unicode = LaneGlyphs(
        marks: [" ", "·", "░", "█", "─", "▓", "═", "┤", "✗", "⊘", "╱"],
        rulerLine: "─", rulerTick: "┬", ellipsis: "…", isASCII: false)

    public func glyph(_ mark: LaneMark) -> String { marks[Int(mark.rawValue)] }

    public func glyph(_ state: LaneState) -> String { glyph(LaneMark(state)) }

    /// The ANSI SGR parameters for a mark (without `ESC [` and `m`), or nil for none.
    public static func sgr(_ mark: LaneMark) -> String? {
        switch mark {
        case .empty: nil
        case .created: "2"
        case .ready: "33"
        case .running: "32"
        case .suspended: "34"
        case .blocking: "1;31"
        case .thread: "35"
        case .done: "1"
        case .failed: "1;31"
        case .cancelled: "36"
        case .breakMarker: "2"
        }
    }

    /// What each mark means, for legends.
    public static func meaning(_ mark: LaneMark) -> String {
        switch mark {
        case .empty: "not alive"
        case .created: "created"
        case .ready: "ready (queued)"
        case .running: "running"
        case .suspended: "awaiting"
        case .blocking: "blocking (holds its thread)"
        case .thread: "on a thread"
        case .done: "done"
        case .failed: "failed"
        case .cancelled: "cancelled"
        case .breakMarker: "time skipped"
        }
    }
}
