import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Golden files for the exporters' formats at width 80, on the hand-built traces.
@Suite struct ExportGoldenTests {
    /// The formats this suite keeps goldens for, with their file extensions.
    static let formats: [(ExportFormat, String)] = [
        (.sequence, "txt"), (.breakdown, "txt"), (.mermaid, "mmd"), (.chrome, "json"), (.markdown, "md"),
        (.jsonl, "jsonl"),
    ]

    static let cases: [String] = HandBuiltTraces.all.flatMap { trace in
        formats.map { "\(trace.name)/\($0.0.rawValue)" }
    }

    @Test(arguments: cases)
    func golden(_ id: String) throws {
        let parts = id.split(separator: "/")
        let trace = try #require(HandBuiltTraces.all.first { $0.name == parts[0] }?.trace)
        let (format, ext) = try #require(Self.formats.first { $0.0.rawValue == parts[1] })
        let text = try Exporter.render(trace, format: format, options: ExportOptions(width: 80))
        ExportGolden.check(text, "\(format.rawValue)/\(parts[0]).\(ext)")
    }

    @Test func sequenceWithUnicodeGlyphs() throws {
        let text = try Exporter.render(HandBuiltTraces.fetchURL, format: .sequence,
                                       options: ExportOptions(width: 80, ascii: false))
        ExportGolden.check(text, "sequence/fetch_url.unicode.txt")
    }

    @Test func narrationOfEveryStep() throws {
        let timeline = Timeline(trace: HandBuiltTraces.fetchURL)
        var all = ""
        for step in timeline.steps.indices {
            all += "[\(step)] " + Narration.text(for: step, in: timeline, width: 80) + "\n"
        }
        ExportGolden.check(all, "breakdown/fetch_url.steps.txt")
    }
}
