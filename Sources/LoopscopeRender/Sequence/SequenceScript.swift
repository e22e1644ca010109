import LoopscopeTrace

/// The messages of a sequence diagram, read off a trace: who passes control to whom, and
/// the notes (prints, clock jumps) in between.
///
/// Participant 0 is the event loop; the lane with task id `i` is participant `i + 1`.
/// It holds no layout; `SequenceDiagram` draws it.
///
/// It can show part of a run: only some tasks (`shown`; an arrow to a task left out becomes
/// a note on the side that is shown) and only the messages of some events. Lifelines are
/// not copied per message: each message carries the lifeline changes made since the message
/// before it, and the drawer keeps the current lifelines as it goes (starting from
/// `initialLifelines`).
struct SequenceScript {
    /// Whether a lifeline exists and whether its lane holds the loop at a message.
    enum Lifeline: UInt8 { case absent, alive, running }

    struct Message {
        enum Shape {
            /// An arrow between two participants; dashed for a wake-up (the receiver only
            /// becomes ready), solid when control passes.
            case arrow(from: Int, to: Int, dashed: Bool)
            /// A note beside one participant's lifeline.
            case note(at: Int)
        }
        var time: VirtualTime
        var shape: Shape
        var label: String
        /// The trace event it shows.
        var event: TraceEvent
        /// That event's index in `Trace.events`.
        var index: Int
        /// Lifeline changes since the message before it, to apply before drawing it.
        var changes: [LifelineChange]
    }

    struct LifelineChange {
        var participant: Int
        var state: Lifeline
    }

    struct Participant {
        var name: String
        var subtitle: String
    }

    var participants: [Participant]
    var messages: [Message]
    /// The participants drawn, loop first, then tasks in id order.
    var shown: [Int]
    /// Lifelines when the first message is drawn.
    var initialLifelines: [Lifeline]

    /// The whole run, every task.
    init(trace: Trace, ascii: Bool) {
        self.init(trace: trace, ascii: ascii, tasks: nil, events: 0..<trace.events.count)
    }

