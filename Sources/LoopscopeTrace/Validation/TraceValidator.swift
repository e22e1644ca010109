/// Replays a trace's events against the loop's rules and collects what does not fit.
///
/// See `Trace.validate()` for what it checks. It stops collecting after `limit` problems
/// and keeps going after each one as best it can (for example, a task popped out of turn
/// is taken out of the ready queue wherever it is), so one mistake does not hide the next.
struct TraceValidator {
    let trace: Trace
    let limit: Int
    var problems: [TraceProblem] = []

    /// What the replay knows about each task.
    struct TaskState {
        var created = false
        var started = false
        var running = false
        var queued = false
        var ended = false
    }

    enum Entry: Equatable {
        case step(Int32)
        case callback(Int32)
    }

    var tasks: [TaskState]
    var ready: [Entry] = []
    var readyHead = 0
    var timers: [Int32: Int64] = [:]
    /// The loop task that is running, if any.
    var onLoop: Int32?
    var finishedAt: Int?
    var shutdownAt: Int?
    var index = 0

    init(_ trace: Trace, limit: Int) {
        self.trace = trace
        self.limit = limit
        tasks = Array(repeating: TaskState(), count: trace.tasks.count)
    }

    /// The problems found, or nil when `shouldStop` (asked every `stopCheckEvents` events)
    /// answered true.
    mutating func run(shouldStop: () -> Bool = { false }) -> [TraceProblem]? {
        checkTables()
        var previous = VirtualTime.zero
        for (i, e) in trace.events.enumerated() {
            if i & (Self.stopCheckEvents - 1) == 0, i > 0, shouldStop() { return nil }
            let before = previous
            guard problems.count < limit else { break }
            index = i
            if let finishedAt {
                report("\(e.kind) after the run finished at event \(finishedAt)")
                break
            }
            if e.time < previous {
                report("time goes backwards: \(e.time) after \(previous)")
            } else if i == 0 && e.time < .zero {
                report("the first event is at \(e.time), before the start")
            }
            previous = max(previous, e.time)
            guard checkIDs(e) else { continue }
            replay(e, previousTime: before)
        }
        if problems.count < limit {
            for (id, state) in tasks.enumerated() where !state.created && problems.count < limit {
                problems.append(TraceProblem(event: nil, message: "\(name(Int32(id))) is never created"))
            }
        }
        return Array(problems.prefix(limit))
    }

    /// How many events the replay checks between two questions to `shouldStop` (a power of 2).
    static let stopCheckEvents = 4096

    mutating func report(_ message: String) {
        problems.append(TraceProblem(event: index, message: message))
    }

    /// A task's name for messages: `Task-3`, or `task 9` when the id names no task.
    func name(_ id: Int32) -> String {
        trace.task(id)?.name ?? "task \(id)"
    }

    func isThread(_ id: Int32) -> Bool {
        guard let kind = trace.task(id)?.kind else { return false }
        return kind != .task
    }

    // MARK: Tables and ids

    mutating func checkTables() {
        for (i, s) in trace.sites.enumerated() {
            if s.file < 0 || Int(s.file) >= trace.files.count {
                problems.append(TraceProblem(event: nil, message:
                    "site \(i) points at file \(s.file), but the trace has \(trace.files.count) files"))
            } else if s.line < 1 {
                problems.append(TraceProblem(event: nil, message: "site \(i) has line \(s.line); lines start at 1"))
            }
        }
        for (i, t) in trace.tasks.enumerated() where t.parent < -1 || Int(t.parent) >= trace.tasks.count {
            problems.append(TraceProblem(event: nil, message:
                "\(t.name) (task \(i)) has parent \(t.parent), which is not a task"))
        }
    }

    /// Checks the ids an event carries; returns false when the event cannot be replayed.
    mutating func checkIDs(_ e: TraceEvent) -> Bool {
        var ok = true
        let schema = KindSchema.all[Int(e.kind.rawValue)]
        if e.task < -1 || Int(e.task) >= trace.tasks.count {
            report("task \(e.task) is out of range (the trace has \(trace.tasks.count) tasks)")
            ok = false
        } else if e.task == -1 && schema.taskRequired {
            report("a \(e.kind) event must name a task")
            ok = false
        }
        if e.kind == .created || e.kind == .cancelRequested,
           e.other < -1 || Int(e.other) >= trace.tasks.count {
            report("task \(e.other) is out of range (the trace has \(trace.tasks.count) tasks)")
            ok = false
        }
        if e.site < -1 || Int(e.site) >= trace.sites.count {
            report("site \(e.site) is out of range (the trace has \(trace.sites.count) sites)")
        }
        if schema.carriesText, e.value < -1 || e.value >= trace.strings.count {
            report("string \(e.value) is out of range (the trace has \(trace.strings.count) strings)")
        }
        if let field = schema.reason, Int(e.reason) >= field.words.names.count {
            report("\(e.reason) is not a valid \"\(field.name)\" for a \(e.kind) event")
        }
        return ok
    }
}
