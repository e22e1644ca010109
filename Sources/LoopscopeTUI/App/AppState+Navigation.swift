import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace

/// The moves `reduce` is made of: going to a step, following the cursor, selecting lanes.
extension AppState {
    /// Moves to `target` (clamped) and refreshes the loop state.
    mutating func go(to target: Int) {
        let clamped = min(max(0, target), max(0, stepCount - 1))
        scrollOffset = 0
        outputScroll = 0
        guard clamped != step else { return }
        step = clamped
        loop = timeline.state(atStep: step, front: Self.loopFront)
    }

    /// One step forward, or a predict question about it when predict mode asks one.
    mutating func advance() {
        guard predict.question == nil else { return }
        let next = step + 1
        guard next < stepCount else {
            playing = false
            beatAnchor = nil
            if predict.enabled { predict.showSummary = true }
            return
        }
        if predict.enabled, !predict.answeredSteps.contains(next),
           let q = QuestionMaker.question(for: next, in: timeline, ascii: ascii) {
            predict.question = q
            playing = false
            return
        }
        go(to: next)
        if next + 1 >= stepCount && predict.enabled {
            playing = false
            predict.showSummary = true
        }
    }

    /// Lays the time axis out for the current width and zoom (or takes it from the cache).
    mutating func refreshAxis() {
        let entry = axisEntry(width: Layout.axisWidth(totalWidth: size.width), zoomIndex: zoomIndex)
        axis = entry.axis
        loopRow = entry.loopRow
    }

    /// Lays out every zoom level for the current width ahead of time (at start), so the zoom
    /// keys cost a lookup rather than a pass over every step of the run.
    func prepareZoomLevels() {
        let width = Layout.axisWidth(totalWidth: size.width)
        for index in AppState.zoomLevels.indices { _ = axisEntry(width: width, zoomIndex: index) }
    }

    private func axisEntry(width: Int, zoomIndex: Int) -> AxisCache.Entry {
        axisCache.entry(AxisCache.Key(width: width, zoomIndex: zoomIndex)) {
            AxisCache.make(timeline: timeline, width: width, zoomIndex: zoomIndex) { false }!
        }
    }

    /// The state at start, as `init(timeline:options:size:unicode:)` makes it, with every zoom
    /// level laid out first while `shouldStop` is asked every few thousand steps of each
    /// layout (a run of millions of steps takes a while), told which zoom level (0-based) is
    /// being laid out. Nil when it answered true.
    package static func prepared(timeline: Timeline, options: PlayerOptions, size: TerminalSize,
                                 unicode: Bool = true, shouldStop: (Int) -> Bool) -> AppState? {
        let axes = AxisCache()
        let width = Layout.axisWidth(totalWidth: size.width)
        for index in zoomLevels.indices {
            guard !shouldStop(index),
                  let entry = AxisCache.make(timeline: timeline, width: width, zoomIndex: index,
                                             shouldStop: { shouldStop(index) })
            else { return nil }
            _ = axes.entry(AxisCache.Key(width: width, zoomIndex: index)) { entry }
        }
        return AppState(timeline: timeline, options: options, size: size, unicode: unicode, axes: axes)
    }

    /// Narrates the current step again when the step, the pane's width or the glyphs changed.
    mutating func refreshNarration() {
        let width = max(1, layout.narration.width - 1)
        let key = NarrationKey(step: step, width: width, foretell: !hidesFuture)
        guard key != narrationKey else { return }
        narrationKey = key
        // The sentences only: the loop pane beside it shows the ready queue and the timers,
        // which in a large run would be thousands of names to wrap.
        let sentence = stepCount > 0
            ? Narration.sentence(for: step, in: timeline, ascii: ascii, foretell: !hidesFuture, keepingUnits: true)
            : ""
        narration = Self.narrationText(sentence, width: width, ellipsis: glyphs.ellipsis)
    }

