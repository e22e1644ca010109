import Foundation
import LoopscopeTrace
import Testing

/// A run too large for a diagram: one clear message, exit 2, and the filters that help.
@Suite(.timeLimit(.minutes(30))) struct ScaleCLITests {
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

    @Test func theLaneChartsOfAThousandTasksTakeFiltersAndSayWhatTheyShow() throws {
        let trace = SyntheticTrace.make(tasks: 1_000, events: 20_000, seed: 3)
        let path = try CLIRunner.temporaryFile("scale-lanes.jsonl", contents: TraceJSONL.encode(trace))
        for format in ["text", "unicode"] {
            let some = try CLIRunner.run(["export", path, "--format", format, "--width", "100",
                                          "--tasks", "Task-3,Task-1", "--from", "100", "--to", "140"])
            #expect(some.status == 0, "\(format): \(some.stderr)")
            let lines = some.stdout.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("Part of the run: steps 100") && $0.contains("; 2 of \(trace.tasks.count) tasks.") })
            #expect(lines.filter { $0.hasPrefix("Task-") }.map { $0.prefix(7) } == ["Task-1 ", "Task-3 "])
            #expect(lines.allSatisfy { $0.count <= 100 })
        }
        let unknown = try CLIRunner.run(["export", path, "--format", "text", "--tasks", "nobody"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no task is named 'nobody'"))
        for format in ["chrome", "jsonl"] {
            let refused = try CLIRunner.run(["export", path, "--format", format, "--from", "100"])
            #expect(refused.status == 2 && refused.stdout.isEmpty)
            #expect(refused.stderr.contains("whole") && refused.stderr.contains("give --tasks, --from and --to to text"))
        }
    }
}
