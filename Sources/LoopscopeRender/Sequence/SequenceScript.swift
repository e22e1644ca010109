import LoopscopeTrace

/// The messages of a sequence diagram, read off a trace: who passes control to whom, and
/// the notes (prints, clock jumps) in between.
///
/// Participant 0 is the event loop; the lane with task id `i` is participant `i + 1`.
/// It holds no layout; `SequenceDiagram` draws it.
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
        /// Lifeline states while this message is drawn.
        var lifelines: [Lifeline]
    }

    struct Participant {
        var name: String
        var subtitle: String
    }

    var participants: [Participant]
    var messages: [Message]

    init(trace: Trace, ascii: Bool) {
        let words = TraceWords(trace: trace, ascii: ascii)
        // A program without an event loop still has the scheduler handing out the threads.
        let loopless = trace.tasks.contains { $0.kind == .mainThread }
        participants = [loopless ? Participant(name: "sched", subtitle: "scheduler")
                                 : Participant(name: "loop", subtitle: "event loop")]
            + trace.tasks.indices.map { i in
                Participant(name: words.task(Int32(i)), subtitle: words.label(Int32(i)))
            }
        messages = []
        var lifelines = [Lifeline](repeating: .absent, count: participants.count)
        lifelines[0] = .alive

        func column(_ task: Int32) -> Int {
            task >= 0 && Int(task) < trace.tasks.count ? Int(task) + 1 : 0
        }
        func add(_ e: TraceEvent, _ shape: Message.Shape, _ label: String) {
            messages.append(Message(time: e.time, shape: shape, label: label, event: e, lifelines: lifelines))
        }

        for e in trace.events {
            let me = column(e.task)
            switch e.kind {
            case .created:
                if me > 0 { lifelines[me] = .alive }
                add(e, .arrow(from: column(e.other), to: me, dashed: false), "create")
            case .scheduled:
                guard let reason = e.wakeReason, reason != .created else { continue }
                // The loop delivers every wake-up (as a callback), so it draws the arrow;
                // the label says what caused it.
                add(e, .arrow(from: 0, to: me, dashed: true), "wake: " + words.wake(e))
            case .started:
                lifelines[me] = .running
                add(e, .arrow(from: 0, to: me, dashed: false), "start")
            case .resumed:
                lifelines[me] = .running
                let label = switch e.resumeMode ?? .normal {
                case .normal: "resume"
                case .cancelled: "resume: CancelledError"
                case .error: "resume: error"
                }
                add(e, .arrow(from: 0, to: me, dashed: false), label)
            case .suspended:
                add(e, .arrow(from: me, to: 0, dashed: false), "await " + words.awaited(e))
                if me > 0 { lifelines[me] = .alive }
            case .completed:
                add(e, .arrow(from: me, to: 0, dashed: false), "return " + (words.text(of: e) ?? ""))
                if me > 0 { lifelines[me] = .absent }
            case .failed:
                add(e, .arrow(from: me, to: 0, dashed: false), "raise " + (words.text(of: e) ?? ""))
                if me > 0 { lifelines[me] = .absent }
            case .cancelled:
                add(e, .arrow(from: me, to: 0, dashed: false), "cancelled")
                if me > 0 { lifelines[me] = .absent }
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
    }
}
