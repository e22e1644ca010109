import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

@Suite("Step headlines")
struct HeadlineTests {
    let fetch = Timeline(trace: fetchURLTrace())

    @Test func fetchURLHeadlines() {
        #expect(fetch.headline(ofStep: 0) == "runner creates task Task-1 main() at main.swift:35")
        #expect(fetch.headline(ofStep: 1) == "Task-1 starts")
        #expect(fetch.headline(ofStep: 2) == "Task-1 creates task Task-2 fetch_url(\"A (long)\", 3) at main.swift:18")
        // Printed text is cut to 40 columns, ellipsis included.
        #expect(fetch.headline(ofStep: 4) == "Task-1 prints '[Main]: Tasks A & B scheduled. My own s…'")
        #expect(fetch.headline(ofStep: 4, quoteWidth: 10) == "Task-1 prints '[Main]: T…'")
        #expect(fetch.headline(ofStep: 5) == "Task-1 awaits Task-2 at main.swift:26")
        #expect(fetch.headline(ofStep: 7) == "Task-2 awaits sleep until 3 at main.swift:11")
        #expect(fetch.headline(ofStep: 10) == "clock jumps 0 → 1")
        #expect(fetch.headline(ofStep: 10, ascii: true) == "clock jumps 0 -> 1")
        #expect(fetch.headline(ofStep: 12) == "Task-3 returns ''Data from B (short)''")
        #expect(fetch.headline(ofStep: 18) == "main returns; runner cancels 0 pending tasks")
        #expect(fetch.headline(ofStep: 19).hasPrefix("program prints 'Output from main"))
        #expect(fetch.headline(ofStep: 20) == "run ends ok")
    }

    @Test func cancellationHeadlines() {
        let t = Timeline(trace: createTaskNoAwaitTrace())
        #expect(t.headline(ofStep: 9) == "main returns; runner cancels 1 pending task")
        #expect(t.headline(ofStep: 10) == "runner cancels Task-2")
        #expect(t.headline(ofStep: 11) == "Task-2 resumes with CancelledError at main.swift:13")
        #expect(t.headline(ofStep: 12) == "Task-2 is cancelled")
    }

    @Test func traceStringsAreSanitized() {
        var s = TraceScript()
        let main = s.spawn("Task-1\u{1B}[31m", "main()")
        s.started(main)
        s.printed(main, "red \u{1B}[31mtext\u{07}")
        let t = Timeline(trace: s.trace)
        #expect(t.headline(ofStep: 1) == "Task-1␛[31m starts")
        #expect(t.headline(ofStep: 2, ascii: true) == "Task-1^[[31m prints 'red ^[[31mtext^G'")
        #expect(!t.laneTitle(t.lanes[0]).unicodeScalars.contains { $0.value == 0x1B })
    }
}
