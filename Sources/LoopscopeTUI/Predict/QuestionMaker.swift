import LoopscopeTimeline
import LoopscopeTrace

/// Builds predict-mode questions from the timeline, deterministically. Every wrong choice
/// is what a common misconception (`Misconception`) predicts at that step, and a question
/// is asked only where at least one misconception predicts something other than what
/// happens:
///
/// - Before a loop task starts or resumes (`nextTask`): the ready queue's last task (the
///   queue is LIFO); the task that just suspended, at once after `sleep(0)` (it does not
///   yield) or after its await is over (await blocks everything).
/// - Right after a task creates another and carries on (`afterCreate`): the new task
///   (create_task runs it at once).
/// - Before the idle loop jumps to the next timer (`nextTimer`): the owner of the timer
///   set first (timers fire in creation order).
///
/// Choices are ordered by a fixed hash of their text and the step, so the right answer's
/// position varies yet every run asks the same. Every text is sanitized.
enum QuestionMaker {
    static func question(for step: Int, in timeline: Timeline, ascii: Bool) -> Question? {
        guard step > 1, step < timeline.steps.count else { return nil }
        let maker = Maker(timeline: timeline, ascii: ascii, step: step)
        let s = timeline.steps[step]
        switch s.kind {
        case .started, .resumed:
            if let q = maker.afterCreate() { return q }
            guard timeline.trace.task(s.task)?.kind == .task else { return nil }
            return maker.nextTask(s.task)
        case .clockJump:
            return maker.nextTimer()
        default:
            return maker.afterCreate()
        }
    }

    /// FNV-1a over the text's UTF-8 and the step: the same on every run and machine.
    static func stableHash(_ s: String, _ step: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        var n = UInt64(truncatingIfNeeded: step)
        for _ in 0..<8 {
            h ^= n & 0xff
            h = h &* 0x100_0000_01b3
            n >>= 8
        }
        return h
    }
}

private struct Maker {
    let timeline: Timeline
    let ascii: Bool
    let step: Int
    /// The loop's state before the step asked about.
    let before: LoopState

    init(timeline: Timeline, ascii: Bool, step: Int) {
        self.timeline = timeline
        self.ascii = ascii
        self.step = step
        before = timeline.state(atStep: step - 1)
    }

    var trace: Trace { timeline.trace }

    func name(_ task: Int32) -> String { timeline.taskName(task, ascii: ascii) }

    /// `Task-2 fetch_url('A', 3)`.
    func choice(_ task: Int32) -> String {
        let label = trace.task(task).map { Sanitizer.line($0.label, ascii: ascii) } ?? ""
        return label.isEmpty ? name(task) : "\(name(task)) \(label)"
    }

    func event(ofStep i: Int) -> TraceEvent { trace.events[Int(timeline.steps[i].event)] }

    /// The distinct tasks in the ready queue before the step, front first.
    var queuedTasks: [Int32] {
        var tasks: [Int32] = []
        var seen = Set<Int32>()
        for entry in before.readyQueue where entry.kind == .taskStep && entry.task >= 0 {
            if seen.insert(entry.task).inserted { tasks.append(entry.task) }
        }
        return tasks
    }

    /// The last loop task to give up control before the step, with its `suspended` event,
    /// looking back no further than the last start or resume.
    func lastSuspension() -> (task: Int32, event: TraceEvent)? {
        var i = step - 1
        while i >= 0 && step - i < 200 {
            let e = event(ofStep: i)
            if e.kind == .suspended, trace.task(e.task)?.kind == .task { return (e.task, e) }
            if e.kind == .started || e.kind == .resumed { return nil }
            i -= 1
        }
        return nil
    }

    /// What a suspended task waits for, in a few words: `its sleep`, `Task-2`.
    func awaited(_ e: TraceEvent) -> String {
        switch e.waitReason {
        case .sleep: return "its sleep"
        case .task where e.other >= 0: return name(e.other)
        default: return "what it awaits"
        }
    }

