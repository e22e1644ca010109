import Foundation
import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Lane labels at 80 columns keep what tells the lanes apart: two lanes that run different
/// things (`request_page('…google.com')`, `request_page('…apple.com')`) never show the same
/// text once the asyncio name is set aside, a cut label shows the ellipsis (a name that fills
/// the column whole may leave its label out), and a lane bound to a name keeps its task name.
@Suite struct LaneLabelTests {
    static let size = TerminalSize(width: 80, height: 24)

    @Test(arguments: DemoCatalog.all.map(\.id))
    func visibleLaneLabelsTellTasksApart(_ id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        let state = AppState(timeline: timeline, options: PlayerOptions(startStep: timeline.steps.count - 1),
                             size: Self.size)
        let grid = view(state)
        let labelWidth = Layout.laneLabelWidth(totalWidth: Self.size.width)
        let lanes = Array(state.visibleLanes.prefix(state.layout.laneRows))
        var seen: [String: String] = [:]
        for (i, lane) in lanes.enumerated() {
            let row = Array(grid.row(state.layout.main.y + 2 + i))
            let shown = String(row[1..<labelWidth]).trimmingCharacters(in: .whitespaces)
            let full = timeline.laneTitle(lane)
            let who = timeline.laneTitleParts(lane).name
            if shown != full && shown != who {
                #expect(shown.hasSuffix("…") || shown.contains("…"), "\(id): \(shown) is cut without a mark")
            }
            // Set the asyncio name aside: what is left must still tell the lanes apart.
            let name = Sanitizer.line(timeline.trace.tasks[Int(lane.task)].name)
            // A lane bound to a name keeps its own name (asyncio's, `Task-2`) whole.
            if !timeline.laneTitleParts(lane).bound.isEmpty {
                #expect(shown.contains(" (\(name))"), "\(id): \(shown) lost its task name")
            }
            let rest = shown.replacingOccurrences(of: name, with: "")
            let what = full.replacingOccurrences(of: name, with: "")
            if let other = seen[rest] {
                #expect(other == what, "\(id): lanes running \(other) and \(what) both show \(shown)")
            }
            seen[rest] = what
        }
        #expect(!lanes.isEmpty)
    }
}
