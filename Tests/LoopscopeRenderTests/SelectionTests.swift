import Foundation
import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// `--tasks`, `--from`, `--to` and the limit on how many lifelines a diagram draws.
@Suite struct SelectionTests {
    @Test func tooManyTasksForADiagramIsRefusedWithWhatToDo() {
        let trace = LongQueueTests.crowd(SequenceDiagram.maxTasks + 5)
        for format in [ExportFormat.sequence, .mermaid] {
            #expect(throws: ExportError.tooLarge(format: format, tasks: SequenceDiagram.maxTasks + 6,
                                                 limit: SequenceDiagram.maxTasks)) {
                try Exporter.render(trace, format: format, options: ExportOptions(width: 200))
            }
        }
        let message = ExportError.tooLarge(format: .mermaid, tasks: 10_000, limit: 200).description
        #expect(message.contains("10,000 task lifelines") && message.contains("--tasks") && message.contains("--from"))
    }

    @Test func someTasksOfALargeRunAreDrawn() throws {
        let trace = LongQueueTests.crowd(SequenceDiagram.maxTasks + 5)
        let options = ExportOptions(width: 120, selection: ExportSelection(tasks: ["Task-2", "4"]))
        let text = try Exporter.render(trace, format: .sequence, options: options)
        let header = text.split(separator: "\n")[0]
        #expect(header.contains("loop") && header.contains("Task-2") && header.contains("Task-5"))
        #expect(!header.contains("Task-1 ") && !header.contains("Task-3"))
        // main (not drawn) creating Task-2 becomes a note on Task-2's lifeline.
        #expect(text.contains("<- create from Task-1"))
        let mermaid = try Exporter.render(trace, format: .mermaid, options: options)
        let participants = mermaid.split(separator: "\n").filter { $0.contains("participant") }
        #expect(participants == ["    participant L as event loop", "    participant T2 as Task-2 job(0)",
                                 "    participant T5 as Task-5 job(3)"])
    }

    @Test func aStretchOfStepsDrawsOnlyItsTasks() throws {
        let trace = LongQueueTests.crowd(SequenceDiagram.maxTasks + 5)
        let timeline = Timeline(trace: trace)
        // The steps where Task-2 and Task-3 start and sleep.
        let first = timeline.steps.firstIndex { $0.kind == .started && $0.task == 1 }! + 1
        let options = ExportOptions(width: 120, selection: ExportSelection(from: first, to: first + 3))
        let text = try Exporter.render(trace, format: .sequence, options: options)
        let header = text.split(separator: "\n")[0]
        #expect(header.contains("Task-2") && header.contains("Task-3") && !header.contains("Task-4"))
        #expect(text.split(separator: "\n").filter { $0.contains("start") }.count == 2)
        let breakdown = try Exporter.render(trace, format: .breakdown, options: options)
        let numbered = breakdown.split(separator: "\n").compactMap { line -> Int? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard let dot = t.firstIndex(of: "."), let n = Int(t[..<dot]) else { return nil }
            return n
        }
        // Entries keep their numbers from the whole run.
        #expect(!numbered.isEmpty && numbered.allSatisfy { $0 > 2 })
    }

    @Test func theWholeRunIsUnchangedByAnEmptySelection() throws {
        let trace = LongQueueTests.crowd(8)
        let timeline = Timeline(trace: trace)
        for format in [ExportFormat.sequence, .mermaid, .breakdown] {
            let whole = try Exporter.render(trace, format: format, options: ExportOptions(width: 100))
            let all = ExportSelection(tasks: trace.tasks.indices.map { "\($0)" }, from: 1, to: timeline.steps.count)
            let selected = try Exporter.render(trace, format: format, options: ExportOptions(width: 100, selection: all))
            #expect(whole == selected, "\(format)")
        }
    }

    @Test func aNameNoTaskHasOrAnEmptyStretchIsAnError() {
        let trace = LongQueueTests.crowd(3)
        #expect(throws: ExportError.self) {
            try Exporter.render(trace, format: .sequence,
                                options: ExportOptions(selection: ExportSelection(tasks: ["Task-99"])))
        }
        #expect(throws: ExportError.self) {
            try Exporter.render(trace, format: .breakdown,
                                options: ExportOptions(selection: ExportSelection(from: 50, to: 10)))
        }
        // Formats that always show the whole run say so rather than ignore the request.
        #expect(throws: ExportError.self) {
            try Exporter.render(trace, format: .chrome,
                                options: ExportOptions(selection: ExportSelection(tasks: ["Task-2"])))
        }
    }

    @Test func aHandoutOfALargeRunLeavesTheDiagramOutAndSaysWhy() throws {
        let trace = LongQueueTests.crowd(SequenceDiagram.maxTasks + 5)
        let md = try Exporter.render(trace, format: .markdown, options: ExportOptions(width: 100))
        #expect(md.contains("Left out: the diagram would have 206 task lifelines"))
    }
}
