import LoopscopeTimeline
import LoopscopeTrace

/// Draws the sequence view: the text sequence diagram (computed by `reduce` when the view
/// or width changes), scrolled so the current step's instant is in view.
///
/// The diagram marks times, not steps, so following the cursor scrolls to the first row of
/// the current step's instant.
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
        let lines = diagram.lines
        let anchor = anchorRow(diagram)
        var top = anchor - 2 + state.scrollOffset
        top = max(0, min(top, lines.count - rows))
        for row in 0..<rows where top + row < lines.count {
            let i = top + row
            // In predict mode the diagram stops at the current step's row.
            if state.hidesFuture && i > anchor { break }
            grid.put(lines[i], x: rect.x, y: rect.y + 1 + row, role: i == anchor ? .cursor : .plain,
                     maxWidth: rect.width)
        }
    }
}

extension SequencePane {
    /// The row to follow: the first row of the current step's instant, moved down in
    /// proportion to how far the step is into that instant's steps.
    func anchorRow(_ diagram: SequenceText) -> Int {
        let steps = state.timeline.steps
        guard !steps.isEmpty else { return 0 }
        let time = steps[state.step].time
        let (row, nextRow) = diagram.rows(forTime: time)
        var first = state.step, last = state.step
        while first > 0 && steps[first - 1].time == time && state.step - first < 10_000 { first -= 1 }
        while last + 1 < steps.count && steps[last + 1].time == time && last - state.step < 10_000 { last += 1 }
        let span = max(1, (nextRow ?? diagram.lines.count) - row)
        return row + (state.step - first) * span / (last - first + 1)
    }
}
