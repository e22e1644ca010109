/// Scrolling the output pane and choosing panes.
extension AppState {
    /// Whether the scroll keys (↑ ↓ PgUp PgDn) move the output pane rather than the lanes
    /// or the main view: when the output pane is chosen or zoomed.
    package var scrollsOutput: Bool { zoomedPane == .output || (zoomedPane == nil && focus == .output) }

    /// Scrolls the output pane `rows` rows (negative: up, to older lines), no further than
    /// its first row, and back to following the current step at 0.
    mutating func scrollOutput(by rows: Int) {
        let rect = layout.output
        let visible = max(1, rect.height - 1)
        let wanted = max(0, outputScroll - rows)
        let total = OutputPane.rowCount(state: self, width: rect.width, upTo: visible + wanted)
        outputScroll = min(wanted, max(0, total - visible))
    }
}
