import LoopscopeTrace

extension Timeline {
    /// One line saying what a step does, e.g. `Task-2 starts`,
    /// `Task-1 awaits Task-2 at main.swift:26`, `clock jumps 0 → 1`, `Task-1 prints 'hello'`.
    ///
    /// Computed on demand (a million-step timeline stores no strings). Trace strings are
    /// sanitized; printed text and results are cut to `quoteWidth` columns.
    public func headline(ofStep step: Int, ascii: Bool = false, quoteWidth: Int = 40) -> String {
        guard step >= 0, step < steps.count else { return "" }
        let index = Int(steps[step].event)
        let e = trace.events[index]
        let who = displayName(e.task, ascii: ascii)
        let at = siteLabel(e.site, ascii: ascii).map { " at \($0)" } ?? ""
        func quote(_ s: String?) -> String {
            let clean = Sanitizer.line(s ?? "", ascii: ascii)
            return "'" + TextWidth.fit(clean, quoteWidth, ellipsis: ascii ? "..." : "…") + "'"
        }
        // Threads (and a loop-less program's main thread) speak thread: they start, sleep,
        // block, join and finish; they never await or sit in a ready queue.
        let onThread = trace.task(e.task).map { $0.kind != .task } ?? false
        if onThread, let said = threadHeadline(e, index: index, who: who, at: at, ascii: ascii) { return said }
        switch e.kind {
        case .created:
            let kind = e.taskKind == .thread ? "thread" : "task"
            let label = trace.task(e.task).map { " " + Sanitizer.line($0.label, ascii: ascii) } ?? ""
            return "\(displayName(e.other, ascii: ascii)) creates \(kind) \(who)\(label)\(at)"
        case .started:
            return "\(who) starts"
        case .resumed:
            switch e.resumeMode {
            case .cancelled?: return "\(who) resumes with CancelledError\(at)"
            case .error?: return "\(who) resumes with an error\(at)"
            default: return "\(who) resumes\(at)"
            }
        case .suspended:
            let what = waitDescription(ofEvent: index, ascii: ascii) ?? "something"
            return "\(who) awaits \(what)\(at)"
        case .awaitedReady:
            let what = waitDescription(ofEvent: index, ascii: ascii) ?? "something"
            return "\(who) awaits \(what)\(at): already finished, goes on"
        case .completed:
            return "\(who) returns \(quote(trace.text(of: e)))"
        case .failed:
            return "\(who) fails: \(quote(trace.text(of: e)))"
        case .cancelled:
            return "\(who) is cancelled"
        case .cancelRequested:
            let late = e.value == 0 ? " (already finished)" : ""
            return "\(displayName(e.other, ascii: ascii)) cancels \(who)\(late)"
        case .printed:
            let by = e.task >= 0 ? who : "program"
            return "\(by) prints \(quote(trace.text(of: e)))"
        case .clockJump:
            let arrow = ascii ? "->" : "→"
            return "clock jumps \(VirtualTime(nanoseconds: e.value)) \(arrow) \(e.time)"
        case .blocked:
            let d = VirtualTime(nanoseconds: e.value)
            let how = e.blockingKind == .cpu ? "computes" : "sleeps (blocking)"
            let whom = e.task >= 0 && isThread[safe: Int(e.task)] == true ? "its thread" : "the loop"
            return "\(who) \(how) \(d) s, holding \(whom)"
        case .warning:
            return "warning: \(Sanitizer.line(trace.text(of: e) ?? "", ascii: ascii))"
        case .shutdown:
            return "main returns; runner cancels \(e.value) pending task\(e.value == 1 ? "" : "s")"
        case .finished:
            let outcome: String
            switch e.runOutcome {
            case .exception?: outcome = "with an exception"
            case .deadlock?: outcome = "in deadlock"
            case .limit?: outcome = "at a limit"
            default: outcome = "ok"
            }
            return "run ends \(outcome)"
        case .scheduled, .timerAdded, .timerFired, .timerCancelled, .callbackQueued, .callbackRan:
            return "\(e.kind)"
        }
    }

    /// A thread's step in thread words, or nil to use the task words.
    private func threadHeadline(_ e: TraceEvent, index: Int, who: String, at: String, ascii: Bool) -> String? {
        switch e.kind {
        case .created:
            if trace.task(e.task)?.kind == .mainThread { return "\(who) starts the program\(at)" }
            return "\(displayName(e.other, ascii: ascii)) starts thread \(who)\(at)"
        case .started:
            return "\(who) starts"
        case .suspended:
            switch e.waitReason {
            case .sleep?:
                let d = VirtualTime(nanoseconds: max(0, e.value.clampedSubtracting(e.time.nanoseconds)))
                return "\(who) sleeps \(d) s\(at)"
            case .join?, .thread?, .task?:
                let other = e.other >= 0 ? displayName(e.other, ascii: ascii) : "a thread"
                return "\(who) joins \(other)\(at)"
            default:
                let what = waitDescription(ofEvent: index, ascii: ascii) ?? "something"
                return "\(who) waits for \(what)\(at)"
            }
        case .resumed:
            return "\(who) goes on\(at)"
        case .completed:
            return "\(who) finishes"
        default:
            return nil
        }
    }
}
