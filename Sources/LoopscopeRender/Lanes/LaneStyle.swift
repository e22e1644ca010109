import LoopscopeTimeline
import LoopscopeTrace

/// Turns lane marks into UTF-8 text: glyphs, and ANSI colour when asked.
///
/// Internal to the lane renderers, which write whole charts into one byte buffer (a chart
/// of ten thousand lanes is millions of cells). Colour sequences take no columns; each
/// coloured run ends with a reset, so a line never leaks colour into the next.
struct LaneStyle {
    let glyphs: LaneGlyphs
    let color: Bool
    /// UTF-8 of each mark's glyph, and of its colour sequence (empty for none).
    private let glyphBytes: [[UInt8]]
    private let sgrBytes: [[UInt8]]
    private static let reset = Array("\u{1B}[0m".utf8)

    init(glyphs: LaneGlyphs, color: Bool) {
        self.glyphs = glyphs
        self.color = color
        glyphBytes = LaneMark.allCases.map { Array(glyphs.glyph($0).utf8) }
        sgrBytes = LaneMark.allCases.map { LaneGlyphs.sgr($0).map { Array("\u{1B}[\($0)m".utf8) } ?? [] }
    }

    /// Appends a row of marks, colouring runs of one mark together.
    func draw(_ row: ArraySlice<LaneMark>, into out: inout [UInt8]) {
        var current: LaneMark? = nil
        for mark in row {
            let m = Int(mark.rawValue)
            if color && mark != current {
                if let c = current, !sgrBytes[Int(c.rawValue)].isEmpty { out += Self.reset }
                out += sgrBytes[m]
                current = mark
            }
            let g = glyphBytes[m]
            if g.count == 1 { out.append(g[0]) } else { out += g }
        }
        if color, let c = current, !sgrBytes[Int(c.rawValue)].isEmpty { out += Self.reset }
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
}

extension Array where Element == UInt8 {
    /// Appends a line of text and a newline, without the line's trailing blanks.
    mutating func appendLine(_ s: some StringProtocol) {
        let start = count
        append(contentsOf: s.utf8)
        endLine(from: start)
    }

    /// Drops trailing blanks written since `start` and ends the line.
    mutating func endLine(from start: Int) {
        while count > start && last == UInt8(ascii: " ") { removeLast() }
        append(UInt8(ascii: "\n"))
    }
}
