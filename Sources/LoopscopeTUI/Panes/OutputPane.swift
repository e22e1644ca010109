import LoopscopeTimeline
import LoopscopeTrace

/// Draws the output pane: what the program has printed so far, newest last; a line printed
/// at the current step is highlighted. A line wider than the pane wraps, each further row
/// starting with the continuation mark, so nothing printed is cut. The pane follows the
/// current step (its last line at the bottom) unless scrolled up (`AppState.outputScroll`).
struct OutputPane {
    let state: AppState
    let rect: Rect

    /// One row of the pane: which printed line it belongs to and its text.
    struct Row: Equatable {
        var line: Int
        var text: String
        var continued: Bool
    }

    func draw(into grid: inout Grid) {
        let count = state.loop.outputCount
        let rows = rect.height - 1
        let scroll = min(state.outputScroll, max(0, Self.rowCount(state: state, width: rect.width, upTo: rows + state.outputScroll) - rows))
        var note = "\(count) line\(count == 1 ? "" : "s")"
        if scroll > 0 { note += ", \(scroll) row\(scroll == 1 ? "" : "s") up" }
        grid.titleRule(rect, "Output", note: note, glyphs: state.glyphs)
        guard rows > 0 else { return }
        guard count > 0 else {
            grid.put("nothing printed yet", x: rect.x + 1, y: rect.y + 1, role: .dim)
            return
        }
        let all = Self.rows(state: state, width: rect.width, last: rows + scroll)
        var shown = Array(all.dropLast(scroll).suffix(rows))
        // A line that goes on below the pane (scrolled up) says so.
        if scroll > 0, all[all.count - scroll].continued, let last = shown.last {
            shown[shown.count - 1].text = TextWrap.ended(last.text, width: rect.width - (last.continued ? 3 : 1),
                                                         ellipsis: state.glyphs.ellipsis)
        }
        let output = state.timeline.output
        for (i, row) in shown.enumerated() {
            let line = output[row.line]
            let current = Int(line.step) == state.step
            let role: StyleRole = current ? .lineRan : (line.stream == .stderr ? .warning : .output)
            let y = rect.y + 1 + i
            if row.continued {
                grid.put(String(state.glyphs.continuation), x: rect.x + 1, y: y, role: .dim)
                grid.put(row.text, x: rect.x + 3, y: y, role: role, maxWidth: rect.width - 3)
            } else {
                grid.put(row.text, x: rect.x + 1, y: y, role: role, maxWidth: rect.width - 1)
            }
        }
    }

    /// The printed line `i`, sanitized for the screen.
    static func text(ofLine i: Int, state: AppState) -> String {
        let trace = state.timeline.trace
        let raw = trace.text(of: trace.events[Int(state.timeline.output[i].event)]) ?? ""
        return Sanitizer.line(raw, ascii: state.ascii)
    }

    /// The last `last` rows of the output printed by the current step, for a pane `width`
    /// columns wide (its first column is a margin; continuation rows give two more to the mark).
    static func rows(state: AppState, width: Int, last: Int) -> [Row] {
        var out: [Row] = []
        var i = state.loop.outputCount - 1
        while i >= 0 && out.count < last {
            let pieces = TextWrap.pieces(text(ofLine: i, state: state), first: max(1, width - 1), rest: max(1, width - 3))
            let rows = pieces.enumerated().map { Row(line: i, text: $0.element, continued: $0.offset > 0) }
            out.insert(contentsOf: rows, at: 0)
            i -= 1
        }
        return out
    }

    /// How many rows the output printed by the current step takes, counting at most `upTo`.
    static func rowCount(state: AppState, width: Int, upTo: Int) -> Int {
        rows(state: state, width: width, last: upTo).count
    }
}
