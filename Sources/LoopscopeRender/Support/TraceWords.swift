import LoopscopeTrace
import LoopscopeTimeline

/// Plain-language phrases for the things a trace names: tasks, waits, wakes, times.
///
/// ```swift
/// let words = TraceWords(trace: trace, ascii: true)
/// words.time(VirtualTime(seconds: 1.5))   // "1.5 s"
/// words.task(2)                            // "Task-3"
/// ```
///
/// Every string it returns from the trace has been through `Sanitizer`; it does not fit or
/// wrap text to a width.
struct TraceWords {
    let trace: Trace
    let ascii: Bool
    /// What joins a number to its unit: a space, or a no-break space (U+00A0) for prose
    /// that `Wrap` will wrap (it never breaks there, and turns it back into a space).
    var unitGap = " "
    /// Task names already sanitized, by task id.
    private let names: NameMemo
    /// Whether the prose is Markdown: trace strings are then escaped (`MarkdownText`).
    var markdown = false
    /// The names the program binds its tasks to, by task id (`TaskBindings`).
    private let bindings: [String?]

    /// `bindings`: `Timeline.bindings` when at hand (else worked out from the trace).
    init(trace: Trace, ascii: Bool, keepUnits: Bool = false, bindings: [String?]? = nil) {
        self.trace = trace
        self.ascii = ascii
        unitGap = keepUnits ? Wrap.noBreakSpace : " "
        names = NameMemo()
        self.bindings = bindings ?? TaskBindings.names(in: trace)
    }

    /// A virtual time for prose, e.g. `3 s`, `0.25 s`.
    func time(_ t: VirtualTime) -> String { "\(t)\(unitGap)s" }

    /// A duration between two times for prose, e.g. `2 s`.
    func duration(_ ns: Int64) -> String { "\(VirtualTime(nanoseconds: ns))\(unitGap)s" }

    /// A sanitized, single-line version of any trace string (escaped for Markdown prose
    /// when `markdown`).
    func clean(_ s: some StringProtocol) -> String {
        markdown ? MarkdownText.escape(Sanitizer.line(s, ascii: ascii)) : Sanitizer.line(s, ascii: ascii)
    }

    /// The lane's name as people say it: `task_a (Task-2)` when the program binds it to a
    /// name, else `Task-2`; `the runner` for -1.
    func task(_ id: Int32) -> String {
        if let known = names.name(id) { return known }
        guard let info = trace.task(id) else { return "the runner" }
        var name = clean(info.name)
        if Int(id) < bindings.count, let bound = bindings[Int(id)] { name = clean(bound) + " (" + name + ")" }
        names.keep(name, for: id)
        return name
    }

    /// What the lane runs, e.g. `fetch_url("A (long)", 3)`, or "" when unknown.
    func label(_ id: Int32) -> String {
        guard let info = trace.task(id) else { return "" }
        return clean(info.label)
    }

    /// The lane's name with what it runs, e.g. `Task-2 (fetch_url("A", 3))`.
    func taskWithLabel(_ id: Int32) -> String {
        let l = label(id)
        if l.isEmpty { return task(id) }
        // Python names threads `Thread-1 (job)`: a second parenthesis would read badly.
        return task(id).hasSuffix(")") ? "\(task(id)) running \(l)" : "\(task(id)) (\(l))"
    }

    /// The string an event carries, sanitized, or nil.
    func text(of event: TraceEvent) -> String? {
        trace.text(of: event).map { clean($0) }
    }

    /// The source line at a site, sanitized, or nil.
    func source(_ site: Int32) -> String? {
        trace.sourceLine(site).map { Sanitizer.line($0, ascii: ascii) }
    }

    /// What a `suspended` event waits on, as an await expression, e.g. `sleep(3)`,
    /// `Task-2`, `gather of 3`.
    func awaited(_ e: TraceEvent) -> String {
        let reason = e.waitReason ?? .future
        let count = e.value
        switch reason {
        case .sleep:
            let d = e.value.clampedSubtracting(e.time.nanoseconds)
            return "sleep(\(VirtualTime(nanoseconds: max(0, d))))"
        case .yield: return "sleep(0)"
        case .task: return e.other >= 0 ? task(e.other) : "a task"
        case .gather: return "gather of \(count)"
        case .wait: return "wait on \(count)"
        case .waitFor: return e.other >= 0 ? "wait_for(\(task(e.other)))" : "wait_for"
        case .asCompleted: return "as_completed"
        case .queueGet: return "queue.get()"
        case .queuePut: return "queue.put()"
        case .lock: return "lock"
        case .event: return "event.wait()"
        case .semaphore: return "semaphore"
        case .thread: return e.other >= 0 ? "thread \(task(e.other))" : "a thread"
        case .taskGroup: return "task group"
        case .future: return "a future"
        case .join: return e.other >= 0 ? "join(\(task(e.other)))" : "join"
        case .shield: return e.other >= 0 ? "shield(\(task(e.other)))" : "a shielded future"
        case .condition: return "condition.wait()"
        case .barrier: return "barrier.wait()"
        }
    }

    /// Why a task became ready, as a short phrase, e.g. `timer`, `Task-3 done`.
    func wake(_ e: TraceEvent) -> String {
        switch e.wakeReason ?? .future {
        case .created: "created"
        case .yielded: "yielded"
        case .timer: "timer"
        case .taskDone: e.other >= 0 && trace.task(e.other) != nil ? "\(task(e.other)) done" : "task done"
        case .gather: "gather done"
        case .wait: "wait done"
        case .asCompleted: "as_completed"
        case .queue: "queue"
        case .lock: "lock free"
        case .event: "event set"
        case .semaphore: "semaphore"
        case .thread: e.other >= 0 && trace.task(e.other) != nil ? "\(task(e.other)) done" : "thread done"
        case .cancelled: "cancelled"
        case .timeout: "timeout"
        case .taskGroup: "task group"
        case .future: "future done"
        case .condition: "notified"
        case .barrier: "barrier opened"
        }
    }
}

/// Sanitized task names kept for reuse (a run's prose names the same tasks again and again).
/// Filled as names are asked for, so making one costs nothing however many tasks the run has.
final class NameMemo {
    /// By task id (ids are small and dense: a trace numbers its tasks from 0).
    private var table: [String?] = []

    init() {}

    func name(_ id: Int32) -> String? { id >= 0 && Int(id) < table.count ? table[Int(id)] : nil }

    func keep(_ name: String, for id: Int32) {
        guard id >= 0 else { return }
        if Int(id) >= table.count { table += Array(repeating: nil, count: Int(id) + 1 - table.count) }
        table[Int(id)] = name
    }
}
