import Foundation
import LoopscopeTestSupport
import Testing

/// The hidden commands the fuzzer drives: they run every reader and say what they found.
@Suite(.timeLimit(.minutes(30)), .serialized) struct FuzzEntryTests {
    @Test func checkReadersSaysOkRejectedOrProblemPerFile() throws {
        let good = try CLIRunner.temporaryFile("good.jsonl", contents: try CLIRunner.run(["record", "seed000-fetch-url"]).stdout)
        let hostile = try CLIRunner.temporaryFile("hostile.jsonl", contents: HostileTraces.sleepUntilMin)
        let backwards = try CLIRunner.temporaryFile("backwards.jsonl", contents: HostileTraces.maxToMin)
        let broken = try CLIRunner.temporaryFile("broken.jsonl", contents: "{\"format\":\"loopscope-trace\",\"version\":1\n")
        let r = try CLIRunner.run(["check-readers", "--frames", "2", good, hostile, backwards, broken])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(lines == ["ok", "ok", "ok", "rejected"], "\(r.stdout)")
    }

    /// The fuzzer passes a mutant's index as `--screen-index`: the first file gets that
    /// size (of 40×12, 80×24, 97×31, 203×61, in turn), the next files the sizes after it.
    @Test func checkReadersTakesTheScreenSizeFromTheIndexGiven() throws {
        let good = try CLIRunner.temporaryFile("sized.jsonl", contents: try CLIRunner.run(["record", "seed000-fetch-url"]).stdout)
        let r = try CLIRunner.run(["check-readers", "--frames", "2", "--screen-index", "7", good, good, good])
        #expect(r.status == 0, "\(r.stderr)")
        let sizes = r.stdout.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(sizes == ["203×61", "40×12", "80×24"], "\(r.stdout)")
        let first = try CLIRunner.run(["check-readers", "--frames", "2", good])
        #expect(first.stdout.hasSuffix("frames at 40×12\n"), "\(first.stdout)")
    }

    @Test func framesDrawsEveryViewAndChecksTheWidths() throws {
        let r = try CLIRunner.run(["frames", "seed004-jobs-threads", "--frames", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("frames drawn, every row [40, 80, 97, 203] columns wide"), "\(r.stdout)")
        let help = try CLIRunner.run(["--help"])
        #expect(!help.stdout.contains("check-readers") && !help.stdout.contains("frames"), "hidden from help")
    }
}