    func nextTask(_ task: Int32) -> Question? {
        let queued = queuedTasks
        guard let position = queued.firstIndex(of: task) else { return nil }
        let queueText = queued.prefix(6).map(name).joined(separator: ", ") + (queued.count > 6 ? ", …" : "")
        let fifo = position == 0
            ? "\(name(task)) was at the front of the ready queue (\(queueText)), and the loop takes "
                + "tasks first in, first out."
            : "\(name(task)) was the first task in the ready queue to run (\(queueText))."
        var wrong: [(Int32, Misconception, String)] = []
        if let last = queued.last, last != task {
            wrong.append((last, .lifoQueue, "\(name(task)) was queued before \(name(last)), and the ready queue is "
                + "first in, first out: \(name(last)) waits its turn behind it."))
        }
        if let (parked, e) = lastSuspension(), parked != task {
            let yielded = e.waitReason == .yield || (e.waitReason == .sleep && e.value == before.time.nanoseconds)
            if yielded {
                wrong.append((parked, .sleepZeroDoesNotYield, "sleep(0) suspends \(name(parked)) and puts it at the "
                    + "back of the ready queue, so \(name(task)), already waiting, runs first."))
            } else {
                wrong.append((parked, .awaitBlocksEverything, "await suspends only \(name(parked)) until "
                    + "\(awaited(e)) is done; meanwhile the loop runs the other ready tasks, and "
                    + "\(name(task)) was ready."))
            }
        }
        return make(.nextTask, "Control is back with the loop. Which task runs next?",
                    right: (task, fifo), wrong: wrong)
    }

    /// Right after `created`, when the creator carries on; asked once per run of creations.
    func afterCreate() -> Question? {
        guard step >= 2 else { return nil }
        let prev = event(ofStep: step - 1)
        guard prev.kind == .created, event(ofStep: step - 2).kind != .created else { return nil }
        let new = prev.task
        let now = event(ofStep: step)
        guard let creator = trace.task(new)?.parent, creator >= 0, creator != new,
              trace.task(new)?.kind == .task, trace.task(creator)?.kind == .task,
              before.running == creator, !(now.task == new && (now.kind == .started || now.kind == .resumed))
        else { return nil }
        let carriesOn = "create_task only puts \(name(new)) in the ready queue; \(name(creator)) keeps the loop "
            + "until its next await, and only then can \(name(new)) start."
        return make(.afterCreate, "\(name(creator)) just created \(name(new)). What runs next?",
                    right: (creator, carriesOn),
                    wrong: [(new, .createTaskRunsAtOnce, carriesOn)],
                    rightText: "\(choice(creator)) carries on", wrongText: { "\(choice($0)) starts now" })
    }

    func nextTimer() -> Question? {
        guard before.readyQueue.isEmpty, let first = before.timers.first, first.task >= 0 else { return nil }
        guard let setFirst = before.timers.min(by: { $0.event < $1.event }), setFirst.task >= 0,
              setFirst.task != first.task else { return nil }
        let why = "Timers fire by deadline: \(name(first.task))'s is due at \(first.deadline) s, "
            + "\(name(setFirst.task))'s (set earlier) at \(setFirst.deadline) s."
        return make(.nextTimer, "Nothing is ready, so the loop waits for a timer. Whose fires first?",
                    right: (first.task, why),
                    wrong: [(setFirst.task, .timersInCreationOrder, why)])
    }

    /// Puts a question together: distinct choices (the first misconception giving a task
    /// wins), ordered by a stable hash. Nil without a wrong choice.
    func make(_ kind: Question.Kind, _ text: String, right: (Int32, String),
              wrong: [(Int32, Misconception, String)],
              rightText: String? = nil, wrongText: ((Int32) -> String)? = nil) -> Question? {
        var entries: [(text: String, task: Int32, misconception: Misconception?, why: String)] =
            [(rightText ?? choice(right.0), right.0, nil, right.1)]
        for (task, m, why) in wrong where !entries.contains(where: { $0.task == task }) {
            entries.append((wrongText?(task) ?? choice(task), task, m, why))
            if entries.count == 9 { break }
        }
        guard entries.count >= 2 else { return nil }
        let rightChoice = entries[0].text
        entries.sort { a, b in
            let (ha, hb) = (QuestionMaker.stableHash(a.text, step), QuestionMaker.stableHash(b.text, step))
            return ha != hb ? ha < hb : a.text < b.text
        }
        return Question(kind: kind, step: step, text: text, choices: entries.map(\.text),
                        answer: entries.firstIndex { $0.text == rightChoice }!,
                        misconceptions: entries.map(\.misconception), explanations: entries.map(\.why))
    }
}
