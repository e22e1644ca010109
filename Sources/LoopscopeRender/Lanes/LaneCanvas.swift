import LoopscopeTimeline

/// A grid of lane marks: one row per lane, one column per time-axis column.
///
/// The lane renderers print it; the terminal front end can paint any window of the axis
/// into its own screen (each cell knows its `LaneMark`; `LaneGlyphs` gives the glyph).
///
/// ```swift
/// let axis = TimeAxis(timeline: timeline, width: 60)
/// let canvas = LaneCanvas(timeline: timeline, axis: axis)
/// canvas[row: 0, column: 3]   // .running
/// ```
///
/// End states show once, in the first column of the end (or the column after, when several
/// steps share a column and the lane's last work fills it); the lane is blank after it and
/// before its creation. Where several steps share a column, the busiest state wins
/// (`LaneState.drawPriority`). Break columns of compressed gaps show `.breakMarker` on
/// lanes alive there. On an axis of a stretch of steps (`TimeAxis.steps`), spans outside
/// the stretch are not drawn, and a lane that ended before it stays blank. It holds no
/// text and does no styling.
public struct LaneCanvas: Sendable, Equatable {
    /// Columns of the axis the canvas covers.
    public let columns: Range<Int>
    public let rows: Int
    /// Row-major marks, `rows × columns.count`.
    public private(set) var marks: [LaneMark]

    public var width: Int { columns.count }

    /// Paints the lanes of `timeline` at the indices `lanes` (default: every lane, in order),
    /// one row each, over `columns` of `axis` (default: all of them).
    public init(timeline: Timeline, axis: TimeAxis, columns: Range<Int>? = nil, lanes: [Int]? = nil) {
        let window = (columns ?? 0..<axis.width).clamped(to: 0..<max(axis.width, 0))
        self.columns = window
        let shown = lanes ?? Array(timeline.lanes.indices)
        self.rows = shown.count
        let w = window.count
        var marks = [LaneMark](repeating: .empty, count: rows * w)
        guard w > 0 else { self.marks = marks; return }
        let lo = window.lowerBound, hi = window.upperBound
        let first = axis.steps.lowerBound, end = axis.steps.upperBound
        for (r, index) in shown.enumerated() {
            let lane = timeline.lanes[index]
            let base = r * w - lo
            for span in lane.spans {
                // Outside the steps laid out; an end before them leaves the lane blank.
                let start = Int(span.startStep)
                guard Int(span.endStep) > first, start < end, !(span.state.isFinal && start < first) else { continue }
                var cols = axis.columns(of: span)
                let mark = LaneMark(span.state)
                let p = mark.priority
                if span.state.isFinal {
                    // One end mark; if the lane's last work shares its column, the next one.
                    var c = cols.lowerBound
                    if c >= lo && c < hi && marks[base + c].priority > p && c + 1 < axis.width { c += 1 }
                    cols = c..<(c + 1)
                }
                let a = max(cols.lowerBound, lo), b = min(cols.upperBound, hi)
                guard a < b else { continue }
                for c in a..<b where marks[base + c].priority <= p {
                    marks[base + c] = mark
                }
            }
        }
        for c in axis.breaks where window.contains(c) {
            for r in 0..<rows where marks[r * w + c - lo] != .empty {
                marks[r * w + c - lo] = .breakMarker
            }
        }
        self.marks = marks
    }

    /// The mark at a row and an axis column (`.empty` outside the canvas).
    public subscript(row row: Int, column column: Int) -> LaneMark {
        guard row >= 0, row < rows, columns.contains(column) else { return .empty }
        return marks[row * width + column - columns.lowerBound]
    }

    /// One row's marks, left to right.
    public func row(_ row: Int) -> ArraySlice<LaneMark> {
        marks[(row * width)..<((row + 1) * width)]
    }

    /// The marks that appear anywhere on the canvas, in `LaneMark` order.
    public var marksUsed: [LaneMark] {
        var seen = [Bool](repeating: false, count: LaneMark.allCases.count)
        for m in marks { seen[Int(m.rawValue)] = true }
        return LaneMark.allCases.filter { seen[Int($0.rawValue)] && $0 != .empty }
    }
}
