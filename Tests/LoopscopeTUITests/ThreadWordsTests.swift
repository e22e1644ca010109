import Foundation
import LoopscopeDemos
import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The lanes pane at 80×24: its legend names every glyph the lanes draw, no end marker is
/// lost on a squeezed axis, and a program made of threads is told in thread words.
@Suite struct LaneLegendTests {
    static let size = TerminalSize(width: 80, height: 24)

    /// The glyphs drawn in the lanes (lane rows and the loop row, right of the labels), and
    /// the legend row's text.
    static func lanesAndLegend(_ state: AppState) -> (glyphs: Set<Character>, legend: String) {
        let grid = view(state)
        let main = state.layout.main
        let axisX = main.x + Layout.laneLabelWidth(totalWidth: main.width) + 1
        var glyphs = Set<Character>()
        for y in (main.y + 2)..<(main.maxY - 1) {
            for x in axisX..<main.maxX where grid[x, y].character != " " { glyphs.insert(grid[x, y].character) }
        }
        return (glyphs, grid.row(main.maxY - 1))
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func theLegendNamesEveryGlyphOnScreen(_ id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: Self.size)
        for step in timeline.steps.indices {
            if step > 0 { state = reduce(state, .stepForward) }
            let (glyphs, legend) = Self.lanesAndLegend(state)
            for g in glyphs {
                #expect(legend.contains(g), "\(id) step \(step + 1): '\(g)' is drawn but not in the legend \(legend)")
            }
        }
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func noEndMarkerIsLostAt80Columns(_ id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        let state = AppState(timeline: timeline, options: PlayerOptions(startStep: timeline.steps.count - 1),
                             size: Self.size)
        let grid = view(state)
        let main = state.layout.main
        let axisX = main.x + Layout.laneLabelWidth(totalWidth: main.width) + 1
        let look = LaneGlyphs.unicode
        for (i, lane) in state.visibleLanes.prefix(state.layout.laneRows).enumerated() {
            guard let end = lane.spans.last?.state, end.isFinal else { continue }
            let row = String(grid.row(main.y + 2 + i).dropFirst(axisX))
            #expect(row.contains(look.glyph(end)), "\(id): \(timeline.laneTitle(lane)) ended \(end.name) but shows \(row)")
        }
    }
}

/// A program of threads has no event loop: no loop row, no ready queue, no awaits; its
/// threads start, sleep, block, join and finish, and a sleep in a thread is not drawn as
/// blocking anything.
@Suite struct ThreadWordsTests {
    static let size = TerminalSize(width: 80, height: 24)

    /// Text with its code spans (`…`) taken out: the quoted source may say `await`.
    static func prose(_ s: String) -> String {
        s.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined()
    }

    static func threadTraces() throws -> [(String, Trace)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("LoopscopeDemosTests/Reference")
        return [("swift", try #require(DemoCatalog.named("seed004-jobs-threads")).record().trace),
                ("python", try CPythonReference(case: "seed004_1_jobs_threads", in: folder).trace)]
    }

    @Test func everyStepOfTheThreadDemoSpeaksThread() throws {
        for (lang, trace) in try Self.threadTraces() {
            let timeline = Timeline(trace: trace)
            #expect(timeline.loopless, "\(lang): a program of threads")
            var state = AppState(timeline: timeline, options: PlayerOptions(), size: Self.size)
            let blocking = Character(LaneGlyphs.unicode.glyph(LaneMark.blocking))
            for step in timeline.steps.indices {
                if step > 0 { state = reduce(state, .stepForward) }
                let at = "\(lang) step \(step + 1)"
                let text = Self.prose(view(state).text())
                for word in ["event loop", "ready", "Ready queue", "timers", "awaits", "runner creates", "creates task"] {
                    #expect(!text.contains(word), "\(at): says '\(word)'")
                }
                #expect(!Self.lanesAndLegend(state).glyphs.contains(blocking), "\(at): a thread's sleep is drawn as blocking")
                let headline = timeline.headline(ofStep: step)
                #expect(!headline.contains("await"), "\(at): \(headline)")
            }
            let said = (0..<timeline.steps.count).map { timeline.headline(ofStep: $0) }
            #expect(said.contains { $0.hasPrefix("MainThread starts the program") }, "\(lang)")
            #expect(said.contains { $0.contains(" sleeps ") }, "\(lang)")
            #expect(said.contains { $0.hasPrefix("MainThread joins Thread-") }, "\(lang)")
            #expect(said.contains { $0.hasSuffix(" finishes") }, "\(lang)")
            // explain and the handout tell the same steps in the same words.
            for format in [ExportFormat.breakdown, .markdown] {
                let told = Self.prose(try Exporter.render(trace, format: format, options: ExportOptions(width: 100)))
                #expect(!told.contains("Ready queue") && !told.contains("awaits"), "\(lang) \(format)")
                #expect(told.contains("joins Thread-"), "\(lang) \(format)")
            }
        }
    }

    static func lanesAndLegend(_ state: AppState) -> (glyphs: Set<Character>, legend: String) {
        LaneLegendTests.lanesAndLegend(state)
    }
}
