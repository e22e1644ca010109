import LoopscopeTimeline
import LoopscopeTrace

/// The sentences behind `Narration` and `Breakdown`: what one step did, told in event-loop
/// terms, with the source line quoted from the embedded source.
///
/// Internal. It reads the loop state from the `Timeline`; the only things it works out for
/// itself are why a task was resumed and where it had been waiting, which it finds by
/// walking back over the task's spans.
struct Story {
    let timeline: Timeline
    let words: TraceWords
    /// State kept between sentences, so telling a run in order costs what the steps cost.
    let cache: StoryCache

    init(timeline: Timeline, ascii: Bool, markdown: Bool = false) {
        self.timeline = timeline
        var words = TraceWords(trace: timeline.trace, ascii: ascii, keepUnits: true, bindings: timeline.bindings)
        words.markdown = markdown
        self.words = words
        cache = StoryCache(timeline: timeline)
        loopless = timeline.trace.tasks.contains { $0.kind == .mainThread }
    }

    var trace: Trace { timeline.trace }

    private func event(ofStep step: Int) -> TraceEvent {
        trace.events[Int(timeline.steps[step].event)]
    }

    func isThread(_ task: Int32) -> Bool { trace.task(task)?.kind == .thread }

    /// The main thread of a program that runs without an event loop.
    func isMainThread(_ task: Int32) -> Bool { trace.task(task)?.kind == .mainThread }

    /// Whether the lane runs on a thread of its own rather than as a loop task.
    func onThread(_ task: Int32) -> Bool { isThread(task) || isMainThread(task) }

    /// Whether the program runs without an event loop (threads only).
    let loopless: Bool

    /// The runner's own task: the one `asyncio.run` created for `main`.
    private func isMain(_ task: Int32) -> Bool {
        guard let info = trace.task(task) else { return false }
        return info.kind == .task && info.parent < 0
    }

    /// "`source line`: " for a site, or "" without one (in Markdown, a code span whose
    /// fence outlasts any backticks in the line).
    func quote(_ site: Int32) -> String {
        if let known = cache.quotes[site] { return known }
        let quoted = words.source(site).map {
            $0.isEmpty ? "" : words.markdown ? MarkdownText.codeSpan($0) + ": " : "`\($0)`: "
        } ?? ""
        cache.quotes[site] = quoted
        return quoted
    }

    /// A name for a task with what it runs: `Task-2 (fetch_url("A", 3))`.
    private func named(_ task: Int32) -> String { words.taskWithLabel(task) }

    private func lane(_ task: Int32, kindOf step: Int) -> String {
        isThread(task) ? "worker thread \(words.task(task))" : words.task(task)
    }

    /// The sentences for one step. With `next`, a step that hands control back to the loop
    /// also says what the loop runs next.
    func sentence(_ step: Int, next: Bool = true) -> String {
        let e = event(ofStep: step)
        let who = words.task(e.task)
        switch e.kind {
        case .created:
            return created(e)
        case .started:
            if isMainThread(e.task) {
                return "\(who) starts running \(words.label(e.task))."
            }
            if isThread(e.task) {
                let beside = loopless ? "in its own thread" : "beside the loop"
                return "Worker thread \(who) starts running \(words.label(e.task)) \(beside)."
            }
            return "The loop takes \(who) from the front of the ready queue and starts it: "
                + "\(words.label(e.task)) begins to run."
        case .resumed:
            return resumed(e, step: step)
        case .suspended:
            if onThread(e.task) { return quote(e.site) + threadWaits(e) }
            return quote(e.site) + suspended(e) + (next ? nextUp(step) : "")
        case .awaitedReady:
            return quote(e.site) + awaitedReady(e)
        case .completed:
            let result = words.text(of: e) ?? "None"
            if isMainThread(e.task) { return "\(who) finishes: the program is over." }
            var s = isThread(e.task)
                ? "Worker thread \(who) finishes with \(result)."
                : "\(who) returns \(result): it is done."
            s += woken(step, by: e.task)
            if isMain(e.task) {
                s += " That was asyncio.run's main task, so the loop runs what is already in the"
                    + " ready queue and then stops."
            }
            return s + (next && !loopless ? nextUp(step) : "")
        case .failed:
            let error = words.text(of: e) ?? "an error"
            return "\(who) raises \(error) and ends with that error." + woken(step, by: e.task)
                + (next ? nextUp(step) : "")
        case .cancelled:
            let neverRan = !(timeline.firstStart(ofTask: e.task).map { $0 < step } ?? false)
            let s = neverRan
                ? "\(who) is cancelled before its first step, so its body never runs."
                : "\(who) does not catch the CancelledError and ends cancelled."
            return s + woken(step, by: e.task) + (next ? nextUp(step) : "")
        case .cancelRequested:
            return cancelRequested(e, step: step)
        case .printed:
            let text = "\"\(words.text(of: e) ?? "")\""
            if e.task < 0 {
                if let callback = runningCallback(beforeEvent: Int(timeline.steps[step].event)) {
                    return quote(e.site) + "the loop callback \(callback) prints \(text)."
                }
                return quote(e.site) + "outside any task, the program prints \(text)."
            }
            return quote(e.site) + "\(lane(e.task, kindOf: step)) prints \(text)."
        case .clockJump:
            return clockJump(e, step: step)
        case .blocked:
            let how = e.blockingKind == .cpu ? "computes" : "sleeps without awaiting (a blocking call)"
            let d = words.duration(e.value)
            if isThread(e.task) {
                return quote(e.site) + "worker thread \(who) \(how) for \(d) in its own thread; the loop"
                    + " is free to run tasks meanwhile."
            }
            return quote(e.site) + "\(who) \(how) for \(d). It holds the loop the whole time: nothing"
                + " else can run, and the clock moves on to \(words.time(e.time + VirtualTime(nanoseconds: e.value)))."
        case .warning:
            return "asyncio would warn: \(words.text(of: e) ?? "")."
        case .shutdown:
            return shutdown(step: step)
        case .finished:
            return finished(e)
        case .scheduled, .timerAdded, .timerFired, .timerCancelled, .callbackQueued, .callbackRan:
            return ""
        }
    }

