import LoopscopeTimeline
import LoopscopeTrace

/// The loop's own moments: clock jumps, cancellation, shutdown, the end of the run, and the
/// ready-queue and timer lines.
extension Story {
    func cancelRequested(_ e: TraceEvent, step: Int) -> String {
        let target = words.task(e.task)
        let callback = e.other < 0 ? runningCallback(beforeEvent: Int(timeline.steps[step].event)) : nil
        let by = e.other >= 0 ? words.task(e.other) : callback.map { "The loop callback \($0)" } ?? "asyncio.run"
        if e.value == 0 {
            return quote(e.site) + "\(by) calls cancel() on \(target), but \(target) has already"
                + " finished, so nothing happens."
        }
        let (_, wait) = waitAndWake(e.task, before: step)
        let parked = wait.map { w in
            let line = quote(w.site).dropLast(2)
            return line.isEmpty ? "" : ", which is waiting at \(line)"
        } ?? ""
        // The runner's cancel() runs inside asyncio.run: the line that called asyncio.run
        // says nothing about it, so it is not quoted.
        let runner = e.other < 0 && callback == nil
        return (runner ? "" : quote(e.site)) + "\(by) calls cancel() on \(target)\(parked): \(target) goes on"
            + " the ready queue to receive a CancelledError at that await."
    }

    /// The quoted label of the loop callback running at event `index` (one that is not a
    /// task step: a `call_soon` / `call_later` callback, a timeout firing), or nil when a task
    /// or the runner is running.
    func runningCallback(beforeEvent index: Int) -> String? {
        var i = index - 1
        while i >= 0 {
            let e = trace.events[i]
            switch e.kind {
            case .callbackRan:
                return "\"\(words.text(of: e) ?? "callback")\""
            case .started, .resumed, .suspended, .completed, .failed, .cancelled, .clockJump, .shutdown:
                return nil
            default:
                i -= 1
            }
        }
        return nil
    }

    func clockJump(_ e: TraceEvent, step: Int) -> String {
        let from = VirtualTime(nanoseconds: e.value)
        let to = e.time
        var fired: [String] = []
        for i in timeline.events(ofStep: step) where trace.events[i].kind == .timerFired {
            let t = trace.events[i]
            fired.append(t.task >= 0 ? "\(words.task(t.task))'s" : "a")
        }
        let jump = from == .zero ? "." : " (the clock jumps from \(words.time(from)))."
        if loopless {
            return "Every thread is waiting, so the clock moves on to \(words.time(to)), when the next"
                + " sleep ends" + jump
        }
        var s = fired.isEmpty
            ? "Nothing is ready; the loop waits for a worker thread, and the clock moves on to \(words.time(to))"
            : "Nothing is ready; the loop sleeps until the earliest timer, \(words.time(to))"
        s += jump
        if fired.count == 1 {
            s += " \(fired[0].prefix(1).uppercased() + fired[0].dropFirst()) timer fires, and its"
                + " callback makes the sleeper ready."
        } else if fired.count > 1 {
            s += " Timers fire for " + fired.map { $0.replacingSuffix("'s", with: "") }
                .joined(separator: ", ") + " in deadline order."
        }
        return s
    }

    func shutdown(step: Int) -> String {
        // Count every pending task; name only those the sentence lists.
        var names: [String] = []
        var count = 0
        for task in 0..<Int32(trace.tasks.count) where timeline.isPending(task: task, atStep: step) {
            guard !isThreadLane(task) else { continue }
            count += 1
            if names.count <= Self.shownEntries { names.append(words.task(task)) }
        }
        if count == 0 {
            return "main() has finished and no other task is pending, so asyncio.run closes the loop."
        }
        let list = Self.shortList(names, total: count)
        // The cancel() calls that follow are steps of their own and tell what each does
        // (and where each task waits): this step only says which tasks are left.
        return "main() has finished, so asyncio.run turns to the "
            + (count == 1 ? "task still pending, \(list), and cancels it next."
                : "\(count) tasks still pending, \(list), and cancels each in turn.")
    }

    private func isThreadLane(_ task: Int32) -> Bool { trace.task(task)?.kind == .thread }

    func finished(_ e: TraceEvent) -> String {
        let message = words.text(of: e).flatMap { $0.isEmpty || $0 == "ok" ? nil : $0 }
        let detail = message.map { ": \($0)" } ?? ""
        switch e.runOutcome ?? .ok {
        case .ok: return "The run ends at \(words.time(e.time))."
        case .exception: return "The run ends with an exception at \(words.time(e.time))\(detail)."
        case .deadlock:
            return "The run ends in deadlock at \(words.time(e.time)): every task waits and no timer"
                + " is pending\(detail)."
        case .limit: return "The run stops at a limit at \(words.time(e.time))\(detail)."
        }
    }

