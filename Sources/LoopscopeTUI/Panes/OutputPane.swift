import LoopscopeTimeline
import LoopscopeTrace

/// Draws the output pane: what the program has printed so far, newest last; a line printed
/// at the current step is highlighted.
struct OutputPane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        let count = state.loop.outputCount
        let output = state.timeline.output
        grid.titleRule(rect, "Output", note: "\(count) line\(count == 1 ? "" : "s")", glyphs: state.glyphs)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        guard count > 0 else {
            grid.put("nothing printed yet", x: rect.x + 1, y: rect.y + 1, role: .dim)
            return
        }
        let trace = state.timeline.trace
        let first = max(0, count - rows)
        for (row, i) in (first..<count).enumerated() {
            let line = output[i]
            let raw = trace.text(of: trace.events[Int(line.event)]) ?? ""
            let text = Sanitizer.line(raw, ascii: state.ascii)
            let current = Int(line.step) == state.step
            let role: StyleRole = current ? .lineRan : (line.stream == .stderr ? .warning : .output)
            grid.put(text, x: rect.x + 1, y: rect.y + 1 + row, role: role, maxWidth: rect.width - 1)
        }
    }
}
