import Foundation
import Testing

/// `.py` programs on the command line, recorded on CPython: outputs, messages, exit codes.
/// Needs python3 (3.11+); the tests that check what happens without one do not.
@Suite(.timeLimit(.minutes(30)), .serialized, .enabled(if: CLIPython.path != nil,
                             "python3 (3.11 or newer) is not installed: install it (apt-get install python3) to run these checks; CI does."))
struct PythonCLITests {
    static let program = """
        import asyncio, sys

        async def ticker(name, delay):
            await asyncio.sleep(delay)
            print(name, "at", delay)

        async def main():
            print("args:", sys.argv[1:])
            print("to stderr", file=sys.stderr)
            await asyncio.gather(ticker("slow", 1.5), ticker("fast", 0.5))

        asyncio.run(main())

        """

    @Test func runPrintsTheProgramsOutputThenTheSummary() throws {
        let path = try CLIRunner.temporaryFile("tick.py", contents: Self.program)
        let r = try CLIRunner.run(["run", path, "--", "one", "two words"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["args: ['one', 'two words']", "fast at 0.5", "slow at 1.5"])
        #expect(lines.last?.hasPrefix("-- \(path): 3 tasks,") == true, "\(lines)")
        #expect(lines.last?.hasSuffix(", 1.5 s virtual") == true)
        #expect(r.stderr == "to stderr\n")
    }

    @Test func recordWritesAPythonTraceThatValidatesAndIsTheSameEveryRun() throws {
        let path = try CLIRunner.temporaryFile("tick.py", contents: Self.program)
        let out = try CLIRunner.temporaryFile("tick.jsonl", contents: "")
        let r = try CLIRunner.run(["record", path, "-o", out, "--", "a"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix(#"{"format":"loopscope-trace","version":2,"#))
        #expect(text.contains(#""language":"python""#) && text.contains(#""clock":"virtual""#))
        #expect(text.contains(#""text":"args: ['a']""#))
        #expect(text.contains(#""text":"import asyncio, sys\n"#), "the program's source is embedded")
        let val = try CLIRunner.run(["validate", out])
        #expect(val.status == 0, "\(val.stderr)")
        let again = try CLIRunner.run(["record", path, "--", "a"])
        #expect(again.stdout == text, "the same program gives the same trace")
        let explained = try CLIRunner.run(["explain", path, "--width", "100"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("Task-1"))
    }

    @Test func aSyntaxErrorIsPythonsMessageExitTwoAndNothingRecorded() throws {
        let path = try CLIRunner.temporaryFile("broken.py", contents: "import asyncio\nasync def main(:\n    pass\n")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(getpid()).jsonl").path
        let r = try CLIRunner.run(["record", path, "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.py\", line 2"), "\(r.stderr)")
        #expect(r.stderr.contains("SyntaxError"))
        #expect(r.stderr.contains("nothing was recorded"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(r.stdout.isEmpty)
        let run = try CLIRunner.run(["run", path])
        #expect(run.status == 2 && run.stdout.isEmpty)
    }

    @Test func anImportErrorAtTheTopIsExitTwo() throws {
        let path = try CLIRunner.temporaryFile("imports.py", contents: "import asyncio\nimport no_such_module_here\n")
        let r = try CLIRunner.run(["export", path, "--format", "text"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("imports.py\", line 2"), "\(r.stderr)")
        #expect(r.stderr.contains("ModuleNotFoundError: No module named 'no_such_module_here'"))
        #expect(r.stdout.isEmpty)
    }

    @Test func anExceptionEscapingMainStillGivesATraceThatExports() throws {
        let source = """
            import asyncio

            async def main():
                print("before")
                await asyncio.sleep(1)
                raise ValueError("boom")

            asyncio.run(main())

            """
        let path = try CLIRunner.temporaryFile("boom.py", contents: source)
        let run = try CLIRunner.run(["run", path])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("before\n"))
        #expect(run.stderr.contains("Traceback (most recent call last):"), "\(run.stderr)")
        #expect(run.stderr.contains("ValueError: boom"))
        let out = try CLIRunner.temporaryFile("boom.jsonl", contents: "")
        let rec = try CLIRunner.run(["record", path, "-o", out])
        #expect(rec.status == 0)
        #expect(rec.stderr.contains("ValueError: boom"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains(#""outcome":"exception""#))
        let exported = try CLIRunner.run(["export", out, "--format", "text"])
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("Task-1"))
    }

    @Test func stdinIsEndOfFileUnlessAskedFor() throws {
        let source = "import sys\nprint(repr(sys.stdin.read()))\n"
        let path = try CLIRunner.temporaryFile("reads.py", contents: source)
        let closed = try CLIRunner.run(["run", "--quiet", path], input: "typed\n")
        #expect(closed.stdout == "''\n", "\(closed.stderr)")
        let open = try CLIRunner.run(["run", "--quiet", "--stdin", path], input: "typed\n")
        #expect(open.stdout == "'typed\\n'\n", "\(open.stderr)")
    }

    @Test func theRealClockIsRecordedAsSuch() throws {
        let source = "import asyncio\nasync def main():\n    await asyncio.sleep(0.05)\n    print('done')\nasyncio.run(main())\n"
        let path = try CLIRunner.temporaryFile("real.py", contents: source)
        let r = try CLIRunner.run(["record", path, "--clock", "real"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""clock":"real""#))
        let run = try CLIRunner.run(["run", path, "--clock", "real"])
        #expect(run.stdout.contains(" s wall clock"), "\(run.stdout)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/root/.pyenv/versions/3.10.13/bin/python3")))
    func pythonOlderThan311IsRefusedByName() throws {
        let path = try CLIRunner.temporaryFile("ok.py", contents: "print('hi')\n")
        let r = try CLIRunner.run(["run", "--python", "/root/.pyenv/versions/3.10.13/bin/python3", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Python 3.10.13"), "\(r.stderr)")
        #expect(r.stderr.contains("3.11 or newer"))
        #expect(r.stderr.contains("apt-get install python3"))
        #expect(r.stdout.isEmpty)
    }

    @Test func aDemosPythonOriginalIsChosenWithLang() throws {
        let r = try CLIRunner.run(["export", "seed001-sleep2-foo-sleep1", "--lang", "python", "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("```python"))
        #expect(r.stdout.contains("asyncio.create_task(foo('text'))"))
        let run = try CLIRunner.run(["run", "--quiet", "seed001-sleep2-foo-sleep1", "--lang", "python"])
        #expect(run.stdout == "shav\ntext\nfinished\n")
        let swift = try CLIRunner.run(["export", "seed001-sleep2-foo-sleep1", "--format", "markdown"])
        #expect(swift.stdout.contains("```swift") && !swift.stdout.contains("```python"))
        let argsForDemo = try CLIRunner.run(["run", "seed004-hello-world", "--", "x"])
        #expect(argsForDemo.status == 2 && argsForDemo.stderr.contains("arguments after -- are for a .py program"))
    }
}

/// What happens without a usable interpreter (these need none).
@Suite(.timeLimit(.minutes(30)), .serialized) struct PythonMissingCLITests {
    @Test func aMissingProgramOrInterpreterIsExitTwoWithWhatToDo() throws {
        let missing = try CLIRunner.run(["explain", "no/such/program.py"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot find the Python program no/such/program.py"))
        let path = try CLIRunner.temporaryFile("ok.py", contents: "print('hi')\n")
        let noPython = try CLIRunner.run(["run", "--python", "/nonexistent/python3", path])
        #expect(noPython.status == 2)
        #expect(noPython.stderr.contains("cannot run '/nonexistent/python3'"))
        #expect(noPython.stderr.contains("apt-get install python3"))
        let fromEnvironment = try CLIRunner.run(["run", path], environment: ["LOOPSCOPE_PYTHON": "/nonexistent/py"])
        #expect(fromEnvironment.status == 2 && fromEnvironment.stderr.contains("'/nonexistent/py'"))
        let noPath = try CLIRunner.run(["run", path], environment: ["PATH": "/nonexistent"], removing: ["LOOPSCOPE_PYTHON"])
        #expect(noPath.status == 2 && noPath.stderr.contains("cannot run 'python3'"))
        #expect(noPath.stderr.contains("apt-get install python3"))
    }
}

/// python3 on PATH, as loopscope would find it by default.
enum CLIPython {
    static let path: String? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