    private func created(_ e: TraceEvent) -> String {
        let new = words.task(e.task)
        let label = words.label(e.task)
        if isMainThread(e.task) {
            return quote(e.site) + "the program starts on its main thread, \(new), which runs \(label)."
        }
        if e.taskKind == .thread || isThread(e.task) {
            let beside = loopless ? "it runs beside \(words.task(e.other))."
                : "it runs beside the loop, not in the ready queue."
            return quote(e.site) + "\(words.task(e.other)) starts worker thread \(new) to run \(label); "
                + beside
        }
        if e.other < 0 {
            return quote(e.site) + "asyncio.run wraps \(label) in \(new) and puts its first step on"
                + " the ready queue."
        }
        return quote(e.site) + "\(words.task(e.other)) wraps \(label) in \(new) and puts its first"
            + " step on the ready queue. \(words.task(e.other)) keeps running."
    }

    private func suspended(_ e: TraceEvent) -> String {
        let who = words.task(e.task)
        switch e.waitReason ?? .future {
        case .sleep:
            let d = words.duration(max(0, e.value.clampedSubtracting(e.time.nanoseconds)))
            return "\(who) sleeps for \(d): a timer is set to fire at"
                + " \(words.time(VirtualTime(nanoseconds: e.value))) and \(who) suspends,"
                + " giving control back to the loop."
        case .yield:
            return "\(who) yields with sleep(0): it suspends and its next step goes to the back of"
                + " the ready queue."
        case .task:
            return "\(who) awaits \(words.awaited(e)), which has not finished yet, so \(who)"
                + " suspends and control goes back to the event loop."
        case .gather:
            return "\(who) awaits a gather of \(e.value), so it suspends until all of them have finished."
        case .thread:
            return "\(who) awaits \(words.awaited(e)), so it suspends until the thread finishes; the"
                + " loop is free meanwhile."
        case .shield:
            let inner = e.other >= 0 ? words.task(e.other) : "the shielded future"
            return "\(who) awaits \(words.awaited(e)) and suspends until \(inner) finishes; cancelling"
                + " \(who) meanwhile cancels only the shield, not \(inner)."
        case .future:
            return "\(who) awaits a future and suspends until something sets its result or cancels it."
        case .condition:
            return "\(who) waits on a condition: it lets go of the condition's lock and suspends until"
                + " another task calls notify(); then it must take the lock back before it goes on."
        case .barrier:
            return "\(who) waits at a barrier and suspends until the last of its parties arrives (or"
                + " until the previous group has left)."
        default:
            return "\(who) awaits \(words.awaited(e)) and suspends until it is ready."
        }
    }

    /// A thread (worker or main) waits: it blocks its own thread, not the loop.
    private func threadWaits(_ e: TraceEvent) -> String {
        let who = words.task(e.task)
        let free = loopless ? "" : " The loop is free meanwhile."
        switch e.waitReason ?? .future {
        case .sleep:
            let d = words.duration(max(0, e.value.clampedSubtracting(e.time.nanoseconds)))
            return "\(who) sleeps for \(d), a blocking sleep in its own thread, until"
                + " \(words.time(VirtualTime(nanoseconds: e.value))).\(free)"
        case .join, .thread, .task:
            let other = e.other >= 0 ? words.task(e.other) : "the thread"
            return "\(who) joins \(other): it blocks in join() until \(other) has finished.\(free)"
        default:
            return "\(who) waits for \(words.awaited(e)).\(free)"
        }
    }

    private func awaitedReady(_ e: TraceEvent) -> String {
        let who = words.task(e.task)
        let what = words.awaited(e)
        if e.waitReason == .task || e.waitReason == .thread {
            return "\(what) has already finished, so the await hands back its result at once:"
                + " \(who) does not suspend."
        }
        return "\(what) is already done, so the await returns at once: \(who) does not suspend."
    }

