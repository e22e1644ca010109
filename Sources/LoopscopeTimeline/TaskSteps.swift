import LoopscopeTrace

/// Every task's steps, in order, in one flat table (built once with the timeline), so that
/// "this task's next step" or "its first start" is a binary search rather than a walk over
/// the run.
///
/// `steps[offsets[t]..<offsets[t + 1]]` are the indices of task `t`'s steps, increasing.
struct TaskSteps: Sendable {
    private var offsets: [Int32]
    private var steps: [Int32]

    init(steps all: [Step], taskCount: Int) {
        self.init(steps: all, taskCount: taskCount) { false }!
    }

    /// Nil when `shouldStop`, asked every `Timeline.stopCheckInterval` steps, answered true.
    init?(steps all: [Step], taskCount: Int, shouldStop: () -> Bool) {
        let every = Timeline.stopCheckInterval - 1
        var offsets = [Int32](repeating: 0, count: taskCount + 1)
        for (k, s) in all.enumerated() {
            if k & every == every, shouldStop() { return nil }
            if s.task >= 0 && Int(s.task) < taskCount { offsets[Int(s.task) + 1] += 1 }
        }
        for t in 0..<taskCount { offsets[t + 1] += offsets[t] }
        var fill = offsets
        var steps = [Int32](repeating: 0, count: Int(offsets[taskCount]))
        for (k, s) in all.enumerated() {
            if k & every == every, shouldStop() { return nil }
            guard s.task >= 0 && Int(s.task) < taskCount else { continue }
            steps[Int(fill[Int(s.task)])] = Int32(k)
            fill[Int(s.task)] += 1
        }
        self.offsets = offsets
        self.steps = steps
    }

    /// Task `task`'s step indices, increasing (empty for an unknown task).
    func of(_ task: Int32) -> ArraySlice<Int32> {
        guard task >= 0, Int(task) + 1 < offsets.count else { return [] }
        return steps[Int(offsets[Int(task)])..<Int(offsets[Int(task) + 1])]
    }
}

extension Timeline {
    /// The first step of `task` after `step` (forward) or before it (backward), or nil.
    /// A binary search over the task's own steps.
    public func step(ofTask task: Int32, after step: Int, forward: Bool) -> Int? {
        let own = taskSteps.of(task)
        var lo = own.startIndex, hi = own.endIndex
        // First index whose step is > `step` (forward) or >= `step` (backward).
        while lo < hi {
            let mid = (lo + hi) / 2
            let v = Int(own[mid])
            if forward ? v <= step : v < step { lo = mid + 1 } else { hi = mid }
        }
        if forward { return lo < own.endIndex ? Int(own[lo]) : nil }
        return lo > own.startIndex ? Int(own[lo - 1]) : nil
    }

    /// The step at which `task` first started (its first `started` step), or nil when it
    /// never started.
    public func firstStart(ofTask task: Int32) -> Int? {
        taskSteps.of(task).first { steps[Int($0)].kind == .started }.map(Int.init)
    }
}
