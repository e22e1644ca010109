import LoopscopeTimeline
import LoopscopeTrace

/// Draws the source pane: the file around the line that ran at this step, marked, and the
/// line where the selected task is parked (or will resume), marked differently. A step
/// that ran no line (a task starting, a task finishing, the clock jumping) marks none.
struct SourcePane {
    let state: AppState
    let rect: Rect

    /// How far back to look for a step with a source line.
    static let searchLimit = 2_000

    func draw(into grid: inout Grid) {
        let g = state.glyphs
        let trace = state.timeline.trace
        let ran = ranSite()
        let parked = parkedSite()
        guard let anchor = ran ?? parked ?? lastSite(), let site = trace.site(anchor),
              site.file >= 0, Int(site.file) < trace.files.count else {
            grid.titleRule(rect, "Source", glyphs: g)
            grid.put("no source line at this step", x: rect.x + 1, y: rect.y + 1, role: .dim)
            return
        }
        let file = trace.files[Int(site.file)]
        let label = state.timeline.siteLabel(anchor, ascii: state.ascii) ?? ""
        grid.titleRule(rect, "Source " + label, glyphs: g)
        let lines = file.lines
        let rows = rect.height - 1
        guard rows > 0 else { return }
        let ranLine = ran.flatMap { trace.site($0) }.flatMap { $0.file == site.file ? Int($0.line) : nil }
        let parkedLine = parked.flatMap { trace.site($0) }.flatMap { $0.file == site.file ? Int($0.line) : nil }
        let focus = Int(site.line)
        var top = max(1, focus - rows / 2)
        top = max(1, min(top, lines.count - rows + 1))
        let numberWidth = String(lines.count).count
        for i in 0..<rows {
            let n = top + i
            guard n >= 1, n <= lines.count else { break }
            let y = rect.y + 1 + i
            var marker = " "
            var role = StyleRole.plain
            if n == ranLine {
                marker = String(g.lineRan)
                role = .lineRan
            } else if n == parkedLine {
                marker = String(g.lineParked)
                role = .lineParked
            }
            let number = String(repeating: " ", count: numberWidth - String(n).count) + String(n)
            grid.put(marker, x: rect.x, y: y, role: role == .plain ? .plain : role)
            grid.put(number, x: rect.x + 1, y: y, role: .dim)
            let text = Sanitizer.line(lines[n - 1], ascii: state.ascii)
            let x = rect.x + 2 + numberWidth
            let used = grid.put(text, x: x, y: y, role: role == .plain ? .plain : role,
                                maxWidth: rect.width - 2 - numberWidth)
            if role != .plain {
                // Mark the rest of the line too, so the bar shows without colour.
                grid.paint(x: x + used, y: y, width: rect.maxX - x - used, role: role)
            }
        }
    }

    /// The line that ran at this step (see `Timeline.ranSite(atStep:)`).
    func ranSite() -> Int32? { state.timeline.ranSite(atStep: state.step) }

    /// Where the selected task is parked (suspended), or where it will resume (ready after
    /// a suspension).
    func parkedSite() -> Int32? {
        state.timeline.parkedSite(ofTask: state.selectedTask, atStep: state.step)
    }

    /// When no line is marked, the most recent line run before this step, so the pane keeps
    /// showing the code around it (unmarked).
    func lastSite() -> Int32? {
        let steps = state.timeline.steps
        let events = state.timeline.trace.events
        var i = min(state.step, steps.count - 1)
        let stop = max(0, state.step - Self.searchLimit)
        while i >= stop && i >= 0 {
            let site = events[Int(steps[i].event)].site
            if site >= 0 { return site }
            i -= 1
        }
        return nil
    }
}
