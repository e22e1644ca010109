import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Every line of the terminal formats fits the width asked for, and a width too small is a
/// clear error.
@Suite struct ExportWidthTests {
    static let fitted: [ExportFormat] = [.text, .unicode, .sequence, .breakdown]

    @Test(arguments: fitted)
    func linesFitEveryWidth(_ format: ExportFormat) throws {
        for (name, trace) in HandBuiltTraces.all {
            for width in 40...200 {
                for ascii in [true, false] {
                    let text = try Exporter.render(trace, format: format,
                                                   options: ExportOptions(width: width, ascii: ascii))
                    for line in text.split(separator: "\n") {
                        let columns = TextWidth.columns(line)
                        #expect(columns <= width, "\(name) \(format) at \(width): \(columns) columns: \(line)")
                    }
                }
            }
        }
    }

    @Test func asciiSequenceAndBreakdownAreSevenBit() throws {
        for (name, trace) in HandBuiltTraces.all {
            for format in [ExportFormat.sequence, .breakdown] {
                let text = try Exporter.render(trace, format: format, options: ExportOptions(width: 80))
                #expect(text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "\(name) \(format)")
            }
        }
    }

    @Test func noEscapeCharacterReachesAnyFormat() throws {
        for format in ExportFormat.allCases where format != .jsonl {
            for ascii in [true, false] {
                let text = try Exporter.render(HandBuiltTraces.crowd, format: format,
                                               options: ExportOptions(width: 80, ascii: ascii))
                #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 },
                        "\(format) lets a control character through")
            }
        }
    }

    @Test func sequenceTooNarrowNamesTheMinimum() throws {
        let trace = HandBuiltTraces.fetchURL
        let minimum = SequenceDiagram.minimumWidth(for: trace)
        #expect(throws: ExportError.widthTooSmall(format: .sequence, width: minimum - 1, minimum: minimum)) {
            try Exporter.render(trace, format: .sequence, options: ExportOptions(width: minimum - 1))
        }
        _ = try Exporter.render(trace, format: .sequence, options: ExportOptions(width: minimum))
        let error = ExportError.widthTooSmall(format: .sequence, width: 30, minimum: minimum)
        #expect(error.description.hasPrefix(
            "width 30 is too small for the sequence diagram: it needs at least \(minimum) columns"))
    }

    @Test func breakdownTooNarrowNamesTheMinimum() {
        #expect(throws: ExportError.widthTooSmall(format: .breakdown, width: 20, minimum: Breakdown.minimumWidth)) {
            try Exporter.render(HandBuiltTraces.fetchURL, format: .breakdown, options: ExportOptions(width: 20))
        }
    }

    @Test func sequenceSplitsIntoPagesWhenParticipantsDoNotFit() throws {
        let wide = try Exporter.render(HandBuiltTraces.crowd, format: .sequence, options: ExportOptions(width: 200))
        let narrow = try Exporter.render(HandBuiltTraces.crowd, format: .sequence, options: ExportOptions(width: 60))
        #expect(!wide.contains("Page 1 of"))
        #expect(narrow.contains("Page 1 of 4"))
        // 55 columns after the time margin hold 4 participants: the loop and 3 of 10 lanes.
        // Every task heads a column on some page.
        for name in ["Task-1", "Task-9", "worker-thread"] {
            #expect(narrow.split(separator: "\n").contains { $0.hasPrefix("time ") && $0.contains(name) },
                    "\(name) has no column")
        }
    }

    @Test func outputIsDeterministic() throws {
        for format in ExportFormat.allCases {
            let a = try Exporter.render(HandBuiltTraces.crowd, format: format, options: ExportOptions(width: 90))
            let b = try Exporter.render(HandBuiltTraces.crowd, format: format, options: ExportOptions(width: 90))
            #expect(a == b, "\(format)")
        }
    }

    @Test func jsonlIsTheTraceCodec() throws {
        let trace = HandBuiltTraces.fetchURL
        #expect(try Exporter.render(trace, format: .jsonl, options: ExportOptions()) == TraceJSONL.encode(trace))
    }
}
