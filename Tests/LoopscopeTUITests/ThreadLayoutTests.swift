import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTUI
import Testing

/// A program of threads has no event loop and so no loop row: the row goes to the lanes
/// (before, a blank row stood where the loop row would be). A program with a loop keeps it.
@Suite struct ThreadLayoutTests {
    static let size = TerminalSize(width: 80, height: 24)

    @Test func theThreadDemoFillsEveryRowBetweenRulerAndLegendWithLanes() throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named("seed004-jobs-threads")).record().trace)
        #expect(timeline.loopless)
        let state = AppState(timeline: timeline, options: PlayerOptions(), size: Self.size)
        let grid = view(state)
        let main = state.layout.main
        #expect(grid.row(main.maxY - 1).contains("run"), "the legend is the pane's last row")
        let rows = ((main.y + 2)..<(main.maxY - 1)).map { grid.row($0) }
        let blank = rows.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(blank.isEmpty, "no blank row among the lanes: \(rows)")
        #expect(rows.count == main.height - 3, "title, ruler and legend are the only rows that are not lanes")
        #expect(timeline.lanes.count > rows.count, "more lanes than rows, so every row could hold one")
        let shown = min(state.visibleLanes.count, state.layout.laneRows)
        #expect(shown == rows.count)
        #expect(grid.row(main.y).contains("Lanes (\(rows.count) of \(state.visibleLanes.count) lanes)"))
        for (i, lane) in state.visibleLanes.prefix(rows.count).enumerated() {
            let name = timeline.laneTitleParts(lane).name
            #expect(rows[i].dropFirst().hasPrefix(name.prefix(6)), "row \(i): \(rows[i]) shows \(name)")
        }
    }

    @Test func aProgramWithALoopKeepsItsLoopRow() throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named("seed000-fetch-url")).record().trace)
        let state = AppState(timeline: timeline, options: PlayerOptions(), size: Self.size)
        let main = state.layout.main
        #expect(state.layout.laneRows == main.height - 4)
        #expect(view(state).row(main.maxY - 2).contains("event loop"))
    }
}
