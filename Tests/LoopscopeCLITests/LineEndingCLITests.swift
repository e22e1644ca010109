import Foundation
import Testing
import LoopscopeTrace

/// Python programs saved with Windows ("\r\n") or old Mac ("\r") line endings: the line
/// loopscope shows for each recorded site is the line CPython ran there.
@Suite(.timeLimit(.minutes(30)), .serialized, .enabled(if: CLIPython.path != nil,
                             "python3 (3.11 or newer) is not installed: install it (apt-get install python3) to run these checks; CI does."))
struct LineEndingCLITests {
    static let program = [
        "import asyncio",
        "",
        "async def work(n):",
        "    await asyncio.sleep(n)",
        "    print(\"done\", n)",
        "",
        "async def main():",
        "    t = asyncio.create_task(work(1))",
        "    await t",
        "",
        "asyncio.run(main())",
        "",
    ]

    /// The file's lines as CPython reads source: universal newlines.
    private func cpythonLines(of path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIPython.path!)
        process.arguments = ["-c", "import json, sys; print(json.dumps(open(sys.argv[1], newline=None).read().split('\\n')))", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String])
    }

    @Test(arguments: [("crlf", "\r\n"), ("cr", "\r"), ("mixed", "\r")])
    func theLineShownForEachSiteIsTheLineCPythonRan(name: String, ending: String) throws {
        var text = Self.program.joined(separator: ending)
        if name == "mixed" { text = text.replacingOccurrences(of: "\r\r", with: "\r\n\n") }
        let path = try CLIRunner.temporaryFile("\(name).py", contents: text)
        let out = try CLIRunner.temporaryFile("\(name).jsonl", contents: "")
        let r = try CLIRunner.run(["record", path, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let trace = try TraceJSONL.decode(Array(try Data(contentsOf: URL(fileURLWithPath: out))), sourceName: out)
        let truth = try cpythonLines(of: path)
        #expect(truth.count == Self.program.count, "CPython reads \(Self.program.count) lines")
        let sites = trace.sites.indices.filter { trace.sites[$0].file == 0 }
        #expect(sites.count >= 3, "the program's awaits and task are recorded at sites")
        for id in sites {
            let n = Int(trace.sites[id].line)
            #expect(trace.sourceLine(Int32(id)) == truth[n - 1].trimmingCharacters(in: .whitespaces),
                    "site \(id): line \(n)")
        }
        let explained = try CLIRunner.run(["explain", path, "--width", "200"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("`await asyncio.sleep(n)`"), "\(explained.stdout)")
        #expect(!explained.stdout.contains("\r") && !explained.stdout.contains("␍"))
        let handout = try CLIRunner.run(["export", path, "--format", "markdown"])
        #expect(handout.status == 0, "\(handout.stderr)")
        #expect(handout.stdout.contains("\n    await asyncio.sleep(n)\n"), "the handout's source has one line per line")
        #expect(!handout.stdout.contains("\r") && !handout.stdout.contains("␍"))
    }
}
