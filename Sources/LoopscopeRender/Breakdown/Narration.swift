import LoopscopeTimeline
import LoopscopeTrace

/// Plain-sentence narration of one step of a run, in event-loop terms: the source line that
/// ran, what the task now waits on, what the loop does next.
///
/// ```swift
/// Narration.text(for: 7, in: timeline)
/// // "`result_a = await task_a`: Task-1 awaits Task-2, which has not finished yet, so
/// //  Task-1 suspends and control goes back to the event loop.
/// //  Ready queue: Task-2, Task-3.
/// //  Timers: none."
/// ```
///
/// The TUI's narration pane shows `text(for:in:)`; `Breakdown` strings several steps'
/// sentences together into numbered entries. Neither wraps unless given a width.
/// Every string from the trace is sanitized.
public enum Narration {
    /// One or two sentences for the step, then the ready queue and the pending timers, one
    /// per line. With a `width`, lines are word-wrapped to it.
    public static func text(for step: Int, in timeline: Timeline, ascii: Bool = false,
                            width: Int? = nil) -> String {
        guard step >= 0, step < timeline.steps.count else { return "" }
        let story = Story(timeline: timeline, ascii: ascii)
        let state = story.shown(atStep: step)
        // A program without an event loop has no ready queue and no loop timers to tell.
        let lines = story.loopless ? [story.sentence(step)]
            : [story.sentence(step), story.queueLine(state), story.timersLine(state)]
        guard let width else { return lines.joined(separator: "\n").replacingNoBreakSpaces() }
        return lines.flatMap { Wrap.lines($0, width: width, ellipsis: ascii ? "..." : "…") }
            .joined(separator: "\n")
    }

    /// Only the sentences for the step (no queue or timers). Without `foretell`, a step that
    /// hands control back to the loop does not say which task the loop runs next (predict
    /// mode asks that). With `keepingUnits`, a number and its unit (`0.1 s`) are joined by a
    /// no-break space (U+00A0), for a wrapper that breaks lines only at plain spaces.
    public static func sentence(for step: Int, in timeline: Timeline, ascii: Bool = false,
                                foretell: Bool = true, keepingUnits: Bool = false) -> String {
        guard step >= 0, step < timeline.steps.count else { return "" }
        let sentence = Story(timeline: timeline, ascii: ascii).sentence(step, next: foretell)
        return keepingUnits ? sentence : sentence.replacingNoBreakSpaces()
    }
}
