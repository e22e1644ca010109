import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// The handout's "Step by step" section is the breakdown without its "Control flow: …" title
/// (the handout has its own heading), however many lines that title would wrap onto.
@Suite struct HandoutBreakdownTitleTests {
    static let title = "Zanzibar quokka walks the long way round the event loop while every wombat waits"
        + " patiently for its turn"

    static func trace() throws -> Trace {
        var script = SleepingTaskTrace()
        script.program = #"{"id":"long","title":"\#(title)","origin":"","note":"","claims":[]}"#
        return try TraceJSONL.decode(script.jsonl, sourceName: "long.jsonl")
    }

    @Test(arguments: [40, 60, 80])
    func stepByStepStartsWithTheFirstStepWhateverTheTitlesLength(width: Int) throws {
        let options = ExportOptions(width: width)
        let breakdown = try Exporter.render(try Self.trace(), format: .breakdown, options: options)
        let titleRows = breakdown.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }.count
        if width == 40 { #expect(titleRows >= 3, "the plain breakdown's title wraps onto \(titleRows) lines") }
        let handout = try Exporter.render(try Self.trace(), format: .markdown, options: options)
        let lines = handout.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex(of: "## Step by step"))
        let end = try #require(lines.firstIndex(of: "## Timeline"))
        let firstEntry = try #require(lines[heading..<end].firstIndex { $0.drop { $0 == " " }.hasPrefix("1. ") })
        let before = lines[(heading + 1)..<firstEntry]
        let blank = before.allSatisfy { $0.isEmpty }
        #expect(blank, "before step 1: \(Array(before))")
        let leaked = lines[heading..<end].filter { $0.contains("wombat") || $0.contains("Control flow") }
        #expect(leaked.isEmpty, "no piece of the title in Step by step")
    }
}
