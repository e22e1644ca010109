import LoopscopeTrace

/// Draws the whole screen for a state. Pure: the same state always gives the same grid.
///
/// ```swift
/// let grid = view(state)
/// print(grid.text())
/// ```
///
/// Below 80×24 it draws only a "terminal too small" message.
package func view(_ state: AppState) -> Grid {
    var grid = Grid(width: state.size.width, height: state.size.height)
    grid.theme = state.theme
    guard state.fits else {
        drawTooSmall(into: &grid, state: state)
        return grid
    }
    let layout = state.layout
    let bar = StatusBar(state: state)
    bar.drawStatus(into: &grid, rect: layout.status)
    for pane in PaneKind.allCases where state.zoomedPane == nil || state.zoomedPane == pane {
        draw(pane, state: state, rect: layout.rect(of: pane), into: &grid)
    }
    if state.zoomedPane == nil {
        drawDivider(into: &grid, layout: layout, glyphs: state.glyphs)
        if let focus = state.focus {
            // The chosen pane's title rule starts with the pointer.
            let rect = layout.rect(of: focus)
            grid[rect.x, rect.y] = Cell(state.glyphs.pointer, .selected)
        }
    }
    bar.drawKeys(into: &grid, rect: layout.keys)
    Overlays(state: state).draw(into: &grid)
    return grid
}

private func draw(_ pane: PaneKind, state: AppState, rect: Rect, into grid: inout Grid) {
    switch pane {
    case .main:
        switch state.view {
        case .timeline: LanesPane(state: state, rect: rect).draw(into: &grid)
        case .sequence: SequencePane(state: state, rect: rect).draw(into: &grid)
        case .breakdown: BreakdownPane(state: state, rect: rect).draw(into: &grid)
        }
    case .source: SourcePane(state: state, rect: rect).draw(into: &grid)
    case .loop: LoopPane(state: state, rect: rect).draw(into: &grid)
    case .narration: NarrationPane(state: state, rect: rect).draw(into: &grid)
    case .output: OutputPane(state: state, rect: rect).draw(into: &grid)
    }
}

/// The vertical line between the left and right panes, joined to their title rules.
private func drawDivider(into grid: inout Grid, layout: Layout, glyphs: Glyphs) {
    let x = layout.loop.x - 1
    guard x >= 0 else { return }
    for y in layout.source.y..<layout.narration.maxY {
        let ch: Character
        if y == layout.source.y {
            ch = glyphs.teeDown
        } else if y == layout.narration.y {
            ch = glyphs.cross
        } else {
            ch = glyphs.vertical
        }
        grid[x, y] = Cell(ch, .border)
    }
}

private func drawTooSmall(into grid: inout Grid, state: AppState) {
    let need = TerminalSize.minimum
    let lines = [
        "terminal too small",
        "need \(need.width)\(state.ascii ? "x" : "×")\(need.height), have \(state.size.width)\(state.ascii ? "x" : "×")\(state.size.height)",
        "enlarge the window, or q to quit",
    ]
    let top = max(0, (grid.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let w = TextWidth.columns(line)
        let x = max(0, (grid.width - w) / 2)
        grid.put(line, x: x, y: top + i, role: i == 0 ? .warning : .plain)
    }
}
