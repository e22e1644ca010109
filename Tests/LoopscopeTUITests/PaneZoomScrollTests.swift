import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The output pane wraps, scrolls and follows the step; `c` chooses a pane and `z` zooms it
/// to the full screen.
@Suite struct PaneZoomScrollTests {
    static let countdown = Timeline(trace: DemoCatalog.named("seed002-countdown")!.record().trace)

    func last(_ timeline: Timeline, size: TerminalSize = .minimum) -> AppState {
        AppState(timeline: timeline, options: PlayerOptions(startStep: timeline.steps.count - 1), size: size)
    }

    /// The output pane's rows below its title, trailing blanks dropped.
    func outputRows(_ s: AppState) -> [String] {
        let grid = view(s)
        let rect = s.layout.output
        return (rect.y + 1..<rect.maxY).map { y in
            var line = ""
            for x in rect.x..<rect.maxX where !grid[x, y].isContinuation { line.append(grid[x, y].character) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    @Test func outputFollowsTheStepAndScrollsBackToTheStart() throws {
        var s = last(Self.countdown)
        let count = s.loop.outputCount
        let trace = Self.countdown.trace
        func printed(_ i: Int) -> String { trace.text(of: trace.events[Int(Self.countdown.output[i].event)]) ?? "" }
        try #require(count > outputRows(s).count, "the demo prints more lines than the pane has rows")
        #expect(outputRows(s).last(where: { !$0.isEmpty })?.contains(printed(count - 1)) == true,
                "following the step: the newest line at the bottom")
        #expect(!outputRows(s).contains { $0.contains(printed(0)) })
        for _ in 0..<count { s = reduce(s, .scrollOutput(-1)) }
        #expect(s.outputScroll > 0)
        #expect(outputRows(s).first?.contains(printed(0)) == true, "scrolled to the top: the first line shows")
        #expect(view(s).row(s.layout.output.y).contains("up"), "the title says the pane is scrolled")
        let top = s.outputScroll
        s = reduce(s, .scrollOutput(-5))
        #expect(s.outputScroll == top, "no scrolling past the first line")
        s = reduce(s, .scrollOutput(1))
        #expect(s.outputScroll == top - 1)
        s = reduce(s, .stepBack)
        #expect(s.outputScroll == 0, "a new step follows the output again")
    }

    @Test func longPrintedLinesWrapWithAMark() throws {
        let fetch = Timeline(trace: DemoCatalog.named("seed000-fetch-url")!.record().trace)
        let s = last(fetch)
        let rows = outputRows(s)
        let start = try #require(rows.firstIndex { $0.contains("[Main]: Tasks A & B scheduled. My") })
        #expect(rows[start + 1].hasPrefix(" ↪ "))
        let joined = rows[start...].prefix { $0 == rows[start] || $0.hasPrefix(" ↪ ") }
            .map { $0.hasPrefix(" ↪ ") ? String($0.dropFirst(3)) : String($0.dropFirst()) }.joined(separator: " ")
        #expect(joined == "[Main]: Tasks A & B scheduled. My own synchronous code continues UNTIL the first 'await'.")
    }

    @Test func keysScrollTheOutputWhenItIsChosen() {
        var s = last(Self.countdown)
        #expect(KeyMap.action(for: .key(.char("[")), in: s) == .scrollOutput(-1))
        #expect(KeyMap.action(for: .key(.char("]")), in: s) == .scrollOutput(1))
        #expect(KeyMap.action(for: .key(.up), in: s) == .selectPrevious)
        while s.focus != .output { s = reduce(s, .cycleFocus) }
        #expect(KeyMap.action(for: .key(.up), in: s) == .scrollOutput(-1))
        #expect(KeyMap.action(for: .key(.down), in: s) == .scrollOutput(1))
        s = reduce(s, .scrollPage(-1))
        #expect(s.outputScroll > 0, "PgUp scrolls the chosen output pane")
        let rect = s.layout.output
        #expect(view(s)[rect.x, rect.y].character == "›", "the chosen pane's title starts with the pointer")
    }

    @Test func zoomFillsTheScreenWithTheChosenPaneAndEscReturns() {
        var s = last(Self.countdown)
        #expect(KeyMap.action(for: .key(.char("z")), in: s) == .zoomPane)
        #expect(KeyMap.action(for: .key(.char(">")), in: s) == .zoomIn)
        #expect(KeyMap.action(for: .key(.char("<")), in: s) == .zoomOut)
        s = reduce(s, .zoomPane)
        #expect(s.zoomedPane == .main)
        #expect(s.layout.main == Rect(x: 0, y: 1, width: 80, height: 22))
        var text = view(s).text()
        #expect(text.contains("Lanes"))
        #expect(!text.contains("Source") && !text.contains("Output"))
        s = reduce(s, .zoomPane)
        #expect(s.zoomedPane == nil)
        while s.focus != .output { s = reduce(s, .cycleFocus) }
        s = reduce(s, .zoomPane)
        #expect(s.zoomedPane == .output)
        text = view(s).text()
        #expect(view(s).row(1).contains("Output"))
        #expect(!text.contains("Lanes") && !text.contains("Loop"))
        // Zoomed, the output pane has 21 rows: the countdown's whole output shows.
        let rows = outputRows(s).filter { !$0.isEmpty }
        #expect(rows.count == s.loop.outputCount)
        #expect(KeyMap.action(for: .key(.escape), in: s) == .dismiss)
        s = reduce(s, .dismiss)
        #expect(s.zoomedPane == nil)
        #expect(view(s).text().contains("Source"))
    }

    @Test func everyPaneZoomsAtEverySizeWithFullWidthRows() {
        var s = last(Self.countdown, size: TerminalSize(width: 100, height: 30))
        for pane in PaneKind.allCases {
            while s.focus != pane { s = reduce(s, .cycleFocus) }
            s = reduce(s, .zoomPane)
            #expect(s.layout.rect(of: pane) == Rect(x: 0, y: 1, width: 100, height: 28))
            let grid = view(s)
            for y in 0..<grid.height { #expect(grid.columns(ofRow: y) == 100) }
            s = reduce(s, .zoomPane)
        }
    }
}