    /// The loop state to tell after `step`: the front of the ready queue and the earliest
    /// timers (at most `shownEntries` of each), with their counts, as the timeline's state at
    /// that step has them (a sleep's timer belongs to the sleep's step; see `Step`).
    func shown(atStep step: Int) -> ShownLoop {
        cache.shown(atStep: step, entries: Self.shownEntries)
    }

    /// The most ready-queue entries, timers or pending tasks a sentence lists; past that it
    /// names the first `listedEntries` and says how many more there are.
    static let shownEntries = 12
    static let listedEntries = 10

    /// `A, B, C` — or, past `shownEntries`, `A, B, …, J and 9,990 more`.
    static func shortList(_ names: [String], total: Int) -> String {
        text { appendShortList(names.count, total: total, to: &$0) { names[$0] } }
    }

    /// `shortList` of the `count` names `name(0)`, `name(1)`, … written to `out`; only the
    /// names it shows are asked for.
    static func appendShortList(_ count: Int, total: Int, to out: inout [UInt8], name: (Int) -> String) {
        let cut = total > shownEntries
        for i in 0..<(cut ? min(count, listedEntries) : count) {
            if i > 0 { out += ", ".utf8 }
            out += name(i).utf8
        }
        if cut {
            out += " and ".utf8
            out += grouped(total - listedEntries).utf8
            out += " more".utf8
        }
    }

    /// `9990` as `9,990`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// A ready-queue entry for prose: `Task-2`, `Task-3's timer callback`, `the callback "stop"`.
    func entry(_ entry: ReadyEntry) -> String {
        switch entry.kind {
        case .taskStep:
            return words.task(entry.task)
        case .callback:
            let e = trace.events[Int(entry.event)]
            if e.kind == .timerFired {
                return entry.task >= 0 ? "\(words.task(entry.task))'s timer callback" : "a timer callback"
            }
            return words.text(of: e).map { "the callback \"\($0)\"" } ?? "a callback"
        }
    }

    /// `Ready queue: Task-2, Task-3.` (or `empty`; a long queue: its front and how many more).
    func queueLine(_ shown: ShownLoop) -> String { Self.text { appendQueueLine(shown, to: &$0) } }

    /// `queueLine` written to `out`.
    func appendQueueLine(_ shown: ShownLoop, to out: inout [UInt8]) {
        Self.appendListLine("Ready queue", empty: "empty", count: shown.queue.count, total: shown.queueCount,
                            to: &out) { entry(shown.queue[$0]) }
    }

    /// `Timers: Task-3 at 1 s, Task-2 at 3 s.` (or `none`), earliest first.
    func timersLine(_ shown: ShownLoop) -> String { Self.text { appendTimersLine(shown, to: &$0) } }

    /// `timersLine` written to `out`.
    func appendTimersLine(_ shown: ShownLoop, to out: inout [UInt8]) {
        Self.appendListLine("Timers", empty: "none", count: shown.timers.count, total: shown.timerCount,
                            to: &out) { timerEntry(shown.timers[$0]) }
    }

    /// `Label: A, B.`, or `Label: EMPTY.` when `total` is 0: the first `count` of `total`
    /// entries, as `appendShortList` lists them.
    static func appendListLine(_ label: String, empty: String, count: Int, total: Int,
                               to out: inout [UInt8], entry: (Int) -> String) {
        out += label.utf8
        out += ": ".utf8
        if total > 0 {
            appendShortList(count, total: total, to: &out, name: entry)
        } else {
            out += empty.utf8
        }
        out.append(UInt8(ascii: "."))
    }

    /// The text a byte writer builds.
    static func text(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `Task-3 at 1 s`: one timer for the timers line. A timer stays pending for many steps,
    /// so its words are kept (by the event that armed it) while it may still be shown.
    private func timerEntry(_ t: PendingTimer) -> String {
        if let known = cache.timerWords[t.event] { return known }
        let text = (t.task >= 0 ? words.task(t.task) : "timer") + " at " + words.time(t.deadline)
        if cache.timerWords.count >= StoryCache.timerWordsLimit { cache.timerWords.removeAll(keepingCapacity: true) }
        cache.timerWords[t.event] = text
        return text
    }
}

/// What a sentence shows of the loop after a step: the front of the ready queue and the
/// earliest timers, with how many there are in all.
struct ShownLoop {
    var queue: [ReadyEntry]
    var queueCount: Int
    var timers: [PendingTimer]
    var timerCount: Int
}
