import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Markdown handouts of a trace whose every field carries HTML, links and backtick runs:
/// nothing becomes markup (before, `<script>`, `<img onerror>`, `</blockquote><iframe>` and
/// `[x](javascript:…)` went straight through, and code spans broke on backticks).
@Suite struct MarkdownInjectionTests {
    static let jsonl: String = {
        var trace = SleepingTaskTrace()
        trace.program = #"{"id":"md","title":"<script>alert(1)</script> `x` # not a heading","origin":"<img src=x onerror=alert(1)>","note":"</blockquote><iframe src=//evil></iframe> [x](javascript:alert(1)) ![i](http://x/p.png) **b** _i_","claims":[{"article":"<img src=x onerror=alert(2)> | cell","actual":"`code` ``` [y](javascript:z)"}]}"#
        trace.files = [
            #"{"file":0,"path":"demos/we`ird``.swift","text":"func main() async throws {\n    try await sleep(1) // ``` and ` and ````\n    print(\"<b>done</b>\")\n}\n"}"#,
            #"{"file":1,"path":"demos/Other.swift","text":"// a second file, so paths are shown\n"}"#,
        ]
        trace.name = "Task-1 <b>*bold*</b> _u_ [l](javascript:q)"
        trace.label = "main() ``` ` <i>"
        trace.wake = "<u>wake</u>"
        trace.printed = "<script>x</script> ``` [p](javascript:p) </blockquote>"
        trace.result = "<img src=y onerror=z>"
        return trace.jsonl
    }()

    static func handout(width: Int = 80) throws -> String {
        let trace = try TraceJSONL.decode(Self.jsonl, sourceName: "md.jsonl")
        #expect(trace.validate().isEmpty)
        return try Exporter.render(trace, format: .markdown, options: ExportOptions(width: width))
    }

    /// The text a Markdown reader treats as prose: outside fenced blocks, with code spans
    /// taken out (a code span shows its text literally). Fails on a code span left open.
    static func prose(_ markdown: String) -> [String] {
        var out: [String] = []
        var fence: String?
        var openSpan: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let run = String(line.prefix { $0 == "`" })
            if let f = fence {
                if run.count >= f.count && line.allSatisfy({ $0 == "`" }) { fence = nil }
                continue
            }
            if run.count >= 3 && openSpan == nil { fence = run; continue }
            var kept = ""
            var chars = Array(line)
            var i = 0
            while i < chars.count {
                if chars[i] == "\\" && i + 1 < chars.count { kept += String(chars[i...i + 1]); i += 2; continue }
                if chars[i] == "`" {
                    var n = 0
                    while i + n < chars.count && chars[i + n] == "`" { n += 1 }
                    if openSpan == nil { openSpan = n } else if openSpan == n { openSpan = nil }
                    i += n
                    continue
                }
                if openSpan == nil { kept.append(chars[i]) }
                i += 1
            }
            chars = []
            out.append(kept)
        }
        #expect(fence == nil, "a fence is left open")
        return out
    }

    @Test(arguments: [80, 40, 200])
    func nothingFromTheTraceBecomesMarkup(width: Int) throws {
        let md = try Self.handout(width: width)
        for line in Self.prose(md) {
            #expect(!line.contains("<"), "raw HTML in prose: \(line)")
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\[", with: "")
                .replacingOccurrences(of: "\\]", with: "").replacingOccurrences(of: "\\`", with: "")
            #expect(!unescaped.contains("["), "a link could start: \(line)")
            #expect(!unescaped.contains("`"), "a stray backtick: \(line)")
            let sections = ["## What the article says, and what CPython does", "## Source", "## Output",
                            "## Step by step", "## Timeline", "## Sequence diagram"]
            #expect(!line.hasPrefix("#") || md.hasPrefix(line + "\n") || sections.contains(line),
                    "a heading from the trace: \(line)")
        }
        #expect(md.hasPrefix("# &lt;script&gt;alert(1)&lt;/script&gt; \\`x\\` \\# not a heading\n"))
        #expect(md.contains("&lt;/blockquote&gt;&lt;iframe"))
        #expect(md.contains("\\[x\\](javascript:alert(1))"))
    }

    @Test func codeSpansOutlastTheBackticksInside() throws {
        let md = try Self.handout(width: 200)
        // The source line holds runs of 3, 1 and 4 backticks: its code span needs 5.
        #expect(md.contains("````` try await sleep(1) // ``` and ` and ```` `````"), "\(md)")
        // The path ends in a backtick run of two: a fence of three, padded with spaces.
        #expect(md.contains("``` demos/we`ird``.swift ```"))
    }

    @Test func markdownTextEscapesAndFences() {
        #expect(MarkdownProbe.escape("a_b _c_ *d* <e> & [f](g) | # ~") == "a_b \\_c\\_ \\*d\\* &lt;e&gt; &amp; \\[f\\](g) \\| \\# \\~")
        #expect(MarkdownProbe.codeSpan("x") == "`x`")
        #expect(MarkdownProbe.codeSpan("a `b`") == "`` a `b` ``")
        #expect(MarkdownProbe.codeSpan("a ``b`` c") == "``` a ``b`` c ```")
        #expect(MarkdownProbe.codeSpan("```") == "```` ``` ````")
    }
}
