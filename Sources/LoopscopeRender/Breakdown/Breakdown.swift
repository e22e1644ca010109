import LoopscopeTimeline
import LoopscopeTrace

/// The numbered, step-by-step control-flow breakdown that tutorials write by hand, made from
/// a run: each entry one or two plain sentences in event-loop terms, followed by the ready
/// queue and the timers whenever they changed.
///
/// ```
///  6. `let resultA = try await taskA.value()`: Task-1 awaits Task-2, which has not
///     finished yet, so Task-1 suspends and control goes back to the event loop. Next the
///     loop runs Task-2.
///  7. The loop takes Task-2 from the front of the ready queue and starts it:
///     fetch_url("A (long)", 3) begins to run.
///     Ready queue: Task-3.
///  8. `try await sleep(delay)`: Task-2 sleeps for 3 s: a timer is set to fire at 3 s and
///     Task-2 suspends, giving control back to the loop. Next the loop runs Task-3.
///     Timers: Task-2 at 3 s.
/// ```
///
/// There is one entry per step, numbered as the player, the handout and `--step` number
/// steps (docs/steps.md), so a class reading "step 9" on paper finds step 9 on screen.
/// Prose is word-wrapped to the width; a word longer than a line (a long source line has
/// few) is cut with an ellipsis.
///
/// It does not explain anything the trace does not record (no guesses about intent).
public enum Breakdown {
    /// The narrowest width the breakdown wraps to.
    public static let minimumWidth = 32

    public static func render(_ timeline: Timeline, options: ExportOptions) throws(ExportError) -> String {
        try ExportStream.collect(.breakdown) { (stream, out) throws(ExportError) in
            try write(timeline, options: options, markdown: false, titled: true, to: stream, &out)
        }
    }

    /// Appends the breakdown to `out`, handing it on to `stream` an entry at a time. Throws
    /// for a width or selection it cannot meet before writing anything.
    ///
    /// `titled` starts it with its title ("Control flow: …") and a blank line;
    /// `MarkdownHandout`, which has its own heading, leaves it out. With `markdown`, blank
    /// lines are left out, trace strings in the prose are escaped for Markdown and source
    /// lines are quoted as code spans that hold any backticks.
    static func write(_ timeline: Timeline, options: ExportOptions, markdown: Bool, titled: Bool,
                      to stream: ExportStream, _ out: inout [UInt8]) throws(ExportError) {
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
        func emit(_ lines: [String]) {
            for line in lines {
                if markdown && line.isEmpty { continue }
                out += line.utf8
                out.append(UInt8(ascii: "\n"))
            }
        }
        if titled {
            let title = "Control flow: " + story.words.clean(timeline.trace.program.title)
            emit(Wrap.lines(title, width: options.width, ellipsis: ellipsis) + [""])
        }
        let numberWidth = String(groups.count).count
        // Every lead is the number right-aligned in `numberWidth` columns and ". ".
        let indent = String(repeating: " ", count: numberWidth + 2)
        // The last ready-queue and timers lines written, and the next ones, as UTF-8.
        var lastQueue = Array("Ready queue: empty.".utf8), queue: [UInt8] = []
        var lastTimers = Array("Timers: none.".utf8), timers: [UInt8] = []
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
            let last = group.upperBound - 1
            let text = text(of: group, story: story)
            // Entry lines go straight to `out` (blank ones left out of a handout).
            Wrap.append(text, width: options.width, indent: indent, first: lead, ellipsis: ellipsis,
                        droppingEmpty: markdown, to: &out)
            // The same entries give the same line: only a change is worth wording.
            let state = story.shown(atStep: last)
            if !story.loopless, lastShown.map({ $0.queue != state.queue || $0.queueCount != state.queueCount }) ?? true {
                queue.removeAll(keepingCapacity: true)
                story.appendQueueLine(state, to: &queue)
                if queue != lastQueue {
                    Wrap.append(bytes: queue, width: options.width, indent: indent, ellipsis: ellipsis,
                                droppingEmpty: markdown, to: &out)
                    swap(&queue, &lastQueue)
                }
            }
            if !story.loopless, lastShown.map({ $0.timers != state.timers || $0.timerCount != state.timerCount }) ?? true {
                timers.removeAll(keepingCapacity: true)
                story.appendTimersLine(state, to: &timers)
                if timers != lastTimers {
                    Wrap.append(bytes: timers, width: options.width, indent: indent, ellipsis: ellipsis,
                                droppingEmpty: markdown, to: &out)
                    swap(&timers, &lastTimers)
                }
            }
            lastShown = state
            try stream.spill(&out)
        }
    }

    /// Throws what `write` would throw for this width and selection, without writing.
    static func check(_ timeline: Timeline, options: ExportOptions) throws(ExportError) {
        guard options.width >= minimumWidth else {
            throw .widthTooSmall(format: .breakdown, width: options.width, minimum: minimumWidth)
        }
        _ = try options.selection.taskIDs(in: timeline.trace, format: .breakdown)
        if options.selection.from != nil || options.selection.to != nil {
            _ = try options.selection.steps(in: timeline, format: .breakdown)
        }
    }

    /// The sentences of one entry: the step's own, or for a shutdown, with the runner's
    /// cancel() calls, which it tells.
    static func text(of group: Range<Int>, story: Story) -> String {
        story.sentence(group.lowerBound)
    }

    /// The entries: one per step, numbered as the player numbers them.
    static func entries(_ timeline: Timeline) -> [Range<Int>] {
        timeline.steps.indices.map { $0..<($0 + 1) }
    }
}
