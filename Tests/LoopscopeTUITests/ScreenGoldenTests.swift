import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Whole screens of hand-built traces at 80×24 and 120×40.
@Suite struct ScreenGoldenTests {
    static let small = TerminalSize(width: 80, height: 24)
    static let large = TerminalSize(width: 120, height: 40)

    func state(_ trace: Trace, size: TerminalSize, step: Int = 0, ascii: Bool = false,
               options: PlayerOptions = PlayerOptions()) -> AppState {
        var o = options
        o.ascii = ascii
        o.startStep = step
        return AppState(timeline: Timeline(trace: trace), options: o, size: size)
    }

    @Test func fetchFirstMiddleLast() throws {
        let trace = HandTraces.fetch
        let last = Timeline(trace: trace).steps.count - 1
        for (size, tag) in [(Self.small, "80x24"), (Self.large, "120x40")] {
            Golden.check(view(state(trace, size: size, step: 0)), "fetch/first-\(tag)")
            Golden.check(view(state(trace, size: size, step: 7)), "fetch/step8-\(tag)", styles: tag == "80x24")
            Golden.check(view(state(trace, size: size, step: last)), "fetch/last-\(tag)")
        }
    }

    @Test func fetchASCII() throws {
        Golden.check(view(state(HandTraces.fetch, size: Self.small, step: 7, ascii: true)), "fetch/step8-ascii-80x24")
    }

    @Test func workersWithEscapes() throws {
        let trace = HandTraces.workers
        let s = state(trace, size: Self.small, step: 9)
        let grid = view(s)
        for y in 0..<grid.height {
            #expect(!grid.row(y).contains("\u{1B}"), "row \(y) carries an escape character")
            #expect(!grid.row(y).contains("\u{07}"), "row \(y) carries a bell")
        }
        Golden.check(grid, "workers/step10-80x24")
        let last = Timeline(trace: trace).steps.count - 1
        Golden.check(view(state(trace, size: Self.large, step: last)), "workers/last-120x40")
    }

    @Test func views() throws {
        var s = state(HandTraces.fetch, size: Self.small, step: 8)
        s = reduce(s, .setView(.sequence))
        Golden.check(view(s), "fetch/sequence-80x24")
        s = reduce(s, .setView(.breakdown))
        Golden.check(view(s), "fetch/breakdown-80x24")
    }

    @Test func overlays() throws {
        var s = state(HandTraces.fetch, size: Self.small, step: 3)
        s = reduce(s, .toggleHelp)
        Golden.check(view(s), "fetch/help-80x24")
        s = reduce(s, .dismiss)
        s = reduce(s, .openGoTo)
        s = reduce(s, .promptInput("1"))
        s = reduce(s, .promptInput("."))
        s = reduce(s, .promptInput("5"))
        Golden.check(view(s), "fetch/goto-80x24")
    }

    @Test func crowdScrolledAndZoomed() throws {
        var s = state(HandTraces.crowd(30), size: Self.small, step: 140)
        for _ in 0..<12 { s = reduce(s, .selectNext) }
        s = reduce(s, .zoomIn)
        Golden.check(view(s), "crowd/selected13-zoom2-80x24")
        s = reduce(s, .toggleFinished)
        Golden.check(view(s), "crowd/finished-hidden-80x24")
    }

    @Test func tooSmall() throws {
        let s = state(HandTraces.fetch, size: TerminalSize(width: 60, height: 20))
        let text = view(s).text()
        #expect(text.contains("terminal too small"))
        #expect(text.contains("need 80×24, have 60×20"))
    }
}
