import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace

/// Draws the lanes pane: a time ruler with the current step's marker, one row per visible
/// task lane (the selected one pointed at), the event loop's row, and a legend.
///
/// Only the lanes and columns on screen are drawn: each lane's spans are found by binary
/// search from the first column shown, so a frame costs the same for ten or ten thousand
/// lanes.
struct LanesPane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        let g = state.glyphs
        let lanes = state.visibleLanes
        let zoom = AppState.zoomLevels[state.zoomIndex]
        // In predict mode the lanes stop at the current step: they show the run so far.
        var note = zoom > 1 ? "zoom \(g.isASCII ? "x" : "×")\(Int(zoom))" : state.hidesFuture ? "up to now" : "whole run"
        if state.hideFinished { note = "finished hidden \(g.isASCII ? "-" : "·") " + note }
        let shown = "\(min(lanes.count, state.layout.laneRows)) of \(lanes.count) lanes"
        grid.titleRule(rect, "Lanes (\(shown))", note: note, glyphs: g)
        guard rect.height >= 4 else { return }
        let labelWidth = Layout.laneLabelWidth(totalWidth: rect.width)
        let axisX = rect.x + labelWidth + 1
        let visible = min(Layout.axisWidth(totalWidth: rect.width), rect.maxX - axisX)
        let cursor = state.axis.column(ofStep: state.step) - state.axisStart
        // In predict mode nothing right of the current step's column is drawn.
        let limit = state.hidesFuture ? cursor : visible
        drawRuler(into: &grid, y: rect.y + 1, x: axisX, width: visible, cursor: cursor, limit: limit)
        let rows = state.layout.laneRows
        let laneY = rect.y + 2
        let shownLanes = Array(lanes.dropFirst(state.laneTop).prefix(rows))
        let titles = LaneLabels.fit(shownLanes.map { state.timeline.laneTitleParts($0, ascii: state.ascii) },
                                    width: labelWidth - 1, ellipsis: state.glyphs.ellipsis)
        var drawn = Set<LaneMark>()
        for (i, lane) in shownLanes.enumerated() {
            let now = state.loop.status(ofTask: lane.task).state
            drawn.formUnion(drawLane(lane, title: titles[i], now: now, into: &grid, y: laneY + i,
                                     labelWidth: labelWidth, x: axisX, width: visible, cursor: cursor, limit: limit))
        }
        // A program without an event loop has no loop row: its threads are all there is.
        if !state.timeline.loopless {
            let loopY = rect.maxY - 2
            drawn.formUnion(drawLoopRow(into: &grid, y: loopY, labelWidth: labelWidth, x: axisX, width: visible,
                                        cursor: cursor, limit: limit))
        }
        drawLegend(into: &grid, y: rect.maxY - 1, marks: drawn)
    }

    private func drawRuler(into grid: inout Grid, y: Int, x: Int, width: Int, cursor: Int, limit: Int) {
        let start = state.axisStart
        var lastEnd = -1
        grid.put("time (s)", x: rect.x + 1, y: y, role: .dim)
        for tick in state.axis.ticks where tick.column >= start && tick.column < start + width
            && tick.column - start <= limit {
            let col = tick.column - start
            let label = "\(tick.time)"
            if col > lastEnd {
                grid.put("\(state.glyphs.isASCII ? "|" : "╵")", x: x + col, y: y, role: .dim)
                let used = grid.put(label, x: x + col + 1, y: y, role: .dim, maxWidth: width - col - 1)
                lastEnd = col + used + 1
            }
        }
        let lanes = LaneLook(ascii: state.ascii)
        for b in state.axis.breaks where b >= start && b < start + width && b - start <= limit {
            grid.put(String(lanes.glyph(.breakMarker)), x: x + b - start, y: y, role: .dim)
        }
        if cursor >= 0 && cursor < width {
            grid.put(String(state.glyphs.cursor), x: x + cursor, y: y, role: .cursor)
        }
    }

    /// Draws a lane's row; returns the marks it drew.
    private func drawLane(_ lane: Lane, title: String, now: LaneState?, into grid: inout Grid, y: Int, labelWidth: Int,
                          x: Int, width: Int, cursor: Int, limit: Int) -> Set<LaneMark> {
        let selected = lane.task == state.selectedTask
        let pointer = selected ? String(state.glyphs.pointer) : " "
        grid.put(pointer, x: rect.x, y: y, role: .selected)
        grid.put(TextWidth.fit(title, labelWidth - 1, ellipsis: state.glyphs.ellipsis), x: rect.x + 1, y: y,
                 role: selected ? .selected : (now.map { LaneLook(ascii: state.ascii).role($0) } ?? .dim))
        let drawn = paintSpans(lane.spans, into: &grid, y: y, x: x, width: min(width, limit + 1))
        paintCursor(into: &grid, y: y, x: x, width: width, cursor: cursor)
        return drawn
    }

    /// Paints the spans overlapping the window; where several share a column the one with
    /// the highest draw priority wins. End states show their glyph once, then blank; an end
    /// that shares its column with the lane's last work is drawn in the next column (or, at
    /// the window's edge, over it), so no end is lost on a squeezed axis. Returns the marks
    /// drawn.
    private func paintSpans(_ spans: [StateSpan], into grid: inout Grid, y: Int, x: Int, width: Int) -> Set<LaneMark> {
        guard !spans.isEmpty, width > 0 else { return [] }
        let axis = state.axis
        let start = state.axisStart
        let firstStep = axis.step(atColumn: start)
        let lastStep = axis.step(atColumn: start + width - 1)
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(spans[mid].endStep) <= firstStep { lo = mid + 1 } else { hi = mid }
        }
        let glyphs = LaneLook(ascii: state.ascii)
        var priority = [Int](repeating: -1, count: width)
        var i = lo
        while i < spans.count && Int(spans[i].startStep) <= lastStep {
            let span = spans[i]
            let cols = axis.columns(of: span)
            let p = span.state.drawPriority
            for c in max(cols.lowerBound, start)..<min(cols.upperBound, start + width) {
                let local = c - start
                guard p > priority[local] else { continue }
                priority[local] = p
                if span.state.isFinal && c != cols.lowerBound {
                    grid[x + local, y] = Cell(" ", .plain)
                } else {
                    grid[x + local, y] = Cell(glyphs.glyph(span.state), glyphs.role(span.state))
                }
            }
            if span.state.isFinal, cols.lowerBound >= start, cols.lowerBound < start + width,
               priority[cols.lowerBound - start] > p {
                // The end lost its column to the work before it: show it one column on.
                let next = cols.lowerBound + 1
                let target = next < cols.upperBound && next < start + width ? next : cols.lowerBound
                priority[target - start] = p
                grid[x + target - start, y] = Cell(glyphs.glyph(span.state), glyphs.role(span.state))
            }
            i += 1
        }
        // Break columns of compressed gaps, on lanes alive there (as `LaneCanvas` draws them).
        let ends: Set<Character> = [glyphs.glyph(LaneMark.done), glyphs.glyph(LaneMark.failed), glyphs.glyph(LaneMark.cancelled)]
        for b in axis.breaks where b >= start && b < start + width && priority[b - start] >= 0 {
            let shown = grid[x + b - start, y].character
            if shown != " " && !ends.contains(shown) {
                grid[x + b - start, y] = Cell(glyphs.glyph(.breakMarker), .dim)
            }
        }
        var drawn = Set<LaneMark>()
        for local in 0..<width where priority[local] >= 0 {
            let ch = grid[x + local, y].character
            if let mark = LaneMark.allCases.first(where: { $0 != .empty && glyphs.glyph($0) == ch }) { drawn.insert(mark) }
        }
        return drawn
    }

    private func paintCursor(into grid: inout Grid, y: Int, x: Int, width: Int, cursor: Int) {
        guard cursor >= 0 && cursor < width else { return }
        grid.paint(x: x + cursor, y: y, width: 1, role: .cursor)
    }

    /// Draws the event loop's row; returns the marks it drew.
    private func drawLoopRow(into grid: inout Grid, y: Int, labelWidth: Int, x: Int, width: Int, cursor: Int,
                             limit: Int) -> Set<LaneMark> {
        var drawn = Set<LaneMark>()
        grid.put(TextWidth.fit("event loop", labelWidth - 1, ellipsis: state.glyphs.ellipsis),
                 x: rect.x + 1, y: y, role: .heading)
        let start = state.axisStart
        let glyphs = LaneLook(ascii: state.ascii)
        let row = state.loopRow
        for local in 0..<max(0, min(width, limit + 1)) where start + local < row.count {
            switch row[start + local] {
            case 2:
                grid[x + local, y] = Cell(glyphs.glyph(LaneMark.running), .running)
                drawn.insert(.running)
            case 3:
                grid[x + local, y] = Cell(glyphs.glyph(LaneMark.blocking), .blocked)
                drawn.insert(.blocking)
            default: break
            }
        }
        paintCursor(into: &grid, y: y, x: x, width: width, cursor: cursor)
        return drawn
    }

    /// The legend: every mark drawn in the lanes, in a fixed order, then the cursor; marks
    /// not drawn fill the room left (the last of them dropped first when it is short).
    private func drawLegend(into grid: inout Grid, y: Int, marks: Set<LaneMark>) {
        let glyphs = LaneLook(ascii: state.ascii)
        var entries = glyphs.legend(loopless: state.timeline.loopless)
        func width(_ e: [(LaneMark, String)]) -> Int {
            e.reduce(0) { $0 + 1 + 1 + TextWidth.columns($1.1) + 2 } + 1 + 1 + TextWidth.columns("now")
        }
        while width(entries) > rect.width - 1, let drop = entries.lastIndex(where: { !marks.contains($0.0) }) {
            entries.remove(at: drop)
        }
        var x = rect.x + 1
        for (mark, name) in entries {
            let w = 1 + 1 + TextWidth.columns(name) + 2
            guard x + w - 2 <= rect.maxX else { break }
            grid.put(String(glyphs.glyph(mark)), x: x, y: y, role: glyphs.role(mark))
            grid.put(name, x: x + 2, y: y, role: .dim)
            x += w
        }
        let marker = "\(state.glyphs.cursor) now"
        if x + TextWidth.columns(marker) <= rect.maxX {
            grid.put(String(state.glyphs.cursor), x: x, y: y, role: .cursor)
            grid.put("now", x: x + 2, y: y, role: .dim)
        }
    }
}
