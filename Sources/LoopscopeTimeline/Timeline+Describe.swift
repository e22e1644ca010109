import LoopscopeTrace

/// Short, display-ready descriptions of steps, awaits, queue entries and timers.
///
/// Every string that comes from the trace goes through `Sanitizer`; pass `ascii: true` for
/// 7-bit output (arrows become `->`, other non-ASCII characters `?`).
extension Timeline {
    /// A task's name, e.g. `Task-2`; `runner` for -1 (the `asyncio.run` machinery).
    public func taskName(_ task: Int32, ascii: Bool = false) -> String {
        guard let info = trace.task(task) else { return task < 0 ? "runner" : "task #\(task)" }
        return Sanitizer.line(info.name, ascii: ascii)
    }

    /// A task's name as people say it: the name the program binds it to, with asyncio's
    /// name beside it (`task_a (Task-2)`), or asyncio's name alone when nothing binds it.
    public func displayName(_ task: Int32, ascii: Bool = false) -> String {
        let name = taskName(task, ascii: ascii)
        guard task >= 0, let bound = bindings[safe: Int(task)] ?? nil else { return name }
        return Sanitizer.line(bound, ascii: ascii) + " (" + name + ")"
    }

    /// A lane's title: name and coroutine label, e.g. `Task-2 fetch_url("A", 3)`, or
    /// `task_a (Task-2) fetch_url("A", 3)` when the program binds the task to a name.
    public func laneTitle(_ lane: Lane, ascii: Bool = false) -> String {
        let parts = laneTitleParts(lane, ascii: ascii)
        return parts.label.isEmpty ? parts.name : parts.name + " " + parts.label
    }

    /// A lane's title in its parts: who (`name`: `task_a (Task-2)`), what it runs (`label`,
    /// its coroutine label, "" when unknown), and the name the program binds it to (`bound`:
    /// `task_a`, "" when none), which `name` starts with. A Python thread named after its
    /// function (`Thread-1 (job)`) drops that parenthesis when the label says it (`job(0)`).
    public func laneTitleParts(_ lane: Lane, ascii: Bool = false) -> (name: String, label: String, bound: String) {
        guard let info = trace.task(lane.task) else { return (taskName(lane.task, ascii: ascii), "", "") }
        let label = Sanitizer.line(info.label, ascii: ascii)
        if lane.task >= 0, let bound = bindings[safe: Int(lane.task)] ?? nil {
            let bound = Sanitizer.line(bound, ascii: ascii)
            return (bound + " (" + taskName(lane.task, ascii: ascii) + ")", label, bound)
        }
        var name = taskName(lane.task, ascii: ascii)
        if let open = name.lastIndex(of: "("), name.hasSuffix(")"), open > name.startIndex,
           name[name.index(before: open)] == " " {
            let function = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if !function.isEmpty, label.hasPrefix(function + "(") {
                name = String(name[..<name.index(before: open)])
            }
        }
        return (name, label, "")
    }

    /// What a `suspended` event waits on, e.g. `sleep until 3`, `Task-2`, `gather of 3`.
    public func waitDescription(ofEvent index: Int, ascii: Bool = false) -> String? {
        guard index >= 0, index < trace.events.count else { return nil }
        let e = trace.events[index]
        guard let reason = e.waitReason else { return nil }
        let other = e.other >= 0 && Int(e.other) < trace.tasks.count ? taskName(e.other, ascii: ascii) : nil
        switch reason {
        case .sleep: return "sleep until \(VirtualTime(nanoseconds: e.value))"
        case .yield: return "a turn (sleep 0)"
        case .task: return other ?? "a task"
        case .gather: return "gather of \(e.value)"
        case .wait: return "wait on \(e.value)"
        case .waitFor: return other.map { "wait_for \($0)" } ?? "wait_for"
        case .asCompleted: return "as_completed of \(e.value)"
        case .queueGet: return "queue get"
        case .queuePut: return "queue put"
        case .lock: return "lock"
        case .event: return "event"
        case .semaphore: return "semaphore"
        case .thread: return other.map { "thread \($0)" } ?? "a thread"
        case .taskGroup: return "task group of \(e.value)"
        case .future: return "a future"
        case .join: return other.map { "join \($0)" } ?? "join"
        case .shield: return other.map { "shield of \($0)" } ?? "a shielded future"
        case .condition: return "condition notify"
        case .barrier: return "barrier"
        }
    }

    /// What a suspended span waits on (nil for other states).
    public func waitDescription(of span: StateSpan, ascii: Bool = false) -> String? {
        span.state == .suspended ? waitDescription(ofEvent: Int(span.event), ascii: ascii) : nil
    }

    /// A ready-queue entry, e.g. `Task-2 step` or `callback: sleep timer (Task-3)`.
    public func describe(_ entry: ReadyEntry, ascii: Bool = false) -> String {
        switch entry.kind {
        case .taskStep:
            return "\(taskName(entry.task, ascii: ascii)) step"
        case .callback:
            let e = trace.events[Int(entry.event)]
            let owner = entry.task >= 0 ? " (\(taskName(entry.task, ascii: ascii)))" : ""
            if e.kind == .timerFired {
                let purpose = TimerPurpose(rawValue: e.reason).map(Self.purposeName) ?? "timer"
                return "callback: \(purpose) timer\(owner)"
            }
            let label = trace.text(of: e).map { Sanitizer.line($0, ascii: ascii) } ?? "callback"
            return "callback: \(label)\(owner)"
        }
    }

    /// A pending timer, e.g. `3: sleep timer (Task-2)`.
    public func describe(_ timer: PendingTimer, ascii: Bool = false) -> String {
        let owner = timer.task >= 0 ? " (\(taskName(timer.task, ascii: ascii)))" : ""
        return "\(timer.deadline): \(Self.purposeName(timer.purpose)) timer\(owner)"
    }

    /// `file:line` of a site, or nil.
    public func siteLabel(_ site: Int32, ascii: Bool = false) -> String? {
        trace.siteLabel(site).map { Sanitizer.line($0, ascii: ascii) }
    }

    static func purposeName(_ p: TimerPurpose) -> String {
        switch p {
        case .sleep: "sleep"
        case .timeout: "timeout"
        case .thread: "thread"
        case .callback: "callback"
        }
    }
}
