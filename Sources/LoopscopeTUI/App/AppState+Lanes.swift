import LoopscopeTimeline
import LoopscopeTrace

/// Which lanes show: every lane, or, with finished lanes hidden or the future hidden
/// (predict mode), those alive at the current step. Worked out once per change of step or
/// filter from two numbers per lane, never from a status lookup per lane per frame.
extension AppState {
    struct VisibleKey: Equatable {
        let step: Int
        let hideFinished: Bool
        let hideUnborn: Bool
        let selected: Int32
    }

    /// Recomputes `visibleLanes` when the step, a filter or the selection changed:
    /// every lane, or those not finished at the current step; while the future is hidden,
    /// only tasks that exist at the current step. The selected lane always shows.
    mutating func refreshVisibleLanes() {
        let key = VisibleKey(step: step, hideFinished: hideFinished, hideUnborn: hidesFuture, selected: selectedTask)
        guard key != visibleKey else { return }
        visibleKey = key
        guard key.hideFinished || key.hideUnborn else {
            visibleLanes = timeline.lanes
            return
        }
        var lanes: [Lane] = []
        for (i, lane) in timeline.lanes.enumerated() {
            let born = lane.firstStep <= step
            if key.hideUnborn && !born { continue }
            guard key.hideFinished, born, lane.task != key.selected else {
                lanes.append(lane)
                continue
            }
            if !timeline.isFinal(laneAt: i, atStep: step) { lanes.append(lane) }
        }
        visibleLanes = lanes
    }
}
