import Foundation
import Testing

/// The command line as a user meets it: outputs, messages and exit codes.
@Suite(.timeLimit(.minutes(30)), .serialized) struct CLITests {
    @Test func executableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CLIRunner.executable.path),
                "build loopscope first (swift build)")
    }

    @Test func runPrintsWhatCPythonPrintsThenASummary() throws {
        let r = try CLIRunner.run(["run", "seed001-sleep2-foo-sleep1"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["shav", "text", "finished"])
        #expect(lines.last?.hasPrefix("-- seed001-sleep2-foo-sleep1: 2 tasks,") == true)
        let quiet = try CLIRunner.run(["run", "--quiet", "seed001-sleep2-foo-sleep1"])
        #expect(quiet.stdout == "shav\ntext\nfinished\n")
    }

    @Test func unknownDemoSuggestsTheClosestIdsAndExitsTwo() throws {
        let r = try CLIRunner.run(["run", "seed004-task-orderin"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown demo 'seed004-task-orderin'"))
        #expect(r.stderr.contains("Did you mean: seed004-task-ordering"))
        #expect(r.stdout.isEmpty)
    }

    @Test func listNamesEveryDemoWithItsSeed() throws {
        let r = try CLIRunner.run(["list"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("seed000-fetch-url"))
        #expect(r.stdout.contains("seed 004"))
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("seed") }
        #expect(rows.count == 23)
        #expect(rows.allSatisfy { $0.contains(" swift python ") }, "each demo lists its Swift port and Python original")
        #expect(r.stdout.contains("--lang python"))
    }

    @Test func recordThenValidateRoundTrips() throws {
        let path = try CLIRunner.temporaryFile("fetch.jsonl", contents: "")
        let rec = try CLIRunner.run(["record", "seed000-fetch-url", "-o", path])
        #expect(rec.status == 0)
        let val = try CLIRunner.run(["validate", path])
        #expect(val.status == 0)
        #expect(val.stdout.contains("ok"))
        let again = try CLIRunner.run(["record", "seed000-fetch-url"])
        #expect(again.stdout == (try String(contentsOfFile: path, encoding: .utf8)), "traces are byte-identical")
    }

    @Test func validateNamesTheVersionTheFileDeclares() throws {
        let v1 = """
            {"format":"loopscope-trace","version":1,"program":{"id":"nap","title":"Nap","origin":"","note":"","claims":[]}}
            {"seq":0,"t":0,"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()"}
            {"seq":1,"t":0,"kind":"scheduled","task":0,"why":"created"}
            {"seq":2,"t":0,"kind":"started","task":0}
            {"seq":3,"t":0,"kind":"completed","task":0,"result":"None"}
            {"seq":4,"t":0,"kind":"finished","outcome":"ok","message":""}

            """
        let old = try CLIRunner.temporaryFile("v1.jsonl", contents: v1)
        let r = try CLIRunner.run(["validate", old])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("format version 1\n"), "\(r.stdout)")
        let path = try CLIRunner.temporaryFile("v2.jsonl", contents: "")
        #expect(try CLIRunner.run(["record", "seed004-hello-world", "-o", path]).status == 0)
        #expect(try CLIRunner.run(["validate", path]).stdout.hasSuffix("format version 2\n"))
    }

    @Test func malformedTraceGetsLineAndColumnAndExitOne() throws {
        let good = try CLIRunner.run(["record", "seed004-hello-world"]).stdout
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] = String(lines[3].dropLast(2))
        let path = try CLIRunner.temporaryFile("broken.jsonl", contents: lines.joined(separator: "\n"))
        let r = try CLIRunner.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):4:"), "names the line: \(r.stderr)")
        let exported = try CLIRunner.run(["export", path, "--format", "text"])
        #expect(exported.status == 1)
    }

    @Test func exportFitsTheWidthAndRefusesTooNarrow() throws {
        let r = try CLIRunner.run(["export", "seed003-say-after", "--format", "sequence", "--width", "100"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let narrow = try CLIRunner.run(["export", "seed003-say-after", "--format", "text", "--width", "10"])
        #expect(narrow.status == 2)
        #expect(narrow.stderr.contains("at least"))
    }

    @Test func exportNeverColoursAPipeUnlessAsked() throws {
        let plain = try CLIRunner.run(["export", "seed003-say-after", "--format", "unicode"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try CLIRunner.run(["export", "seed003-say-after", "--format", "unicode", "--color"])
        #expect(forced.stdout.contains("\u{1B}["))
    }

    @Test func playWithoutATerminalPointsToExportAndExitsTwo() throws {
        let r = try CLIRunner.run(["play", "seed000-fetch-url"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("loopscope export"))
    }
}

@Suite(.timeLimit(.minutes(30))) struct CLIPlayerFlagTests {
    @Test func playAcceptsItsOwnFlags() throws {
        let r = try CLIRunner.run(["play", "seed000-fetch-url", "--predict", "--ascii", "--view", "sequence"])
        #expect(r.status == 2, "refused only because there is no terminal")
        #expect(r.stderr.contains("needs a terminal"))
    }

    @Test func noArgumentsOpensThePickerWhichNeedsATerminal() throws {
        let r = try CLIRunner.run([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("loopscope export"))
    }

    @Test func unknownViewIsAClearError() throws {
        let r = try CLIRunner.run(["play", "seed000-fetch-url", "--view", "sideways"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown view 'sideways'"))
    }

    @Test func unknownThemeIsAClearError() throws {
        for command in [["play", "seed000-fetch-url"], ["pick"]] {
            let r = try CLIRunner.run(command + ["--theme", "neon"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("unknown theme 'neon': choose dark, light, projector"))
        }
    }
}
