import LoopscopeRender
import LoopscopeTrace
import Testing

@Suite struct SequenceDiagramTests {
    @Test(arguments: HandBuiltTraces.all.map(\.name))
    func goldenASCII(name: String) throws {
        let trace = try #require(HandBuiltTraces.all.first { $0.name == name }?.trace)
        let text = try SequenceDiagram.render(trace, options: ExportOptions(width: 80))
        ExportGolden.check(text, "sequence/\(name).txt")
    }

    @Test func goldenUnicode() throws {
        let text = try SequenceDiagram.render(HandBuiltTraces.fetchURL,
                                              options: ExportOptions(width: 80, ascii: false))
        ExportGolden.check(text, "sequence/fetch_url.unicode.txt")
    }
}
