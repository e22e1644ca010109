import LoopscopeTimeline
import LoopscopeTrace

/// Builds predict-mode questions from the timeline, deterministically.
///
/// - Before a task starts or resumes: the choices are the distinct tasks in the ready queue,
///   front first (at most nine). No question when only one task is ready: there is nothing
///   to predict.
/// - Before a line is printed: the right line and up to three others the program prints
///   (the nearest distinct lines after it, then before it), ordered by a fixed hash of the
///   text and step, so the right answer's position varies yet every run asks the same.
///   No question when the program prints only one distinct line.
enum QuestionMaker {
    static func question(for step: Int, in timeline: Timeline, ascii: Bool) -> Question? {
        guard step > 0, step < timeline.steps.count else { return nil }
        let s = timeline.steps[step]
        let event = timeline.trace.events[Int(s.event)]
        switch s.kind {
        case .started, .resumed:
            guard timeline.trace.task(s.task)?.kind == .task else { return nil }
            return nextTask(step: step, task: s.task, timeline: timeline, ascii: ascii)
        case .printed:
            return nextOutput(step: step, event: event, timeline: timeline, ascii: ascii)
        default:
            return nil
        }
    }

    private static func nextTask(step: Int, task: Int32, timeline: Timeline, ascii: Bool) -> Question? {
        let before = timeline.state(atStep: step - 1)
        var tasks: [Int32] = []
        for entry in before.readyQueue where entry.kind == .taskStep && entry.task >= 0 {
            if !tasks.contains(entry.task) { tasks.append(entry.task) }
            if tasks.count == 9 { break }
        }
        guard tasks.count >= 2, let answer = tasks.firstIndex(of: task) else { return nil }
        let choices = tasks.map { id -> String in
            let name = timeline.taskName(id, ascii: ascii)
            let label = timeline.trace.task(id).map { Sanitizer.line($0.label, ascii: ascii) } ?? ""
            return label.isEmpty ? name : "\(name) \(label)"
        }
        return Question(kind: .nextTask, step: step, text: "Which task runs next?",
                        choices: choices, answer: answer)
    }

    private static func nextOutput(step: Int, event: TraceEvent, timeline: Timeline,
                                   ascii: Bool) -> Question? {
        guard let raw = timeline.trace.text(of: event) else { return nil }
        let right = Sanitizer.line(raw, ascii: ascii)
        let output = timeline.output
        // Where this line sits in the output.
        var lo = 0, hi = output.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(output[mid].step) < step { lo = mid + 1 } else { hi = mid }
        }
        var others: [String] = []
        func consider(_ i: Int) {
            let e = timeline.trace.events[Int(output[i].event)]
            guard let t = timeline.trace.text(of: e) else { return }
            let line = Sanitizer.line(t, ascii: ascii)
            if line != right && !others.contains(line) { others.append(line) }
        }
        let scanLimit = 200
        var i = lo + 1
        while others.count < 3 && i < output.count && i <= lo + scanLimit { consider(i); i += 1 }
        i = lo - 1
        while others.count < 3 && i >= 0 && i >= lo - scanLimit { consider(i); i -= 1 }
        guard !others.isEmpty else { return nil }
        let lines = ([right] + others).sorted { a, b in
            let (ha, hb) = (stableHash(a, step), stableHash(b, step))
            return ha != hb ? ha < hb : a < b
        }
        return Question(kind: .nextOutput, step: step, text: "What is printed next?",
                        choices: lines, answer: lines.firstIndex(of: right)!)
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
