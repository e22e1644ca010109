/// Where each pane goes for a terminal size.
///
/// Top to bottom: the status line; the main pane (lanes, sequence diagram or breakdown
/// list); source beside the loop; narration beside the output; the key bar. Each pane's
/// rectangle includes its one-row title rule. The lanes pane takes what its lanes need, up
/// to about half the rows; the sequence and breakdown views take half the rows. Wider
/// terminals give the left panes (source, narration) the larger share.
///
/// ```
/// status ──────────────────────────────
/// ─ Lanes ─────────────────────────────
///   ruler, lanes, loop, legend
/// ─ Source ───────────┬─ Loop ─────────
/// ─ Narration ────────┼─ Output ───────
/// keys ────────────────────────────────
/// ```
///
/// It does not check the minimum size; the view shows a "terminal too small" screen first.
package struct Layout: Equatable, Sendable {
    package var status: Rect
    package var main: Rect
    package var source: Rect
    package var loop: Rect
    package var narration: Rect
    package var output: Rect
    package var keys: Rect

    /// Rows of the lanes pane that are not lanes: title rule, ruler, loop row, legend. A
    /// program without an event loop has no loop row: its lanes get that row.
    package let laneChrome: Int

    /// With `zoomed`, that pane takes every row between the status line and the key bar and
    /// the others are empty. Without `loopRow` (a program of threads, no event loop) the
    /// lanes pane has no loop row.
    package init(size: TerminalSize, laneCount: Int, view: ViewKind, zoomed: PaneKind? = nil, loopRow: Bool = true) {
        let chrome = loopRow ? 4 : 3
        laneChrome = chrome
        let w = size.width, h = size.height
        status = Rect(x: 0, y: 0, width: w, height: 1)
        keys = Rect(x: 0, y: h - 1, width: w, height: 1)
        let body = max(0, h - 2)
        // The two lower bands need at least 6 and 5 rows (title + content).
        let lowerMin = 11
        let mainMax = max(4, max(body - lowerMin, body * 9 / 20))
        let mainHeight: Int
        switch view {
        case .timeline:
            mainHeight = min(mainMax, max(chrome + 1, laneCount + chrome))
        case .sequence, .breakdown:
            mainHeight = min(mainMax, max(5, body / 2))
        }
        main = Rect(x: 0, y: 1, width: w, height: mainHeight)
        let lower = max(0, body - mainHeight)
        let sourceHeight = (lower * 11 + 10) / 20
        let narrationHeight = lower - sourceHeight
        let leftWidth = w >= 120 ? w * 11 / 20 : w * 11 / 20
        let rightX = leftWidth + 1
        let rightWidth = max(0, w - rightX)
        let sourceY = main.maxY
        source = Rect(x: 0, y: sourceY, width: leftWidth, height: sourceHeight)
        loop = Rect(x: rightX, y: sourceY, width: rightWidth, height: sourceHeight)
        let narrationY = sourceY + sourceHeight
        narration = Rect(x: 0, y: narrationY, width: leftWidth, height: narrationHeight)
        output = Rect(x: rightX, y: narrationY, width: rightWidth, height: narrationHeight)
        if let zoomed {
            let whole = Rect(x: 0, y: 1, width: w, height: body)
            let none = Rect(x: 0, y: 1, width: 0, height: 0)
            main = zoomed == .main ? whole : none
            source = zoomed == .source ? whole : none
            loop = zoomed == .loop ? whole : none
            narration = zoomed == .narration ? whole : none
            output = zoomed == .output ? whole : none
        }
    }

    /// The rectangle of one pane.
    package func rect(of pane: PaneKind) -> Rect {
        switch pane {
        case .main: main
        case .source: source
        case .loop: loop
        case .narration: narration
        case .output: output
        }
    }

    /// Columns of lane names at the left of the lanes pane.
    package static func laneLabelWidth(totalWidth: Int) -> Int {
        min(28, max(14, totalWidth / 5))
    }

    /// Columns of the time axis shown beside the lane names.
    package static func axisWidth(totalWidth: Int) -> Int {
        max(8, totalWidth - laneLabelWidth(totalWidth: totalWidth) - 1)
    }

    /// How many lanes the lanes pane shows at once.
    package var laneRows: Int { max(1, main.height - laneChrome) }
}

/// The player's panes, in the order `c` moves the focus through them.
package enum PaneKind: Int, Sendable, CaseIterable {
    /// The lanes, the sequence diagram or the breakdown list.
    case main = 0
    case source
    case loop
    case narration
    case output

    package var title: String {
        switch self {
        case .main: "main view"
        case .source: "source"
        case .loop: "loop"
        case .narration: "narration"
        case .output: "output"
        }
    }

    package var next: PaneKind { PaneKind(rawValue: (rawValue + 1) % PaneKind.allCases.count)! }
}
