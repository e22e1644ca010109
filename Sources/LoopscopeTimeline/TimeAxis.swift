import LoopscopeTrace

/// Lays a timeline's steps out on terminal columns: step order *and* virtual time.
///
/// Each distinct instant expands into one block of `stepWidth` columns per step, so the
/// order of zero-time steps is visible (main runs on, then Task-A starts, then Task-B, all
/// at t=0). Between instants, waiting takes columns in proportion to virtual time (at least
/// one column per nonzero gap). An idle gap (one that ends in a clock jump) more than ten
/// times the median gap is *compressed* to `breakWidth` columns whose middle two are break
/// markers (`breaks`). The layout fills the width asked for, times `zoom`.
///
/// When the steps do not fit one column each (`isStepResolved == false`), several steps
/// share a column: half the width follows step count, half follows time.
///
/// ```swift
/// let axis = TimeAxis(timeline: timeline, width: 60)
/// for span in lane.spans { let cols = axis.columns(of: span) /* paint cols */ }
/// ```
///
/// `init(timeline:steps:width:)` lays out a stretch of the steps only (an export's
/// `--from`/`--to`): the axis then begins at the stretch's first step and ends after its
/// last, and steps outside it have no columns.
///
/// It does not draw anything, choose glyphs, or label ticks beyond giving their columns and
/// times; it does not scroll (a zoomed axis is wider than the width asked for, and the
/// caller shows a window of it).
public struct TimeAxis: Sendable {
    /// The narrowest layout it makes; narrower requests are widened to this.
    public static let minimumWidth = 8
    /// Columns a compressed gap takes (a column of state, two break markers, a column of state).
    public static let breakWidth = 4
    /// Ten times the median gap: idle gaps longer than this are compressed.
    static let compressFactor: Int64 = 10

    /// A tick: where an instant begins.
    public struct Tick: Sendable, Equatable {
        public var column: Int
        public var time: VirtualTime
        public var step: Int
    }

    /// Columns laid out (about `requestedWidth × zoom`, never more).
    public let width: Int
    public let requestedWidth: Int
    public let zoom: Double
    /// Columns per step when steps are resolved; 0 when several steps share a column.
    public let stepWidth: Int
    /// The width at which every step gets its own column (at zoom 1).
    public let resolvedWidth: Int
    /// The first column of every instant (one per column at most), left to right.
    public let ticks: [Tick]
    /// Break-marker columns, left to right (two per compressed gap).
    public let breaks: [Int]
    /// The steps laid out: every step of the timeline, or the stretch asked for.
    public let steps: Range<Int>

    let stepColumn: [Int32]
    let columnStep: [Int32]

    public var isStepResolved: Bool { stepWidth > 0 }

    /// Lays out `timeline` on `width` columns (at least `minimumWidth`), magnified by `zoom`
    /// (≥ 1; the TUI's zoom key).
    public init(timeline: Timeline, width: Int, zoom: Double = 1) {
        self.init(timeline: timeline, steps: 0..<timeline.steps.count, width: width, zoom: zoom)
    }

    /// Lays out only `steps` (clamped to the timeline's) on `width` columns: the first of
    /// them starts at column 0 and the last ends at the axis' end.
    public init(timeline: Timeline, steps range: Range<Int>, width: Int, zoom: Double = 1) {
        self.init(timeline: timeline, steps: range, width: width, zoom: zoom) { false }!
    }

    /// Lays out as `init(timeline:width:zoom:)` does, asking `shouldStop` every
    /// `Timeline.stopCheckInterval` steps of each pass over the steps (a run of millions of
    /// steps takes a while); nil when it answered true.
    public init?(timeline: Timeline, width: Int, zoom: Double = 1, shouldStop: () -> Bool) {
        self.init(timeline: timeline, steps: 0..<timeline.steps.count, width: width, zoom: zoom,
                  shouldStop: shouldStop)
    }

    /// `init(timeline:steps:width:zoom:)` asking `shouldStop` as `init(timeline:width:zoom:shouldStop:)`
    /// does; nil when it answered true.
    public init?(timeline: Timeline, steps range: Range<Int>, width: Int, zoom: Double = 1,
                 shouldStop: () -> Bool) {
        let all = timeline.steps
        let range = range.clamped(to: 0..<all.count)
        let steps = range == all.indices ? all : Array(all[range])
        guard let plan = TimeAxisPlan(steps: steps, width: max(width, Self.minimumWidth),
                                      zoom: max(zoom, 1), shouldStop: shouldStop) else { return nil }
        let every = Timeline.stopCheckInterval - 1
        self.steps = range
        self.requestedWidth = width
        self.zoom = max(zoom, 1)
        self.width = plan.width
        self.stepWidth = plan.stepWidth
        self.resolvedWidth = plan.resolvedWidth
        self.stepColumn = plan.stepColumn
        self.breaks = plan.breaks
        var columnStep = Array(repeating: Int32(0), count: plan.width)
        var s = 0
        let n = plan.stepColumn.count
        for c in 0..<plan.width {
            if c & every == every, shouldStop() { return nil }
            while s + 1 < n && Int(plan.stepColumn[s + 1]) <= c { s += 1 }
            columnStep[c] = Int32(s)
        }
        self.columnStep = columnStep
        var ticks: [Tick] = []
        for i in steps.indices {
            if i & every == every, shouldStop() { return nil }
            guard i == 0 || steps[i].time > steps[i - 1].time else { continue }
            let c = Int(plan.stepColumn[i])
            if let last = ticks.last, last.column == c { continue }
            ticks.append(Tick(column: c, time: steps[i].time, step: range.lowerBound + i))
        }
        self.ticks = ticks
    }

    /// The first column of a step; `width` for the step after the last one laid out (the
    /// end), 0 for any step before the first.
    public func column(ofStep step: Int) -> Int {
        let i = step - steps.lowerBound
        return i >= stepColumn.count ? width : Int(stepColumn[max(i, 0)])
    }

    /// The columns a span covers: from its first step's column up to the next span's. Never
    /// empty: a span squeezed into a shared column gets that column.
    public func columns(of span: StateSpan) -> Range<Int> {
        columns(steps: Int(span.startStep)..<Int(span.endStep))
    }

    /// The columns a range of steps covers (never empty for a non-empty timeline).
    public func columns(steps: Range<Int>) -> Range<Int> {
        let a = min(column(ofStep: steps.lowerBound), max(width - 1, 0))
        let b = column(ofStep: steps.upperBound)
        return a..<max(b, a + 1)
    }

    /// The step whose state a column shows: the last step starting at or before it.
    public func step(atColumn column: Int) -> Int {
        guard !columnStep.isEmpty else { return steps.lowerBound }
        return steps.lowerBound + Int(columnStep[min(max(column, 0), columnStep.count - 1)])
    }

    /// Whether a column is a break marker of a compressed gap.
    public func isBreak(column: Int) -> Bool {
        var lo = 0, hi = breaks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if breaks[mid] < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < breaks.count && breaks[lo] == column
    }
}
