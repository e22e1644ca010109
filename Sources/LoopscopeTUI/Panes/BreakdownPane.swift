import LoopscopeTimeline
import LoopscopeTrace

/// Draws the breakdown view: one numbered line per step (its headline), the current step
/// marked, scrolled to keep it in view. Only the rows on screen are computed.
struct BreakdownPane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        grid.titleRule(rect, "Breakdown", note: "one line per step", glyphs: state.glyphs)
        let rows = rect.height - 1
        let count = state.stepCount
        guard rows > 0, count > 0 else { return }
        var top = state.step - rows / 3 + state.scrollOffset
        top = max(0, min(top, count - rows))
        let numberWidth = String(count).count
        for row in 0..<rows {
            let i = top + row
            guard i < count, !(state.hidesFuture && i > state.step) else { break }
            let y = rect.y + 1 + row
            let current = i == state.step
            let number = String(repeating: " ", count: numberWidth - String(i + 1).count) + String(i + 1)
            let time = state.timeline.steps[i].time.formatted(decimals: 3)
            let marker = current ? String(state.glyphs.pointer) : " "
            let text = TextWidth.fit("\(marker)\(number)  \(time)  " + state.timeline.headline(ofStep: i, ascii: state.ascii),
                                     rect.width, ellipsis: state.glyphs.ellipsis)
            let role: StyleRole = current ? .lineRan : (i > state.step ? .dim : .plain)
            let used = grid.put(text, x: rect.x, y: y, role: role, maxWidth: rect.width)
            if current { grid.paint(x: rect.x + used, y: y, width: rect.width - used, role: .lineRan) }
        }
    }
}
