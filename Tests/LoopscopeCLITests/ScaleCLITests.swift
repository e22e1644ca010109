import Foundation
import LoopscopeTrace
import Testing

/// A run too large for a diagram: one clear message, exit 2, and the filters that help.
@Suite(.timeLimit(.minutes(5))) struct ScaleCLITests {
    @Test func aDiagramOfThousandsOfTasksIsRefusedAndFiltersMakeOne() throws {
        let trace = SyntheticTrace.make(tasks: 1_000, events: 20_000, seed: 3)
        let path = try CLIRunner.temporaryFile("scale.jsonl", contents: TraceJSONL.encode(trace))
        for format in ["mermaid", "sequence"] {
            let refused = try CLIRunner.run(["export", path, "--format", format, "--width", "120"])
            #expect(refused.status == 2, "\(format)")
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.contains("task lifelines, more than the 200") && refused.stderr.contains("--tasks"))
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        let some = try CLIRunner.run(["export", path, "--format", "mermaid", "--tasks", "Task-1,Task-3"])
        #expect(some.status == 0)
        #expect(some.stdout.split(separator: "\n").filter { $0.contains("participant") }.count == 3)
        let window = try CLIRunner.run(["export", path, "--format", "sequence", "--width", "120",
                                        "--from", "100", "--to", "140"])
        #expect(window.status == 0)
        #expect(!window.stdout.isEmpty)
        let explain = try CLIRunner.run(["explain", path, "--width", "100", "--from", "10", "--to", "12"])
        #expect(explain.status == 0)
        // Steps 10 to 12 are a few entries of the breakdown, not the whole run.
        let entries = explain.stdout.split(separator: "\n").filter { $0.range(of: #"^ *[0-9]+\. "#, options: .regularExpression) != nil }
        #expect((1...3).contains(entries.count))
        let unknown = try CLIRunner.run(["export", path, "--format", "sequence", "--tasks", "nobody"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no task is named 'nobody'"))
    }
}
