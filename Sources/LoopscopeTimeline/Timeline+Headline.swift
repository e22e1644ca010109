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
}
