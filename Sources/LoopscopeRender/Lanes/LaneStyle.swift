import LoopscopeTimeline
import LoopscopeTrace

/// Turns lane marks into text: glyphs, and ANSI colour when asked.
///
/// Internal to the lane renderers. Colour sequences take no columns; each coloured run ends
/// with a reset, so a line never leaks colour into the next.
struct LaneStyle {
    let glyphs: LaneGlyphs
    let color: Bool

    /// A row of marks as text, colouring runs of one mark together.
    func draw(_ row: ArraySlice<LaneMark>) -> String {
        var out = ""
        out.reserveCapacity(row.count * (glyphs.isASCII ? 1 : 3))
        var current: LaneMark? = nil
        for mark in row {
            if color && mark != current {
                if let c = current, LaneGlyphs.sgr(c) != nil { out += "\u{1B}[0m" }
                if let sgr = LaneGlyphs.sgr(mark) { out += "\u{1B}[" + sgr + "m" }
                current = mark
            }
            out += glyphs.marks[Int(mark.rawValue)]
        }
        if color, let c = current, LaneGlyphs.sgr(c) != nil { out += "\u{1B}[0m" }
        return out
    }

    /// `count` copies of a mark's glyph, coloured if asked.
    func paint(_ mark: LaneMark, count: Int = 1) -> String {
        let text = String(repeating: glyphs.glyph(mark), count: count)
        guard color, let sgr = LaneGlyphs.sgr(mark) else { return text }
        return "\u{1B}[" + sgr + "m" + text + "\u{1B}[0m"
    }

    /// The ruler: a tick at each instant's first column, break markers over compressed gaps.
    func ruler(_ axis: TimeAxis) -> String {
        var cells = [String](repeating: glyphs.rulerLine, count: axis.width)
        for tick in axis.ticks { cells[tick.column] = glyphs.rulerTick }
        for c in axis.breaks where c < cells.count { cells[c] = glyphs.glyph(.breakMarker) }
        let text = cells.joined()
        return color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
    }

    /// Drops trailing blanks.
    func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
