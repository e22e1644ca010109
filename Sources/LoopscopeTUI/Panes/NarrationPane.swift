import LoopscopeTimeline

/// Draws the narration pane: the breakdown text of the current step (`Narration`), or in
/// predict mode the verdict on the last answer followed by that text.
struct NarrationPane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        let title = "Step \(state.step + 1): \(state.timeline.headline(ofStep: state.step, ascii: state.ascii, quoteWidth: 20))"
        grid.titleRule(rect, title, glyphs: state.glyphs)
        let width = rect.width - 1
        var y = rect.y + 1
        for line in state.narration.split(separator: "\n", omittingEmptySubsequences: false) {
            guard y < rect.maxY else { break }
            grid.put(line, x: rect.x + 1, y: y, role: .plain, maxWidth: width)
            y += 1
        }
    }
}
