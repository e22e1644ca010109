import Foundation
import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// A crowd of tasks: the breakdown names the front of a long ready queue, the earliest of
/// many timers and the first pending tasks, and says how many more there are.
@Suite struct LongQueueTests {
    /// main creates `count` tasks on one line and returns; each starts and sleeps (the k-th
    /// for k s); the runner then cancels them all.
    static func crowd(_ count: Int) -> Trace {
        var s = TraceScript(id: "crowd", title: "crowd")
        let main = s.spawn("Task-1", "main()", line: 2)
        s.started(main)
        let tasks = (0..<count).map { k in s.spawn("Task-\(k + 2)", "job(\(k))", by: main, line: 3) }
        s.completed(main, "None")
        for (k, t) in tasks.enumerated() {
            s.started(t)
            s.sleeps(t, seconds: Double(k + 1), line: 6)
        }
        s.shutdown(pending: Int64(count))
        s.finished()
        return s.trace
    }

    @Test func aLongQueueShowsItsFrontAndHowManyMore() throws {
        let text = try Exporter.render(Self.crowd(30), format: .breakdown, options: ExportOptions(width: 2000))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let names = (2...11).map { "Task-\($0)" }.joined(separator: ", ")
        #expect(lines.contains("Ready queue: \(names) and 20 more."))
        // After the first worker sleeps: 29 still queued, one timer.
        #expect(lines.contains("Ready queue: " + (3...12).map { "Task-\($0)" }.joined(separator: ", ") + " and 19 more."))
        let timers = (2...11).enumerated().map { "Task-\($1) at \($0 + 1) s" }.joined(separator: ", ")
        #expect(lines.contains("Timers: \(timers) and 20 more."))
        // The shutdown names the pending tasks; each cancel step says where its task waits.
        #expect(text.contains("turns to the 30 tasks still pending, Task-2, Task-3, Task-4,"))
        #expect(text.contains("Task-11 and 20 more, and cancels each in turn."))
        // No sentence names more than a dozen tasks.
        #expect(lines.allSatisfy { $0.components(separatedBy: "Task-").count - 1 <= 12 })
    }

    @Test func twelveAreStillListedInFull() throws {
        let text = try Exporter.render(Self.crowd(12), format: .breakdown, options: ExportOptions(width: 2000))
        let names = (2...13).map { "Task-\($0)" }.joined(separator: ", ")
        #expect(text.contains("Ready queue: \(names)."))
        #expect(!text.contains("more."))
    }

    @Test func narrationShowsTheSameShortLines() {
        let timeline = Timeline(trace: Self.crowd(30))
        let step = timeline.steps.count - 1
        let text = Narration.text(for: step, in: timeline)
        #expect(text.contains("Timers: Task-2 at 1 s, Task-3 at 2 s,"))
        #expect(text.contains("and 20 more."))
    }
}

extension LongQueueTests {
    /// One entry per step (the player's numbering): thirty create_task calls on one line are
    /// thirty entries, each naming its own task.
    @Test func aLongRunOfCreateTaskIsOneEntryPerTask() throws {
        let text = try Exporter.render(Self.crowd(30), format: .breakdown, options: ExportOptions(width: 2000))
        let creates = text.split(separator: "\n").filter { $0.contains("Task-1 wraps job(") }
        #expect(creates.count == 30)
        #expect(creates.first?.hasPrefix(" 3. ") == true)
        #expect(creates.first?.contains("job(0) in Task-2") == true)
        #expect(creates.last?.contains("job(29) in Task-31") == true)
    }
}
