import LoopscopeTimeline
import LoopscopeTrace

/// The part of a run a lane chart draws (`--tasks`, `--from`, `--to`): which lanes, which
/// steps, and the line that says so, so that a chart of a part never passes for the whole.
///
/// ```swift
/// let part = try LanePart(timeline, selection: ExportSelection(tasks: ["Task-2"], from: 40, to: 80),
///                         format: .text)
/// part.lanes      // [1]: Task-2's lane
/// part.steps      // 39..<80
/// part.summary(timeline, ascii: true)
/// // "Part of the run: steps 40-80 of 912, t = 1 s to 2.5 s; 1 of 10 tasks."
/// ```
///
/// Named tasks are drawn whatever they do in the stretch (a blank row says "not alive
/// here"). Without `--tasks`, a stretch of steps draws the lanes with something to show in
/// it: created by its last step and not ended before its first. Lanes keep the timeline's
/// order. Names and ids follow `ExportSelection`, errors included.
struct LanePart {
    /// Indices into `Timeline.lanes` of the lanes drawn, in order.
    var lanes: [Int]
    /// The steps laid out (0-based).
    var steps: Range<Int>
    /// Whether it is less than the whole run (then `summary` is printed).
    var isPart: Bool

    init(_ timeline: Timeline, selection: ExportSelection, format: ExportFormat) throws(ExportError) {
        let all = 0..<timeline.steps.count
        guard !selection.isWholeRun else {
            lanes = Array(timeline.lanes.indices)
            steps = all
            isPart = false
            return
        }
        let ids = try selection.taskIDs(in: timeline.trace, format: format)
        if (selection.from != nil || selection.to != nil) && !all.isEmpty {
            let picked = try selection.steps(in: timeline, format: format)
            steps = picked.lowerBound..<(picked.upperBound + 1)
        } else {
            steps = all
        }
        let stretch = steps
        if let ids {
            lanes = timeline.lanes.indices.filter { ids.contains(timeline.lanes[$0].task) }
        } else {
            lanes = timeline.lanes.indices.filter { Self.hasMarks(timeline.lanes[$0], in: stretch) }
        }
        isPart = true
    }

    /// Whether `LaneCanvas` draws anything of `lane` on an axis of `steps`.
    static func hasMarks(_ lane: Lane, in steps: Range<Int>) -> Bool {
        lane.spans.contains { span in
            let start = Int(span.startStep)
            return Int(span.endStep) > steps.lowerBound && start < steps.upperBound
                && !(span.state.isFinal && start < steps.lowerBound)
        }
    }

    /// What part is shown, e.g. `Part of the run: steps 40-80 of 912, t = 1 s to 2.5 s;
    /// 2 of 10 tasks.` (an en dash between the step numbers unless `ascii`).
    func summary(_ timeline: Timeline, ascii: Bool) -> String {
        let count = timeline.steps.count
        let noun = timeline.loopless ? "threads" : "tasks"
        let lanesText = "\(lanes.count) of \(timeline.lanes.count) \(noun)"
        guard !steps.isEmpty else { return "Part of the run: no steps; \(lanesText)." }
        let dash = ascii ? "-" : "\u{2013}"
        let from = timeline.steps[steps.lowerBound].time, to = timeline.steps[steps.upperBound - 1].time
        let span = from == to ? "all at t = \(from) s" : "t = \(from) s to \(to) s"
        return "Part of the run: steps \(steps.lowerBound + 1)\(dash)\(steps.upperBound) of \(count), \(span);"
            + " \(lanesText)."
    }
}
