import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The player on traces with times at the ends of the 64-bit range: every view, every step,
/// draws a grid of the screen's size (before, the sequence view trapped on an event at
/// Int64.max, and every view on a sleep deadline of Int64.min).
@Suite struct HostileTraceScreenTests {
    @Test(arguments: HostileTraces.all.map(\.name))
    func everyViewDrawsEveryStep(_ name: String) throws {
        let text = try #require(HostileTraces.all.first { $0.name == name }?.text)
        let timeline = Timeline(trace: try HostileTraces.decode(text))
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 200, height: 50)] {
            for kind in ViewKind.allCases {
                var state = AppState(timeline: timeline, options: PlayerOptions(view: kind), size: size)
                for _ in 0..<timeline.steps.count {
                    let grid = view(state)
                    #expect(grid.width == size.width && grid.height == size.height)
                    state = reduce(state, .stepForward)
                }
                for action in [Action.zoomIn, .zoomIn, .zoomIn, .last, .zoomOut] {
                    state = reduce(state, action)
                    _ = view(state)
                }
            }
        }
    }
}
