import LoopscopeTimeline
import LoopscopeTrace

/// Collects the Trace Event Format events of one timeline, in a fixed order: metadata,
/// lane slices, loop slices, flows, instants, counters. See `ChromeTraceExporter`.
struct ChromeTraceWriter {
    let timeline: Timeline
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

    /// Writes every event to `out` (after `{"traceEvents":[`, separated by `,\n`), handing
    /// them on to `stream` as they are made.
    mutating func write(to stream: ExportStream, _ out: inout [UInt8]) throws(ExportError) {
        var emitter = Emitter(stream: stream)
        swap(&emitter.out, &out)
        defer { swap(&emitter.out, &out) }
        try metadata(&emitter)
        markRunners()
        for lane in timeline.lanes { try laneSlices(lane, &emitter) }
        try loopSlices(&emitter)
        try flows(&emitter)
        try instants(&emitter)
        try counter(&emitter)
    }

    /// The output of `write`: starts each event with its separator, and hands on what has
    /// gathered after each.
    struct Emitter {
        let stream: ExportStream
        var out: [UInt8] = []
        var first = true

        /// Starts an event: its separator, and `head` (`{"ph":…`).
        mutating func open(_ head: StaticString) {
            if first { first = false } else { out.raw(",\n") }
            out.raw(head)
        }

        /// Starts an event: `{"ph":"<ph>","pid":1,"tid":<tid>`.
        mutating func begin(_ ph: StaticString, tid: Int) {
            open("{\"ph\":\"")
            out.raw(ph)
            out.raw("\",\"pid\":1,\"tid\":")
            out.jsonInt(tid)
        }

        /// Ends an event with `end` and hands on the output when a chunk has gathered.
        mutating func end(_ end: StaticString) throws(ExportError) {
            out.raw(end)
            try stream.spill(&out)
        }
    }

