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
        let lines = state.narration.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in TextWrap.clip(lines, rows: rect.height - 1, width: width, ellipsis: state.glyphs.ellipsis)
            .enumerated() {
            grid.put(line, x: rect.x + 1, y: rect.y + 1 + i, role: .plain, maxWidth: width)
        }
    }
}