    /// `sentence` wrapped to `width` columns for the narration pane (at most 40 rows), never
    /// between a number and its unit: the no-break spaces that join them (see
    /// `Narration.sentence(keepingUnits:)`) become plain spaces once the lines are made.
    static func narrationText(_ sentence: String, width: Int, ellipsis: String) -> String {
        TextWrap.clip(TextWrap.lines(sentence, width: width, ellipsis: ellipsis), rows: 40, width: width,
                      ellipsis: ellipsis)
            .map { $0.replacingNoBreakSpaces() }.joined(separator: "\n")
    }

    /// Scrolls the lanes pane so the current step's column and the selected lane show.
    mutating func followCursor() {
        let visible = Layout.axisWidth(totalWidth: size.width)
        let column = axis.column(ofStep: step)
        if axis.width <= visible {
            axisStart = 0
        } else {
            let margin = max(1, visible / 8)
            if column < axisStart + margin || column >= axisStart + visible - margin {
                axisStart = column - visible / 3
            }
            axisStart = min(max(0, axisStart), axis.width - visible)
        }
        let lanes = visibleLanes
        let rows = layout.laneRows
        if let index = lanes.firstIndex(where: { $0.task == selectedTask }) {
            if index < laneTop { laneTop = index }
            if index >= laneTop + rows { laneTop = index - rows + 1 }
        }
        laneTop = min(max(0, laneTop), max(0, lanes.count - rows))
    }

    mutating func moveSelection(by delta: Int) {
        let lanes = visibleLanes
        guard !lanes.isEmpty else { return }
        let index = lanes.firstIndex { $0.task == selectedTask } ?? 0
        let next = min(max(0, index + delta), lanes.count - 1)
        selectedTask = lanes[next].task
    }

    /// Goes to the selected task's next (or previous) step.
    mutating func jumpToEventOfSelected(forward: Bool) {
        guard selectedTask >= 0 else { return }
        if let i = timeline.step(ofTask: selectedTask, after: step, forward: forward) {
            predict.question = nil
            predict.reveal = nil
            go(to: i)
            return
        }
        notice = "\(timeline.taskName(selectedTask, ascii: ascii)) has no \(forward ? "later" : "earlier") step"
    }

    /// Goes to a step (`42`: the 42nd, numbered from 1 as everywhere) or a time (`1.5s`, `t1.5`, `1.5`).
    mutating func goTo(_ text: String) {
        let t = text.trimmingCharacters(in: " ")
        guard !t.isEmpty else { return }
        let isTime = t.hasPrefix("t") || t.hasSuffix("s") || t.contains(".")
        let number = t.drop { $0 == "t" }.prefix { $0 != "s" }
        if isTime {
            guard let seconds = Double(number), seconds.isFinite else {
                notice = "not a time: \(Sanitizer.line(t, ascii: ascii))"
                return
            }
            let target = VirtualTime(seconds: seconds)
            let steps = timeline.steps
            var lo = 0, hi = steps.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if steps[mid].time < target { lo = mid + 1 } else { hi = mid }
            }
            predict.question = nil
            go(to: min(lo, steps.count - 1))
        } else {
            guard let n = Int(number) else {
                notice = "not a step number: \(Sanitizer.line(t, ascii: ascii))"
                return
            }
            guard n >= 1 && n <= stepCount else {
                notice = "there is no step \(n): steps are numbered 1 to \(stepCount)"
                return
            }
            predict.question = nil
            go(to: n - 1)
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

extension AppState {
    /// The most events × lanes the sequence view draws; bigger runs get a note instead.
    static let sequenceBudget = 4_000_000

    /// Lays out the sequence diagram for the current width when the sequence view shows.
    mutating func prepareSequence() {
        guard view == .sequence else { return }
        if let s = sequence, s.width == size.width { return }
        let trace = timeline.trace
        guard trace.events.count * (trace.tasks.count + 1) <= Self.sequenceBudget else {
            sequence = nil
            sequenceUnavailable = "too many events for the sequence view; try the timeline (1)"
                + " or the breakdown (3)"
            return
        }
        do {
            let layout = try SequenceDiagram.layout(trace, options: ExportOptions(width: size.width, ascii: ascii))
            sequence = SequenceText(layout: layout, width: size.width)
            sequenceUnavailable = nil
        } catch {
            sequence = nil
            sequenceUnavailable = "the sequence diagram needs a wider terminal"
        }
    }
}