    private func metadata(_ e: inout Emitter) throws(ExportError) {
        let title = words.clean(timeline.trace.program.title)
        e.begin("M", tid: 0)
        e.out.raw(",\"name\":\"process_name\",\"args\":{\"name\":")
        e.out.jsonString("loopscope: " + title)
        try e.end("}}")
        e.begin("M", tid: 0)
        try e.end(",\"name\":\"thread_name\",\"args\":{\"name\":\"event loop\"}}")
        e.begin("M", tid: 0)
        try e.end(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":0}}")
        for (i, lane) in timeline.lanes.enumerated() {
            e.begin("M", tid: tid(lane.task))
            e.out.raw(",\"name\":\"thread_name\",\"args\":{\"name\":")
            e.out.jsonString(timeline.laneTitle(lane))
            try e.end("}}")
            e.begin("M", tid: tid(lane.task))
            e.out.raw(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":")
            e.out.jsonInt(i + 1)
            try e.end("}}")
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

    /// An `X` slice up to its `args`: `…,"name":…,"cat":…,"ts":…,"dur":…,"args":{"t":<t>`;
    /// the caller adds any other args and ends it.
    private func slice(_ e: inout Emitter, _ name: String, cat: String, tid: Int, from: Int64, to: Int64,
                       t: Int64) {
        e.begin("X", tid: tid)
        e.out.raw(",\"name\":")
        e.out.jsonString(name)
        e.out.raw(",\"cat\":")
        e.out.jsonString(cat)
        e.out.raw(",\"ts\":")
        e.out.jsonMicroseconds(from)
        e.out.raw(",\"dur\":")
        e.out.jsonMicroseconds(max(0, to - from))
        e.out.raw(",\"args\":{\"t\":")
        e.out.jsonSeconds(t)
    }

    private func laneSlices(_ lane: Lane, _ e: inout Emitter) throws(ExportError) {
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
            slice(&e, name, cat: span.state.name, tid: tid(lane.task), from: start, to: end,
                  t: span.startTime.nanoseconds)
            e.out.raw(",\"step\":")
            e.out.jsonInt(Int(span.startStep))
            try e.end("}}")
        }
    }

    private func loopSlices(_ e: inout Emitter) throws(ExportError) {
        for k in steps.indices where loopRunner[k] < 0 && !threadOf(k) {
            if steps[k].kind == .clockJump && k > 0 {
                slice(&e, "idle", cat: "idle", tid: 0, from: pos(k - 1) + Self.stepWidth, to: pos(k),
                      t: steps[k - 1].time.nanoseconds)
                try e.end("}}")
            }
            slice(&e, timeline.headline(ofStep: k), cat: "loop", tid: 0, from: pos(k),
                  to: pos(k) + Self.stepWidth, t: steps[k].time.nanoseconds)
            e.out.raw(",\"step\":")
            e.out.jsonInt(k)
            try e.end("}}")
        }
    }

    /// Where the step that made a task ready ran: its thread, its task's run, or the loop.
    private func wakerTid(_ k: Int) -> Int {
        if threadOf(k) { return tid(steps[k].task) }
        return loopRunner[k] >= 0 ? tid(loopRunner[k]) : 0
    }

    private func flows(_ e: inout Emitter) throws(ExportError) {
        var id = 0
        for lane in timeline.lanes {
            for (i, span) in lane.spans.enumerated() where span.state == .ready {
                guard i + 1 < lane.spans.count, lane.spans[i + 1].state == .running else { continue }
                let k = timeline.step(containingEvent: Int(span.event))
                let target = Int(lane.spans[i + 1].startStep)
                id += 1
                let reason = words.wakeOrNil(timeline.trace.events[Int(span.event)]) ?? "ready"
                var name: [UInt8] = []
                name.jsonString("wake: " + reason)
                e.open("{\"ph\":\"s\",\"pid\":1")
                flowFields(&e, name: name, id: id, tid: wakerTid(k), ts: pos(k) + Self.stepWidth / 2)
                try e.end("}")
                e.open("{\"ph\":\"f\",\"bp\":\"e\",\"pid\":1")
                flowFields(&e, name: name, id: id, tid: tid(lane.task), ts: pos(target) + Self.stepWidth / 2)
                try e.end("}")
            }
        }
    }

    /// A flow point's fields after `ph`: `"pid":1,"name":…,"cat":"wake","id":…,"tid":…,"ts":…`
    /// (`f` has `"bp":"e"` before them).
    private func flowFields(_ e: inout Emitter, name: [UInt8], id: Int, tid: Int, ts: Int64) {
        e.out.raw(",\"name\":")
        e.out += name
        e.out.raw(",\"cat\":\"wake\",\"id\":")
        e.out.jsonInt(id)
        e.out.raw(",\"tid\":")
        e.out.jsonInt(tid)
        e.out.raw(",\"ts\":")
        e.out.jsonMicroseconds(ts)
    }

    private func instants(_ e: inout Emitter) throws(ExportError) {
        for k in steps.indices where steps[k].kind == .printed {
            let event = timeline.trace.events[Int(steps[k].event)]
            e.open("{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":")
            e.out.jsonInt(tid(event.task))
            e.out.raw(",\"name\":\"print\",\"cat\":\"output\",\"ts\":")
            e.out.jsonMicroseconds(pos(k) + Self.stepWidth / 2)
            e.out.raw(",\"args\":{\"text\":")
            e.out.jsonString(words.text(of: event) ?? "")
            e.out.raw(",\"t\":")
            e.out.jsonSeconds(steps[k].time.nanoseconds)
            try e.end("}}")
        }
    }

    /// The ready queue's length after each step, whenever it changes.
    private func counter(_ e: inout Emitter) throws(ExportError) {
        let trace = timeline.trace
        var length = 0
        var shown = -1
        var next = 0
        for k in steps.indices {
            let end = k + 1 < steps.count ? Int(steps[k + 1].event) : trace.events.count
            while next < end {
                let event = trace.events[next]
                switch event.kind {
                case .scheduled, .callbackQueued, .timerFired: length += 1
                case .callbackRan: length -= 1
                case .started, .resumed:
                    if !(event.task >= 0 && Int(event.task) < isThread.count && isThread[Int(event.task)]) { length -= 1 }
                default: break
                }
                next += 1
            }
            if length != shown {
                shown = length
                e.begin("C", tid: 0)
                e.out.raw(",\"name\":\"ready queue\",\"ts\":")
                e.out.jsonMicroseconds(pos(k))
                e.out.raw(",\"args\":{\"entries\":")
                e.out.jsonInt(max(0, length))
                try e.end("}}")
            }
        }
    }
}

extension TraceWords {
    func awaitedOrNil(_ e: TraceEvent) -> String? { e.kind == .suspended ? awaited(e) : nil }
    func wakeOrNil(_ e: TraceEvent) -> String? { e.kind == .scheduled ? wake(e) : nil }
}
