import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeRender

@Suite("Lane charts")
struct LanesRendererTests {
    static let traces: [(String, Trace)] = [
        ("fetch_url", fetchURLTrace()),
        ("create_task_no_await", createTaskNoAwaitTrace()),
        ("mixed", mixedTrace()),
    ]

    @Test(arguments: traces.map(\.0))
    func goldenCharts(name: String) throws {
        let trace = try #require(Self.traces.first { $0.0 == name }?.1)
        let timeline = Timeline(trace: trace)
        LanesGolden.check(try LaneRenderer.text(timeline, LaneOptions(width: 80)), named: "\(name).text80.txt")
        LanesGolden.check(try LaneRenderer.text(timeline, LaneOptions(width: 120)), named: "\(name).text120.txt")
        LanesGolden.check(try LaneRenderer.unicode(timeline, LaneOptions(width: 80)), named: "\(name).unicode80.txt")
    }

    @Test func colourIsOptInAndKeepsTheGlyphs() throws {
        let timeline = Timeline(trace: fetchURLTrace())
        let plain = try LaneRenderer.unicode(timeline, LaneOptions(width: 80))
        let coloured = try LaneRenderer.unicode(timeline, LaneOptions(width: 80, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[32m"))
        #expect(stripANSI(coloured) == plain)
        LanesGolden.check(coloured, named: "fetch_url.unicode80.color.txt")
    }

    @Test(arguments: traces.map(\.0))
    func noLineIsWiderThanAsked(name: String) throws {
        let trace = try #require(Self.traces.first { $0.0 == name }?.1)
        let timeline = Timeline(trace: trace)
        for width in 40...200 {
            for chart in [try LaneRenderer.text(timeline, LaneOptions(width: width)),
                          try LaneRenderer.unicode(timeline, LaneOptions(width: width, color: true))] {
                for line in chart.split(separator: "\n") {
                    #expect(TextWidth.columns(stripANSI(String(line))) <= width, "width \(width): \(line)")
                }
            }
        }
    }

    @Test func textIsSevenBitASCII() throws {
        for (_, trace) in Self.traces {
            let chart = try LaneRenderer.text(Timeline(trace: trace), LaneOptions(width: 90))
            #expect(chart.unicodeScalars.allSatisfy { $0.value < 0x7F && ($0.value >= 0x20 || $0 == "\n") })
        }
    }

    @Test func tooNarrowNamesTheMinimum() {
        let timeline = Timeline(trace: fetchURLTrace())
        #expect(throws: ExportError.widthTooSmall(format: .text, width: 10, minimum: LaneRenderer.minimumWidth)) {
            try LaneRenderer.text(timeline, LaneOptions(width: 10))
        }
        #expect(throws: ExportError.widthTooSmall(format: .unicode, width: 23, minimum: 24)) {
            try LaneRenderer.unicode(timeline, LaneOptions(width: 23))
        }
    }

    @Test func everyStateHasItsOwnGlyph() {
        for glyphs in [LaneGlyphs.ascii, .unicode] {
            #expect(Set(glyphs.marks).count == LaneMark.allCases.count)
            #expect(glyphs.marks.allSatisfy { TextWidth.columns($0) == 1 })
        }
    }

    @Test func canvasShowsStepOrderAtTimeZero() {
        let timeline = Timeline(trace: fetchURLTrace())
        let axis = TimeAxis(timeline: timeline, width: 60)
        let canvas = LaneCanvas(timeline: timeline, axis: axis)
        // Step 6: Task-2 starts while main is parked and Task-3 waits in the queue.
        let c = axis.column(ofStep: 6)
        #expect([canvas[row: 0, column: c], canvas[row: 1, column: c], canvas[row: 2, column: c]]
            == [.suspended, .running, .ready])
        // Task-3 ended at step 12: one end mark, then blank.
        let end = axis.column(ofStep: 12)
        #expect(canvas[row: 2, column: end] == .done)
        #expect(canvas[row: 2, column: end + axis.stepWidth] == .empty)
        // Before its creation (step 3) Task-3 has no cells.
        #expect(canvas[row: 2, column: axis.column(ofStep: 3) - 1] == .empty)
        let window = LaneCanvas(timeline: timeline, axis: axis, columns: c..<(c + 5))
        #expect(window.width == 5 && window[row: 1, column: c] == .running)
    }

    @Test func hostileNamesAreSanitized() throws {
        let chart = try LaneRenderer.unicode(Timeline(trace: mixedTrace()), LaneOptions(width: 80))
        #expect(!chart.unicodeScalars.contains { $0.value == 0x1B })
    }
}

/// Removes ANSI SGR sequences (`ESC [ … m`).
func stripANSI(_ s: String) -> String {
    var out = ""
    var inEscape = false
    for scalar in s.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
        } else if scalar == "\u{1B}" {
            inEscape = true
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
