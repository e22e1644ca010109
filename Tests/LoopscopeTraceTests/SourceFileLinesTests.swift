import Testing
import LoopscopeTrace

/// A source file's lines: "\n", "\r\n" and a lone "\r" each end a line (as CPython's and
/// Swift's compilers count them), and no line keeps a "\r".
@Suite("Source file lines")
struct SourceFileLinesTests {
    private func lines(_ text: String) -> [String] {
        SourceFile(path: "p.py", text: text).lines.map(String.init)
    }

    @Test func everyLineEndingEndsALine() {
        #expect(lines("a\nb\n") == ["a", "b", ""])
        #expect(lines("a\r\nb\r\n") == ["a", "b", ""])
        #expect(lines("a\rb\r") == ["a", "b", ""])
        #expect(lines("a\rb\r\n\nc") == ["a", "b", "", "c"])
        #expect(lines("a\r\r\nb") == ["a", "", "b"])
        #expect(lines("\r\n") == ["", ""])
        #expect(lines("") == [""])
        #expect(lines("no ending") == ["no ending"])
    }

    @Test func noLineKeepsACarriageReturn() {
        for text in ["x = 1\r\ny = 2\r\n", "x = 1\ry = 2\r", "x\u{301}\r\n\r\ny"] {
            for line in lines(text) {
                #expect(!line.unicodeScalars.contains("\r") && !line.unicodeScalars.contains("\n"), "\(line.debugDescription)")
            }
        }
    }

    @Test func aSitesLineIsTheLineItNamesWhateverTheEndings() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["import asyncio", "", "async def main():", "    await asyncio.sleep(1)", ""]
                .joined(separator: ending)
            let trace = Trace(program: ProgramInfo(id: "p", title: "p"),
                              files: [SourceFile(path: "p.py", text: text)],
                              sites: [SourceSite(file: 0, line: 4), SourceSite(file: 0, line: 6)])
            #expect(trace.sourceLine(0) == "await asyncio.sleep(1)", "ending \(ending.debugDescription)")
            #expect(trace.sourceLine(1) == nil, "ending \(ending.debugDescription): the file has five lines")
        }
    }
}
