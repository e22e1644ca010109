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
        let numberWidth = String(lines.count).count
        let textX = rect.x + 2 + numberWidth
        let textWidth = max(1, rect.maxX - textX)
        let shown = Self.rows(lines: lines, focus: Int(site.line), rows: rows, width: textWidth, ascii: state.ascii)
        for (i, row) in shown.enumerated() {
            let n = row.line
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
            if row.continued {
                // A wrapped line's further rows: no marker or number, the continuation mark.
                grid.put(String(repeating: " ", count: numberWidth) + String(g.continuation), x: rect.x + 1, y: y,
                         role: .dim)
            } else {
                let number = String(repeating: " ", count: numberWidth - String(n).count) + String(n)
                grid.put(marker, x: rect.x, y: y, role: role)
                grid.put(number, x: rect.x + 1, y: y, role: .dim)
            }
            let used = grid.put(row.text, x: textX, y: y, role: role, maxWidth: textWidth)
            if role != .plain {
                // Mark the rest of the line too, so the bar shows without colour.
                grid.paint(x: textX + used, y: y, width: rect.maxX - textX - used, role: role)
            }
        }
    }

    /// One row of the pane: a source line (1-based) or one of its continuation rows.
    struct Row: Equatable {
        var line: Int
        var text: String
        var continued: Bool
    }

    /// The rows shown for a pane of `rows` rows whose text is `width` columns wide: lines
    /// wider than that wrap onto continuation rows, and the first row of line `focus` sits
    /// near the middle (as near as the file's ends allow).
    static func rows(lines: [some StringProtocol], focus: Int, rows: Int, width: Int, ascii: Bool) -> [Row] {
        guard rows > 0, !lines.isEmpty else { return [] }
        let focus = min(max(1, focus), lines.count)
        var all: [Row] = []
        var focusRow = 0
        // Enough lines either side to fill the pane even when none wraps.
        for n in max(1, focus - rows)...min(lines.count, focus + rows) {
            if n == focus { focusRow = all.count }
            let text = Sanitizer.line(String(lines[n - 1]), ascii: ascii)
            for (k, piece) in TextWrap.pieces(text, first: width, rest: width).enumerated() {
                all.append(Row(line: n, text: piece, continued: k > 0))
            }
        }
        var top = max(0, focusRow - rows / 2)
        top = max(0, min(top, all.count - rows))
        // Start on a line's first row, so every line shown has its number: back to it when the
        // focus line stays in view, else on to the next line.
        var start = top
        while start > 0 && all[start].continued { start -= 1 }
        if focusRow - start <= rows / 2 {
            top = start
        } else {
            while top < focusRow && all[top].continued { top += 1 }
        }
        let end = min(all.count, top + rows)
        var shown = Array(all[top..<end])
        // A line that goes on below the pane says so.
        if end < all.count, all[end].continued, let last = shown.last {
            shown[shown.count - 1].text = TextWrap.ended(last.text, width: width, ellipsis: ascii ? "~" : "…")
        }
        return shown
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
