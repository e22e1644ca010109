import LoopscopeTrace

/// The source lines a step points at: the line that just ran, and where a task is parked.
/// Both follow the definition of the state at a step in docs/steps.md, so the source pane
/// agrees with the loop pane, the lanes and the narration.
extension Timeline {
    /// How far back `ranSite(atStep:)` looks through one run of a task for its last line.
    static let lineSearchLimit = 4_096

    /// The line that ran at `step`, as a site (index into `Trace.sites`), or nil:
    /// - the step's own line, when its event has one (a print, an await, a `create_task`);
    /// - for a task resuming, the await it resumes at;
    /// - for a task starting, nil: it has run no line yet;
    /// - otherwise the line of the task still running after the step (its last line in
    ///   this run of it), or nil when nothing runs (a task finished, the clock jumped).
    public func ranSite(atStep step: Int) -> Int32? {
        guard step >= 0, step < steps.count else { return nil }
        let s = steps[step]
        let e = trace.events[Int(s.event)]
        if e.site >= 0 { return e.site }
        switch e.kind {
        case .started: return nil
        case .resumed: return resumeSite(ofTask: s.task, atStep: step)
        default: break
        }
        let running = state(atStep: step).running
        guard running >= 0, let lane = lane(ofTask: running), let k = lane.spanIndex(atStep: step) else {
            return nil
        }
        let from = Int(lane.spans[k].event)
        var i = Int(s.event)
        while i >= from && i > Int(s.event) - Self.lineSearchLimit {
            let x = trace.events[i]
            if x.task == running && x.site >= 0 { return x.site }
            i -= 1
        }
        let first = trace.events[from]
        return first.kind == .resumed ? resumeSite(ofTask: running, atStep: step) : nil
    }

    /// Where `task` is parked at `step`: the await it is suspended at, or, when it is ready
    /// again after a suspension, the await it will resume at. Nil for a task that is
    /// running, finished, not yet started or unknown.
    public func parkedSite(ofTask task: Int32, atStep step: Int) -> Int32? {
        guard let lane = lane(ofTask: task), let k = lane.spanIndex(atStep: step) else { return nil }
        let span = lane.spans[k]
        switch span.state {
        case .suspended:
            return site(ofParking: span)
        case .blocking where trace.events[Int(span.event)].kind == .suspended:
            return site(ofParking: span)
        case .ready:
            return site(ofReady: lane, span: k)
        default:
            return nil
        }
    }

    /// The await a task resumed at, in the run of it that covers `step`.
    private func resumeSite(ofTask task: Int32, atStep step: Int) -> Int32? {
        guard let lane = lane(ofTask: task), let k = lane.spanIndex(atStep: step), k > 0 else { return nil }
        let before = lane.spans[k - 1]
        if before.state == .ready { return site(ofReady: lane, span: k - 1) }
        return site(ofParking: before)
    }

    /// Where a task waiting in the ready queue (span `k` of its lane) had suspended. A
    /// suspension woken in its own step (a `sleep(0)`) leaves no span of its own, so the
    /// step the ready span begins at is checked first.
    private func site(ofReady lane: Lane, span k: Int) -> Int32? {
        let span = lane.spans[k]
        let first = trace.events[Int(steps[Int(span.startStep)].event)]
        if first.kind == .suspended && first.task == lane.task && first.site >= 0 { return first.site }
        return k > 0 ? site(ofParking: lane.spans[k - 1]) : nil
    }

    /// The site of the `suspended` event that began a span, if it was one.
    private func site(ofParking span: StateSpan) -> Int32? {
        let e = trace.events[Int(span.event)]
        guard e.kind == .suspended, e.site >= 0 else { return nil }
        return e.site
    }
}
