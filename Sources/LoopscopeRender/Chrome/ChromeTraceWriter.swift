import LoopscopeTimeline
import LoopscopeTrace

/// Collects the Trace Event Format events of one timeline, in a fixed order: metadata,
/// lane slices, loop slices, flows, instants, counters. See `ChromeTraceExporter`.
struct ChromeTraceWriter {
    let timeline: Timeline
    private(set) var events: [String] = []
    private let words: TraceWords
    private let isThread: [Bool]
    /// The loop task whose run covers each step (-1: none; the loop's own step).
    private var loopRunner: [Int32]

    /// One step's width on the synthetic axis, in nanoseconds.
    static let stepWidth: Int64 = 1000

    init(timeline: Timeline) {
        self.timeline = timeline
        words = TraceWords(trace: timeline.trace, ascii: false, bindings: timeline.bindings)
        isThread = timeline.trace.tasks.map { $0.kind == .thread }
        loopRunner = Array(repeating: -1, count: timeline.steps.count)
    }

    var steps: [Step] { timeline.steps }

    /// Where step `k` starts on the synthetic axis, in ns (`k == steps.count`: the end).
    /// Held within ±`limit`, so the sums and differences of positions below cannot
    /// overflow whatever times a trace file holds.
    func pos(_ k: Int) -> Int64 {
        guard !steps.isEmpty else { return 0 }
        if k >= steps.count { return pos(steps.count - 1) + Self.stepWidth }
        let p = steps[k].time.nanoseconds.clampedAdding(Int64(k) * Self.stepWidth)
        return min(max(p, -Self.limit), Self.limit)
    }

    /// The largest position: a quarter of `Int64.max` (about 73 years of virtual time).
    static let limit = Int64.max / 4

    /// The edge between two spans at step `k`: a span of work begins with its step; any
    /// other span begins after the step (which belongs to the span before it, or to
    /// another lane).
    func boundary(_ k: Int, startsActive: Bool) -> Int64 {
        k >= steps.count ? pos(k) : startsActive ? pos(k) : pos(k) + Self.stepWidth
    }

    private func tid(_ task: Int32) -> Int { task >= 0 ? Int(task) + 1 : 0 }

    private func threadOf(_ k: Int) -> Bool {
        let t = steps[k].task
        return t >= 0 && Int(t) < isThread.count && isThread[Int(t)]
    }

    mutating func write() {
        metadata()
        markRunners()
        for lane in timeline.lanes { laneSlices(lane) }
        loopSlices()
        flows()
        instants()
        counter()
    }

    private mutating func add(_ pairs: [(String, String)]) { events.append(JSONText.object(pairs)) }

    private mutating func metadata() {
        let title = words.clean(timeline.trace.program.title)
        add([("ph", "\"M\""), ("pid", "1"), ("tid", "0"), ("name", "\"process_name\""),
             ("args", JSONText.object([("name", JSONText.string("loopscope: " + title))]))])
        add([("ph", "\"M\""), ("pid", "1"), ("tid", "0"), ("name", "\"thread_name\""),
             ("args", JSONText.object([("name", "\"event loop\"")]))])
        add([("ph", "\"M\""), ("pid", "1"), ("tid", "0"), ("name", "\"thread_sort_index\""),
             ("args", JSONText.object([("sort_index", "0")]))])
        for (i, lane) in timeline.lanes.enumerated() {
            let name = JSONText.string(timeline.laneTitle(lane))
            add([("ph", "\"M\""), ("pid", "1"), ("tid", "\(tid(lane.task))"), ("name", "\"thread_name\""),
                 ("args", JSONText.object([("name", name)]))])
            add([("ph", "\"M\""), ("pid", "1"), ("tid", "\(tid(lane.task))"),
                 ("name", "\"thread_sort_index\""), ("args", JSONText.object([("sort_index", "\(i + 1)")]))])
        }
    }

    /// Fills `loopRunner`: a run covers its steps and the step that ends it.
    private mutating func markRunners() {
        for lane in timeline.lanes where !(Int(lane.task) < isThread.count && isThread[Int(lane.task)]) {
            for span in lane.spans where span.state == .running || span.state == .blocking {
                var end = Int(span.endStep)
                if end < steps.count && steps[end].task == lane.task { end += 1 }
                for k in Int(span.startStep)..<min(end, steps.count) { loopRunner[k] = lane.task }
            }
        }
    }

    private func slice(_ name: String, cat: String, tid: Int, from: Int64, to: Int64,
                       args: [(String, String)]) -> [(String, String)] {
        [("ph", "\"X\""), ("pid", "1"), ("tid", "\(tid)"), ("name", JSONText.string(name)),
         ("cat", JSONText.string(cat)), ("ts", JSONText.microseconds(from)),
         ("dur", JSONText.microseconds(max(0, to - from))), ("args", JSONText.object(args))]
    }

