import LoopscopeTimeline
import LoopscopeTrace

/// The numbered, step-by-step control-flow breakdown that tutorials write by hand, made from
/// a run: each entry one or two plain sentences in event-loop terms, followed by the ready
/// queue and the timers whenever they changed.
///
/// ```
///  4. `result_a = await task_a`: Task-1 awaits Task-2, which has not finished yet, so
///     Task-1 suspends and control goes back to the event loop.
///     Ready queue: Task-2, Task-3.
///  5. The loop takes Task-2 from the front of the ready queue and starts it:
///     fetch_url("A (long)", 3) begins to run. `await asyncio.sleep(delay)`: Task-2 sleeps
///     for 3 s: a timer is set to fire at 3 s and Task-2 suspends, giving control back to
///     the loop.
/// ```
///
/// Steps are grouped so the text reads like a person wrote it: a start or resume joins the
/// step that follows it in the same task, a run of `create_task` calls on one line is one
/// entry, the runner's cancellations join its shutdown. Prose is word-wrapped to the width;
/// a word longer than a line (a long source line has few) is cut with an ellipsis.
///
/// It does not explain anything the trace does not record (no guesses about intent).
public enum Breakdown {
    /// The narrowest width the breakdown wraps to.
    public static let minimumWidth = 32

    public static func render(_ timeline: Timeline, options: ExportOptions) throws(ExportError) -> String {
        try render(timeline, options: options, markdown: false)
    }

    /// With `markdown`, trace strings in the prose are escaped for Markdown and source lines
    /// are quoted as code spans that hold any backticks (for `MarkdownHandout`).
    static func render(_ timeline: Timeline, options: ExportOptions, markdown: Bool) throws(ExportError) -> String {
        guard options.width >= minimumWidth else {
            throw .widthTooSmall(format: .breakdown, width: options.width, minimum: minimumWidth)
        }
        let story = Story(timeline: timeline, ascii: options.ascii, markdown: markdown)
        let ellipsis = options.ascii ? "..." : "…"
        let groups = entries(timeline)
        let selection = options.selection
        let tasks = try selection.taskIDs(in: timeline.trace, format: .breakdown)
        let steps = selection.from == nil && selection.to == nil ? nil
            : try selection.steps(in: timeline, format: .breakdown)
        let title = "Control flow: " + story.words.clean(timeline.trace.program.title)
        var out = Wrap.lines(title, width: options.width, ellipsis: ellipsis) + [""]
        let numberWidth = String(groups.count).count
        var lastQueue = "Ready queue: empty."
        var lastTimers = "Timers: none."
        var lastShown: ShownLoop? = nil
        for (n, group) in groups.enumerated() {
            // A selection keeps the entries of its steps and tasks (and the loop's own, such as
            // clock jumps and the shutdown), with their numbers.
            if let steps, group.lowerBound > steps.upperBound || group.upperBound <= steps.lowerBound { continue }
            if let tasks, !group.contains(where: { timeline.steps[$0].task < 0 || tasks.contains(timeline.steps[$0].task) }) {
                continue
            }
            let number = String(n + 1)
            let lead = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            let indent = String(repeating: " ", count: lead.count)
            let last = group.upperBound - 1
            let text = text(of: group, story: story)
            out += Wrap.lines(text, width: options.width, indent: indent, first: lead, ellipsis: ellipsis)
            // The same entries give the same line: only a change is worth wording.
            let state = story.shown(atStep: last)
            if lastShown.map({ $0.queue != state.queue || $0.queueCount != state.queueCount }) ?? true {
                let queue = story.queueLine(state)
                if queue != lastQueue {
                    out += Wrap.lines(queue, width: options.width, indent: indent, ellipsis: ellipsis)
                    lastQueue = queue
                }
            }
            if lastShown.map({ $0.timers != state.timers || $0.timerCount != state.timerCount }) ?? true {
                let timers = story.timersLine(state)
                if timers != lastTimers {
                    out += Wrap.lines(timers, width: options.width, indent: indent, ellipsis: ellipsis)
                    lastTimers = timers
                }
            }
            lastShown = state
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The sentences of one entry.
    static func text(of group: Range<Int>, story: Story) -> String {
        let timeline = story.timeline
        let first = timeline.steps[group.lowerBound]
        if group.count > 1 && first.kind == .created {
            return createdRun(group, story: story)
        }
        if first.kind == .shutdown {
            // The runner's cancel() calls that follow are told by the shutdown sentence.
            return story.sentence(group.lowerBound)
        }
        if group.count > 1 && first.kind == .printed {
            return printedRun(group, story: story)
        }
        return group.enumerated().map { i, step in
            story.sentence(step, next: i == group.count - 1)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `create_task` called several times on one line (a loop or comprehension).
    private static func createdRun(_ group: Range<Int>, story: Story) -> String {
        let trace = story.timeline.trace
        let firstEvent = trace.events[Int(story.timeline.steps[group.lowerBound].event)]
        let names = group.prefix(Story.shownEntries).map { story.words.taskWithLabel(story.timeline.steps[$0].task) }
        if story.onThread(firstEvent.task) {
            return story.quote(firstEvent.site) + "\(story.words.task(firstEvent.other)) starts"
                + " \(group.count) worker threads, \(Story.shortList(names, total: group.count)), which run beside it."
        }
        return story.quote(firstEvent.site) + "\(story.words.task(firstEvent.other)) creates"
            + " \(group.count) tasks, \(Story.shortList(names, total: group.count)), and puts their first steps on"
            + " the ready queue in that order. \(story.words.task(firstEvent.other)) keeps running."
    }

    /// One line printing several times in a row (a loop).
    private static func printedRun(_ group: Range<Int>, story: Story) -> String {
        let trace = story.timeline.trace
        let first = trace.events[Int(story.timeline.steps[group.lowerBound].event)]
        let texts = group.map { "\"" + (story.words.text(of: trace.events[Int(story.timeline.steps[$0].event)]) ?? "") + "\"" }
        let who = first.task < 0 ? "the program" : story.words.task(first.task)
        return story.quote(first.site) + "\(who) prints \(texts.joined(separator: ", "))."
    }

    /// Groups the timeline's steps into entries (consecutive ranges covering every step).
    static func entries(_ timeline: Timeline) -> [Range<Int>] {
        let steps = timeline.steps
        let events = timeline.trace.events
        var groups: [Range<Int>] = []
        var i = 0
        while i < steps.count {
            let s = steps[i]
            let e = events[Int(s.event)]
            var end = i + 1
            switch s.kind {
            case .started, .resumed:
                if end < steps.count, steps[end].task == s.task, steps[end].kind != .started,
                   steps[end].kind != .resumed {
                    end += 1
                }
            case .created:
                while end < steps.count, steps[end].kind == .created,
                      events[Int(steps[end].event)].other == e.other,
                      events[Int(steps[end].event)].site == e.site, e.site >= 0,
                      events[Int(steps[end].event)].reason == e.reason {
                    end += 1
                }
            case .printed:
                while end < steps.count, steps[end].kind == .printed, steps[end].task == s.task,
                      events[Int(steps[end].event)].site == e.site, e.site >= 0,
                      steps[end].time == s.time {
                    end += 1
                }
            case .shutdown:
                while end < steps.count, steps[end].kind == .cancelRequested,
                      events[Int(steps[end].event)].other < 0 {
                    end += 1
                }
            default:
                break
            }
            groups.append(i..<end)
            i = end
        }
        return groups
    }
}
