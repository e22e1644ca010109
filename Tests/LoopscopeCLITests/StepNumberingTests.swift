import Foundation
import Testing

/// One step numbering everywhere: `run`'s summary, `explain`, the Markdown handout, the
/// screen export (the player's status bar) and `--step` count and number the same steps.
@Suite(.timeLimit(.minutes(30)), .serialized) struct StepNumberingTests {
    /// The numbers of a breakdown's entries, in order.
    private func entryNumbers(_ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line -> Int? in
            let s = line.drop { $0 == " " }
            let digits = s.prefix { $0.isNumber }
            guard !digits.isEmpty, s.dropFirst(digits.count).hasPrefix(". ") else { return nil }
            return Int(digits)
        }
    }

    @Test(arguments: ["seed004-task-ordering", "seed000-fetch-url", "seed004-jobs-threads"])
    func everyViewCountsTheSameSteps(demo: String) throws {
        let summary = try CLIRunner.run(["run", demo]).stdout.split(separator: "\n").last.map(String.init) ?? ""
        let explain = try CLIRunner.run(["explain", demo, "--width", "100"])
        #expect(explain.status == 0)
        let numbers = entryNumbers(explain.stdout)
        let count = numbers.count
        #expect(numbers == Array(1...max(1, count)), "explain numbers its entries 1 to \(count)")
        #expect(summary.contains(" \(count) steps,"), "run says \(summary), explain has \(count) entries")
        let first = try CLIRunner.run(["export", demo, "--format", "screen", "--step", "1"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("step 1 of \(count)"), "the player's status bar counts \(count) steps")
        let handout = try CLIRunner.run(["export", demo, "--format", "markdown", "--width", "100"])
        #expect(entryNumbers(handout.stdout) == numbers, "the handout numbers as explain does")
    }

    @Test func handoutStepNineIsThePlayersStepNine() throws {
        let handout = try CLIRunner.run(["export", "seed000-fetch-url", "--format", "markdown", "--width", "200"])
        let entry = try #require(handout.stdout.split(separator: "\n").first { $0.hasPrefix(" 9. ") })
        let screen = try CLIRunner.run(["export", "seed000-fetch-url", "--format", "screen", "--step", "9",
                                        "--width", "200", "--height", "50", "--unicode"])
        #expect(screen.status == 0)
        #expect(screen.stdout.contains("step 9 of 22"))
        // The narration pane tells the same step the handout's entry 9 tells.
        let narration = try #require(screen.stdout.split(separator: "\n").first { $0.contains("─ Step 9: ") })
        #expect(narration.contains("taskB (Task-3) starts"))
        #expect(entry.contains("starts it"), "handout entry 9: \(entry)")
        #expect(entry.contains("Task-3"), "handout entry 9: \(entry)")
    }

    @Test func stepNumbersStartAtOneAndOutOfRangeIsAClearError() throws {
        for args in [["export", "seed000-fetch-url", "--format", "screen", "--step", "0"],
                     ["export", "seed000-fetch-url", "--format", "screen", "--step", "23"]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 2)
            #expect(r.stderr.contains("steps are numbered 1 to 22"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let last = try CLIRunner.run(["export", "seed000-fetch-url", "--format", "screen", "--step", "22"])
        #expect(last.stdout.contains("step 22 of 22"))
        let noStep = try CLIRunner.run(["export", "seed000-fetch-url", "--format", "screen"])
        #expect(noStep.status == 2)
        #expect(noStep.stderr.contains("--step"))
        let small = try CLIRunner.run(["export", "seed000-fetch-url", "--format", "screen", "--step", "2",
                                       "--height", "10"])
        #expect(small.status == 2)
        #expect(small.stderr.contains("at least 80x24"))
    }

    @Test func screenExportIsTheFrameAtThatSizeAndWritesAFile() throws {
        let path = try CLIRunner.temporaryFile("screen.txt", contents: "")
        let r = try CLIRunner.run(["export", "seed004-task-ordering", "--format", "screen", "--step", "10",
                                   "--width", "120", "--height", "40", "-o", path])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(text.contains("step 10 of 30"))
        #expect(text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "ASCII unless --unicode")
    }
}