    private mutating func laneSlices(_ lane: Lane) {
        for (i, span) in lane.spans.enumerated() where !span.state.isFinal {
            let start = boundary(Int(span.startStep), startsActive: span.state.isActive)
            let nextActive = i + 1 < lane.spans.count && lane.spans[i + 1].state.isActive
            let end = boundary(Int(span.endStep), startsActive: nextActive)
            // A task made ready and run within one instant has nothing to draw.
            if end <= start && !span.state.isActive { continue }
            let name: String
            switch span.state {
            case .running: name = "run"
            case .suspended: name = "await " + (words.awaitedOrNil(timeline.trace.events[Int(span.event)]) ?? "")
            default: name = span.state.name
            }
            add(slice(name, cat: span.state.name, tid: tid(lane.task), from: start, to: end,
                      args: [("t", "\(span.startTime)"), ("step", "\(span.startStep)")]))
        }
    }

    private mutating func loopSlices() {
        for k in steps.indices where loopRunner[k] < 0 && !threadOf(k) {
            if steps[k].kind == .clockJump && k > 0 {
                add(slice("idle", cat: "idle", tid: 0, from: pos(k - 1) + Self.stepWidth, to: pos(k),
                          args: [("t", "\(steps[k - 1].time)")]))
            }
            add(slice(timeline.headline(ofStep: k), cat: "loop", tid: 0, from: pos(k),
                      to: pos(k) + Self.stepWidth, args: [("t", "\(steps[k].time)"), ("step", "\(k)")]))
        }
    }

    /// Where the step that made a task ready ran: its thread, its task's run, or the loop.
    private func wakerTid(_ k: Int) -> Int {
        if threadOf(k) { return tid(steps[k].task) }
        return loopRunner[k] >= 0 ? tid(loopRunner[k]) : 0
    }

    private mutating func flows() {
        var id = 0
        for lane in timeline.lanes {
            for (i, span) in lane.spans.enumerated() where span.state == .ready {
                guard i + 1 < lane.spans.count, lane.spans[i + 1].state == .running else { continue }
                let k = timeline.step(containingEvent: Int(span.event))
                let target = Int(lane.spans[i + 1].startStep)
                id += 1
                let reason = words.wakeOrNil(timeline.trace.events[Int(span.event)]) ?? "ready"
                let common: [(String, String)] = [("pid", "1"), ("name", JSONText.string("wake: " + reason)),
                                                  ("cat", "\"wake\""), ("id", "\(id)")]
                add([("ph", "\"s\"")] + common + [("tid", "\(wakerTid(k))"),
                                                  ("ts", JSONText.microseconds(pos(k) + Self.stepWidth / 2))])
                add([("ph", "\"f\""), ("bp", "\"e\"")] + common
                    + [("tid", "\(tid(lane.task))"), ("ts", JSONText.microseconds(pos(target) + Self.stepWidth / 2))])
            }
        }
    }

    private mutating func instants() {
        for k in steps.indices where steps[k].kind == .printed {
            let e = timeline.trace.events[Int(steps[k].event)]
            add([("ph", "\"i\""), ("s", "\"t\""), ("pid", "1"), ("tid", "\(tid(e.task))"),
                 ("name", "\"print\""), ("cat", "\"output\""),
                 ("ts", JSONText.microseconds(pos(k) + Self.stepWidth / 2)),
                 ("args", JSONText.object([("text", JSONText.string(words.text(of: e) ?? "")),
                                           ("t", "\(steps[k].time)")]))])
        }
    }

    /// The ready queue's length after each step, whenever it changes.
    private mutating func counter() {
        let trace = timeline.trace
        var length = 0
        var shown = -1
        var next = 0
        for k in steps.indices {
            let end = k + 1 < steps.count ? Int(steps[k + 1].event) : trace.events.count
            while next < end {
                let e = trace.events[next]
                switch e.kind {
                case .scheduled, .callbackQueued, .timerFired: length += 1
                case .callbackRan: length -= 1
                case .started, .resumed:
                    if !(e.task >= 0 && Int(e.task) < isThread.count && isThread[Int(e.task)]) { length -= 1 }
                default: break
                }
                next += 1
            }
            if length != shown {
                shown = length
                add([("ph", "\"C\""), ("pid", "1"), ("tid", "0"), ("name", "\"ready queue\""),
                     ("ts", JSONText.microseconds(pos(k))),
                     ("args", JSONText.object([("entries", "\(max(0, length))")]))])
            }
        }
    }
}

extension TraceWords {
    func awaitedOrNil(_ e: TraceEvent) -> String? { e.kind == .suspended ? awaited(e) : nil }
    func wakeOrNil(_ e: TraceEvent) -> String? { e.kind == .scheduled ? wake(e) : nil }
}