    private func resumed(_ e: TraceEvent, step: Int) -> String {
        let who = words.task(e.task)
        let (wake, wait) = waitAndWake(e.task, before: step)
        let site = wait.map { quote($0.site).dropLast(2) } ?? ""
        let at = site.isEmpty ? "" : " at \(site)"
        if onThread(e.task) {
            switch wait?.waitReason {
            case .sleep?: return "\(who)'s blocking sleep is over, and it goes on."
            case .join?, .thread?, .task?:
                let other = wait.map { words.task($0.other) } ?? "the thread"
                return "\(who) goes on\(at): \(other) has finished."
            default: return "\(who) goes on\(at)."
            }
        }
        switch e.resumeMode ?? .normal {
        case .cancelled:
            return "The loop resumes \(who) by throwing CancelledError into it\(at)."
        case .error:
            return "The loop resumes \(who)\(at), raising the error of what it awaited."
        case .normal:
            let why = wake.map { " " + reason($0) } ?? ""
            return "The loop takes \(who) from the ready queue and resumes it\(at)\(why)."
        }
    }

    /// Why a woken task became ready, as a clause: `: its sleep is over`.
    private func reason(_ scheduled: TraceEvent) -> String {
        switch scheduled.wakeReason ?? .future {
        case .timer: return "now that its sleep is over"
        case .taskDone: return "now that \(words.wake(scheduled).replacingSuffix(" done", with: "")) has finished"
        case .yielded: return "now that its turn has come round again"
        case .gather: return "now that everything it gathered has finished"
        case .thread: return "now that the thread it awaited has finished"
        case .cancelled: return "to deliver the cancellation"
        case .timeout: return "because its timeout expired"
        case .condition: return "now that it has been notified"
        case .barrier: return "now that the barrier has opened"
        default: return "now that what it awaited is ready"
        }
    }

    /// The `scheduled` event that made a task ready before `step`, and the `suspended` event
    /// it had been waiting at (nil when not found).
    func waitAndWake(_ task: Int32, before step: Int) -> (wake: TraceEvent?, wait: TraceEvent?) {
        guard let lane = timeline.lane(ofTask: task), let k = lane.spanIndex(atStep: step) else {
            return (nil, nil)
        }
        var wake: TraceEvent? = nil
        var i = k - 1
        while i >= 0 {
            let span = lane.spans[i]
            let e = trace.events[Int(span.event)]
            if span.state == .ready, wake == nil, e.kind == .scheduled { wake = e }
            // A thread asleep in time.sleep is drawn as blocking but parked by a `suspended` event.
            if span.state == .suspended || (span.state == .blocking && e.kind == .suspended) { return (wake, e) }
            if span.state.isActive { break }
            i -= 1
        }
        return (wake, nil)
    }

    /// " Task-1, which awaited it, is ready again." for the tasks a finish woke.
    private func woken(_ step: Int, by task: Int32) -> String {
        let names = timeline.events(ofStep: step).compactMap { i -> String? in
            let e = trace.events[i]
            guard e.kind == .scheduled, e.other == task,
                  e.wakeReason == .taskDone || e.wakeReason == .thread else { return nil }
            return words.task(e.task)
        }
        guard !names.isEmpty else { return "" }
        let verb = names.count == 1 ? "is" : "are"
        let which = names.count == 1 ? "which was waiting for it" : "which were waiting for it"
        return " \(names.joined(separator: ", ")), \(which), \(verb) ready again."
    }

    /// " Next the loop runs Task-2." when control is back with the loop and something waits.
    private func nextUp(_ step: Int) -> String {
        guard let front = cache.queueFront(atStep: step) else { return "" }
        return " Next the loop runs \(entry(front))."
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}

/// What `Story` keeps between sentences: a cursor over the loop's state, and words worked
/// out once and used again (quoted source lines, timers on the timers line).
final class StoryCache {
    private var cursor: LoopCursor
    /// `quote(site)` by site id.
    var quotes: [Int32: String] = [:]
    /// The words for a pending timer on the timers line, by the event that armed it.
    var timerWords: [Int32: String] = [:]
    /// How many timers' words are kept before starting afresh (the line shows the earliest
    /// few, which change slowly; the bound keeps a run of millions of timers small).
    static let timerWordsLimit = 4_096

    init(timeline: Timeline) {
        cursor = LoopCursor(timeline: timeline)
    }

    /// The loop state after `step`, with at most `entries` of the ready queue and of the timers.
    func shown(atStep step: Int, entries: Int) -> ShownLoop {
        cursor.move(toStep: step)
        return Self.read(&cursor, entries: entries)
    }

    /// The front of the ready queue after `step`, if any.
    func queueFront(atStep step: Int) -> ReadyEntry? {
        cursor.move(toStep: step)
        return Self.front(&cursor)
    }

    // The cursor is read in place (inout): a copy of it would retain every part of the timeline.
    private static func read(_ cursor: inout LoopCursor, entries: Int) -> ShownLoop {
        ShownLoop(queue: Array(cursor.queueFront(entries)), queueCount: cursor.queueCount,
                  timers: cursor.earliestTimers(entries), timerCount: cursor.timerCount)
    }

    private static func front(_ cursor: inout LoopCursor) -> ReadyEntry? { cursor.queueFront(1).first }
}
