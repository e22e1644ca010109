import LoopscopeTrace

/// For each lane, the step from which it is finished for good (its last span is an end
/// state), and whether it has an end state anywhere else (only a trace read with `--force`
/// can: then a lookup by step decides).
struct LaneEnds: Sendable {
    private let finalFrom: [Int]
    private let irregular: [Bool]

    init(lanes: [Lane]) {
        self.init(lanes: lanes) { false }!
    }

    /// Nil when `shouldStop`, asked every `Timeline.stopCheckInterval` spans or lanes looked
    /// at, answered true.
    init?(lanes: [Lane], shouldStop: () -> Bool) {
        var from: [Int] = []
        var odd: [Bool] = []
        from.reserveCapacity(lanes.count)
        odd.reserveCapacity(lanes.count)
        var work = 0
        for lane in lanes {
            work += lane.spans.count + 1
            if work >= Timeline.stopCheckInterval {
                work = 0
                if shouldStop() { return nil }
            }
            let last = lane.spans.last
            from.append(last.map { $0.state.isFinal ? Int($0.startStep) : Int.max } ?? Int.max)
            odd.append(lane.spans.dropLast().contains { $0.state.isFinal })
        }
        finalFrom = from
        irregular = odd
    }

    /// Whether lane `i` (which is `lane`) is in an end state at `step`.
    func isFinal(lane i: Int, _ lane: Lane, atStep step: Int) -> Bool {
        if irregular[i] { return lane.state(atStep: step)?.isFinal ?? false }
        return step >= finalFrom[i]
    }
}

extension Timeline {
    /// Whether the lane at `index` (in `lanes`) is in an end state (done, failed,
    /// cancelled) at `step`: O(1), from when each lane finished for good.
    public func isFinal(laneAt index: Int, atStep step: Int) -> Bool {
        guard index >= 0, index < lanes.count else { return false }
        return laneEnds.isFinal(lane: index, lanes[index], atStep: step)
    }

    /// Whether `task` exists at `step` and is not in an end state: O(1).
    public func isPending(task: Int32, atStep step: Int) -> Bool {
        guard task >= 0, Int(task) < laneIndex.count else { return false }
        let i = Int(laneIndex[Int(task)])
        return lanes[i].firstStep <= step && !laneEnds.isFinal(lane: i, lanes[i], atStep: step)
    }

    /// Where `task` stands at `step` (O(log spans)), as `LoopState.status(ofTask:)` tells it,
    /// without replaying the loop's queue and timers.
    public func status(ofTask task: Int32, atStep step: Int) -> TaskStatus {
        guard let lane = lane(ofTask: task), let k = lane.spanIndex(atStep: step) else {
            return TaskStatus(state: nil, since: -1, event: -1, site: -1)
        }
        let span = lane.spans[k]
        let site = span.state == .suspended ? trace.events[Int(span.event)].site : -1
        return TaskStatus(state: span.state, since: span.startStep, event: span.event, site: site)
    }
}