    /// Messages of the events in `events`; with `tasks`, only those tasks' lifelines (and
    /// the loop's); without, every task that takes part in those messages.
    init(trace: Trace, ascii: Bool, tasks: Set<Int32>?, events range: Range<Int>) {
        let words = TraceWords(trace: trace, ascii: ascii)
        // A program without an event loop still has the scheduler handing out the threads.
        let loopless = trace.tasks.contains { $0.kind == .mainThread }
        participants = [loopless ? Participant(name: "sched", subtitle: "scheduler")
                                 : Participant(name: "loop", subtitle: "event loop")]
            + trace.tasks.indices.map { i in
                Participant(name: words.task(Int32(i)), subtitle: words.label(Int32(i)))
            }
        messages = []
        shown = []
        var lifelines = [Lifeline](repeating: .absent, count: participants.count)
        lifelines[0] = .alive
        initialLifelines = lifelines
        var included = [Bool](repeating: tasks == nil, count: participants.count)
        included[0] = true
        for t in tasks ?? [] { included[Int(t) + 1] = true }
        var involved = [Bool](repeating: false, count: participants.count)
        involved[0] = true
        let whole = range.lowerBound <= 0 && range.upperBound >= trace.events.count

        func column(_ task: Int32) -> Int {
            task >= 0 && Int(task) < trace.tasks.count ? Int(task) + 1 : 0
        }
        var recording = false
        var pending: [LifelineChange] = []
        func set(_ p: Int, _ state: Lifeline) {
            guard p > 0 else { return }
            lifelines[p] = state
            if recording { pending.append(LifelineChange(participant: p, state: state)) }
        }
        var current = 0
        func add(_ e: TraceEvent, _ shape: Message.Shape, _ label: String) {
            guard recording else { return }
            var shape = shape
            var label = label
            switch shape {
            case let .note(at: p):
                guard included[p] else { return }
            case let .arrow(from: a, to: b, _):
                switch (included[a], included[b]) {
                case (true, true): break
                case (true, false):
                    shape = .note(at: a)
                    label = "\(label) -> \(participants[b].name)"
                case (false, true):
                    shape = .note(at: b)
                    label = "<- \(label) from \(participants[a].name)"
                case (false, false):
                    return
                }
                involved[a] = true
                involved[b] = true
            }
            if case let .note(at: p) = shape { involved[p] = true }
            messages.append(Message(time: e.time, shape: shape, label: label, event: e, index: current,
                                    changes: pending))
            pending = []
        }

        for index in 0..<min(range.upperBound, trace.events.count) {
            if index == range.lowerBound {
                recording = true
                initialLifelines = lifelines
            }
            let e = trace.events[index]
            current = index
            let me = column(e.task)
            switch e.kind {
            case .created:
                set(me, .alive)
                add(e, .arrow(from: column(e.other), to: me, dashed: false), "create")
            case .scheduled:
                guard let reason = e.wakeReason, reason != .created else { continue }
                // The loop delivers every wake-up (as a callback), so it draws the arrow;
                // the label says what caused it.
                add(e, .arrow(from: 0, to: me, dashed: true), "wake: " + words.wake(e))
            case .started:
                set(me, .running)
                add(e, .arrow(from: 0, to: me, dashed: false), "start")
            case .resumed:
                set(me, .running)
                let label = switch e.resumeMode ?? .normal {
                case .normal: "resume"
                case .cancelled: "resume: CancelledError"
                case .error: "resume: error"
                }
                add(e, .arrow(from: 0, to: me, dashed: false), label)
            case .suspended:
                add(e, .arrow(from: me, to: 0, dashed: false), "await " + words.awaited(e))
                set(me, .alive)
            case .completed:
                add(e, .arrow(from: me, to: 0, dashed: false), "return " + (words.text(of: e) ?? ""))
                set(me, .absent)
            case .failed:
                add(e, .arrow(from: me, to: 0, dashed: false), "raise " + (words.text(of: e) ?? ""))
                set(me, .absent)
            case .cancelled:
                add(e, .arrow(from: me, to: 0, dashed: false), "cancelled")
                set(me, .absent)
            case .cancelRequested:
                add(e, .arrow(from: column(e.other), to: me, dashed: true),
                    e.value == 0 ? "cancel(): already done" : "cancel()")
            case .awaitedReady:
                add(e, .note(at: me), "await \(words.awaited(e)): already done, no suspend")
            case .printed:
                add(e, .note(at: me), "print: " + (words.text(of: e) ?? ""))
            case .clockJump:
                add(e, .note(at: 0), "idle: clock jumps \(VirtualTime(nanoseconds: e.value))s -> \(e.time)s")
            case .blocked:
                let how = e.blockingKind == .cpu ? "CPU work" : "time.sleep"
                add(e, .note(at: me), "blocks \(words.duration(e.value)) (\(how))")
            case .warning:
                add(e, .note(at: me), "warning: " + (words.text(of: e) ?? ""))
            case .shutdown:
                add(e, .note(at: 0), e.value > 0
                    ? "main done: cancel \(e.value) pending" : "main done: nothing pending")
            case .finished:
                let outcome = switch e.runOutcome ?? .ok {
                case .ok: "ok"
                case .exception: "exception"
                case .deadlock: "deadlock"
                case .limit: "limit reached"
                }
                add(e, .note(at: 0), "run ends: " + outcome)
            case .timerAdded, .timerFired, .timerCancelled, .callbackQueued, .callbackRan:
                continue
            }
        }
        if tasks != nil {
            shown = included.indices.filter { included[$0] }
        } else if whole {
            shown = Array(participants.indices)
        } else {
            shown = involved.indices.filter { involved[$0] }
        }
    }
}
