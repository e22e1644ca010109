import LoopscopeDemos
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Golden files of every seed demo in every exporter format at width 80, and the width
/// rule on real runs.
@Suite struct DemoExportTests {
    static let cases: [String] = DemoCatalog.all.flatMap { demo in
        ExportGoldenTests.formats.map { "\(demo.id)/\($0.0.rawValue)" }
    }

    @Test(arguments: cases)
    func golden(_ id: String) throws {
        let parts = id.split(separator: "/").map(String.init)
        let demo = try #require(DemoCatalog.named(parts[0]))
        let (format, ext) = try #require(ExportGoldenTests.formats.first { $0.0.rawValue == parts[1] })
        let text = try Exporter.render(demo.record().trace, format: format, options: ExportOptions(width: 80))
        ExportGolden.check(text, "demos/\(format.rawValue)/\(demo.id).\(ext)")
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func terminalFormatsFitTheWidth(_ id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        for format in ExportWidthTests.fitted {
            for width in [40, 57, 80, 123, 200] {
                let text = try Exporter.render(trace, format: format, options: ExportOptions(width: width))
                for line in text.split(separator: "\n") {
                    #expect(TextWidth.columns(line) <= width, "\(id) \(format) at \(width): \(line)")
                }
            }
        }
    }

    /// Each demo's printed output appears in the breakdown, in order: the narration tells
    /// every print.
    @Test(arguments: DemoCatalog.all.map(\.id))
    func breakdownTellsEveryPrint(_ id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        let text = try Exporter.render(trace, format: .breakdown, options: ExportOptions(width: 1000, ascii: false))
        var rest = Substring(text)
        for line in trace.output {
            let quoted = "\"" + Sanitizer.line(line.text) + "\""
            let found = try #require(rest.range(of: quoted), "\(id): \(quoted) missing or out of order")
            rest = rest[found.upperBound...]
        }
    }
}
