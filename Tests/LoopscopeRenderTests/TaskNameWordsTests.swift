import Foundation
import LoopscopeDemos
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Where the program binds a task to a name, the narration, the handout and the sequence
/// diagram's header say `t2 (Task-4)`, not `Task-4` alone.
@Suite struct TaskNameWordsTests {
    let timeline: Timeline

    init() throws {
        timeline = Timeline(trace: try #require(DemoCatalog.named("seed004-task-ordering")).record().trace)
    }

    @Test func narrationSaysTheBoundName() {
        let told = timeline.steps.indices.map { Narration.text(for: $0, in: timeline) }
        let awaitT2 = told.first { $0.contains("t2.value()") && $0.contains("already finished") }
        #expect(awaitT2?.contains("t2 (Task-4)") == true, "\(awaitT2 ?? "no step awaits t2")")
        #expect(!told.contains { $0.range(of: #"(?<!\()Task-4"#, options: .regularExpression) != nil },
                "Task-4 is named without t2")
        let handout = try? Exporter.render(timeline.trace, format: .markdown, options: ExportOptions(width: 80))
        #expect(handout?.contains("t2 (Task-4)") == true)
    }

    @Test func sequenceHeaderSaysTheBoundName() throws {
        let text = try SequenceDiagram.render(timeline.trace, options: ExportOptions(width: 80, ascii: true))
        let header = text.split(separator: "\n").first { $0.hasPrefix("time") } ?? ""
        for name in ["t1 (Task-2)", "t3 (Task-3)", "t2 (Task-4)"] {
            #expect(header.contains(name), "header: \(header)")
        }
    }

    @Test func headlinesSayTheBoundName() {
        let lines = timeline.steps.indices.map { timeline.headline(ofStep: $0) }
        #expect(lines.contains("t2 (Task-4) starts"))
    }
}
