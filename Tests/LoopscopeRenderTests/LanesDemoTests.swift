import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeRender

/// Lane charts of every seed demo, recorded on the tracing scheduler.
@Suite("Lane charts of the demos")
struct LanesDemoTests {
    static let ids = DemoCatalog.all.map(\.id)

    static func timeline(_ id: String) throws -> Timeline {
        let demo = try #require(DemoCatalog.named(id))
        return Timeline(trace: demo.record().trace)
    }

    @Test(arguments: ids)
    func goldenCharts(id: String) throws {
        let timeline = try Self.timeline(id)
        LanesGolden.check(try LaneRenderer.text(timeline, LaneOptions(width: 80)), named: "demos/\(id).text80.txt")
        LanesGolden.check(try LaneRenderer.text(timeline, LaneOptions(width: 120)), named: "demos/\(id).text120.txt")
        LanesGolden.check(try LaneRenderer.unicode(timeline, LaneOptions(width: 80)), named: "demos/\(id).unicode80.txt")
    }

    @Test(arguments: ids)
    func noLineIsWiderThanAsked(id: String) throws {
        let timeline = try Self.timeline(id)
        for width in 40...200 {
            for chart in [try LaneRenderer.text(timeline, LaneOptions(width: width)),
                          try LaneRenderer.unicode(timeline, LaneOptions(width: width))] {
                for line in chart.split(separator: "\n") {
                    #expect(TextWidth.columns(line) <= width, "width \(width): \(line)")
                }
            }
        }
    }

    @Test(arguments: ids)
    func everyLaneHasARow(id: String) throws {
        let timeline = try Self.timeline(id)
        let chart = try LaneRenderer.text(timeline, LaneOptions(width: 120, title: false, legend: false))
        let rows = chart.split(separator: "\n")
        // Tick labels, ruler, then one row per lane.
        #expect(rows.count == 2 + timeline.lanes.count)
    }
}
