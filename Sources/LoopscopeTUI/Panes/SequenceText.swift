import LoopscopeRender
import LoopscopeTrace

/// A sequence diagram laid out for the player: its lines, the rows each trace event takes,
/// and which lines name the participants (kept on screen while the rest scrolls).
package struct SequenceText: Sendable {
    package let width: Int
    package let lines: [String]
    /// The lines that scroll: every line but the participant names of each page.
    let body: [Int]
    /// For each line, where it (or, for a header line, the next scrolling line) sits in `body`.
    let bodyPosition: [Int32]
    /// For each line, the first line naming its page's participants (-1: none).
    let headers: [Int32]
    /// The first row of each trace event drawn, by event index.
    private let firstRow: [Int32: Int32]
    /// The trace event each row shows (-1: none).
    private let events: [Int32]

    init(layout: SequenceLayout, width: Int) {
        self.width = width
        lines = layout.lines
        events = layout.events
        headers = layout.headers
        var body: [Int] = []
        var position: [Int32] = []
        var first: [Int32: Int32] = [:]
        for i in lines.indices {
            let h = Int(layout.headers[i])
            position.append(Int32(body.count))
            if !(h >= 0 && i - h < SequenceLayout.headerRows) { body.append(i) }
            let e = layout.events[i]
            if e >= 0 && first[e] == nil { first[e] = Int32(i) }
        }
        self.body = body
        bodyPosition = position
        firstRow = first
    }

    /// The rows that show trace event `event` (its first drawing, wrapped rows included),
    /// or nil when it is not drawn.
    func rows(ofEvent event: Int32) -> Range<Int>? {
        guard let first = firstRow[event].map(Int.init) else { return nil }
        var end = first + 1
        while end < lines.count && events[end] == event { end += 1 }
        return first..<end
    }

    /// The header line (participant names) of the page a line belongs to, or nil.
    func header(ofLine line: Int) -> Int? {
        var i = line
        while i < lines.count {
            if headers[i] >= 0 { return Int(headers[i]) }
            i += 1
        }
        return nil
    }
}
