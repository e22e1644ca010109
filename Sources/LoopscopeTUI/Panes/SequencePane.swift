import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace

/// Draws the sequence view: the text sequence diagram (computed by `reduce` when the view
/// or width changes), scrolled so the current step's rows are in view and highlighted.
///
/// Each step is the trace event it tells, and the diagram knows which rows draw each
/// event, so the highlight sits on exactly the step's rows (a wrapped note or a label set
/// above its arrow included). The rows naming the participants stay at the top whatever
/// the scroll, so no lifeline is left unlabelled.
struct SequencePane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        grid.titleRule(rect, "Sequence diagram", note: "PgUp/PgDn scroll", glyphs: state.glyphs)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        guard let diagram = state.sequence else {
            let why = state.sequenceUnavailable ?? "no diagram"
            grid.put(why, x: rect.x + 1, y: rect.y + 1, role: .dim, maxWidth: rect.width - 2)
            return
        }
        guard !diagram.body.isEmpty else { return }
        let block = anchorRows(diagram)
        let first = Int(diagram.bodyPosition[block.lowerBound])
        let last = Int(diagram.bodyPosition[block.upperBound - 1])
        let headerRows = rows > SequenceLayout.headerRows ? SequenceLayout.headerRows : 0
        let bodyRows = rows - headerRows
        var top = first - 2 + state.scrollOffset
        top = max(0, min(top, diagram.body.count - bodyRows))
        let y0 = rect.y + 1
        if headerRows > 0, top < diagram.body.count, let header = diagram.header(ofLine: diagram.body[top]) {
            for r in 0..<headerRows where header + r < diagram.lines.count {
                grid.put(diagram.lines[header + r], x: rect.x, y: y0 + r, role: r == 0 ? .heading : .dim,
                         maxWidth: rect.width)
            }
        }
        for row in 0..<bodyRows where top + row < diagram.body.count {
            let position = top + row
            // In predict mode the diagram stops at the current step's rows.
            if state.hidesFuture && position > last { break }
            let line = diagram.body[position]
            grid.put(diagram.lines[line], x: rect.x, y: y0 + headerRows + row,
                     role: block.contains(line) ? .cursor : .plain, maxWidth: rect.width)
        }
    }
}

extension SequencePane {
    /// The rows of the current step's event; for a step the diagram does not draw, the
    /// rows of the nearest step before it that it does (or the first row).
    func anchorRows(_ diagram: SequenceText) -> Range<Int> {
        let steps = state.timeline.steps
        guard !steps.isEmpty else { return 0..<1 }
        var k = min(state.step, steps.count - 1)
        let floor = max(0, k - 10_000)
        while k >= floor {
            if let rows = diagram.rows(ofEvent: steps[k].event) { return rows }
            k -= 1
        }
        return 0..<1
    }
}
