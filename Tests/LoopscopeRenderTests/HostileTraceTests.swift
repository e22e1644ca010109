import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Traces with times at the ends of the 64-bit range: every export format renders them
/// (before, a sleep deadline of Int64.min trapped in the breakdown, the sequence diagram,
/// Mermaid, Chrome and Markdown, and an event at Int64.max trapped in the Chrome export).
@Suite struct HostileTraceTests {
    @Test(arguments: HostileTraces.all.map(\.name))
    func everyFormatRendersExtremeTimes(_ name: String) throws {
        let text = try #require(HostileTraces.all.first { $0.name == name }?.text)
        let trace = try HostileTraces.decode(text)
        for format in ExportFormat.allCases {
            for ascii in [true, false] {
                let out = try Exporter.render(trace, format: format, options: ExportOptions(width: 100, ascii: ascii))
                #expect(!out.isEmpty, "\(name) \(format)")
            }
        }
    }

    @Test func theValidatorAcceptsTheExtremesButNotNegativeOrBackwardTime() throws {
        #expect(try HostileTraces.decode(HostileTraces.sleepUntilMin).validate().isEmpty)
        #expect(try HostileTraces.decode(HostileTraces.endAtMax).validate().isEmpty)
        #expect(!(try HostileTraces.decode(HostileTraces.minToMax).validate().isEmpty))
        #expect(!(try HostileTraces.decode(HostileTraces.maxToMin).validate().isEmpty))
    }

    @Test func theBreakdownSaysSomethingSensibleAboutAPastDeadline() throws {
        let trace = try HostileTraces.decode(HostileTraces.sleepUntilMin)
        let out = try Exporter.render(trace, format: .breakdown, options: ExportOptions(width: 200))
        #expect(out.contains("-9223372036.854775808"), "the deadline is quoted as written:\n\(out)")
    }
}
