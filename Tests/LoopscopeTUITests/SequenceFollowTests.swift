import Foundation
import LoopscopeDemos
import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The sequence view follows the step exactly: at every step of every demo the highlighted
/// rows are the rows that draw that step's event (found by an independent replay of the
/// trace, `StepReplay`), and the row naming the participants is on screen at every scroll.
@Suite struct SequenceFollowTests {
    /// What the rows of an event of each kind say (the diagram's own words).
    static func word(_ e: TraceEvent, _ trace: Trace) -> String {
        switch e.kind {
        case .created: "create"
        case .started: "start"
        case .resumed: "resume"
        case .suspended, .awaitedReady: "await"
        case .completed: "return"
        case .failed: "raise"
        case .cancelled: "cancelled"
        case .cancelRequested: "cancel()"
        case .printed: "print:"
        case .clockJump: "idle:"
        case .blocked: "blocks"
        case .warning: "warning:"
        case .shutdown: "main"
        case .finished: "run"
        default: "?"
        }
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func theHighlightIsTheStepsEvent(_ id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        let timeline = Timeline(trace: trace)
        let facts = StepReplay.facts(trace)
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)] {
            var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
            state = reduce(state, .setView(.sequence))
            // The diagram the pane draws, with the event each of its rows shows.
            let layout = try SequenceDiagram.layout(trace, options: ExportOptions(width: size.width, ascii: false))
            for f in facts {
                if f.index > 0 { state = reduce(state, .stepForward) }
                let at = "\(id) \(size.width)x\(size.height) step \(f.index + 1)"
                let grid = view(state)
                let main = state.layout.main
                #expect(grid.row(main.y + 1).drop { $0 == " " }.hasPrefix("time "), "\(at): no participant names")
                var lit: [String] = []
                for y in (main.y + 1)..<main.maxY where (0..<grid.width).contains(where: { grid[$0, y].role == .cursor }) {
                    lit.append(grid.row(y))
                }
                // Exactly the rows that draw the step's event (its first drawing).
                let first = try #require(layout.events.firstIndex(of: Int32(f.event)), "\(at): event not drawn")
                var rows = [layout.lines[first]]
                while first + rows.count < layout.lines.count && layout.events[first + rows.count] == Int32(f.event) {
                    rows.append(layout.lines[first + rows.count])
                }
                let visible = rows.prefix(lit.count)
                #expect(lit.map { $0.trimmingRight() } == visible.map { $0.trimmingRight() },
                        "\(at): highlighted \(lit) but the event's rows are \(rows)")
                let e = trace.events[f.event]
                var want = Self.word(e, trace)
                if e.kind == .printed, let text = trace.text(of: e) {
                    // The printed line's first characters are on the highlighted rows too.
                    let head = Sanitizer.line(text).prefix(3).trimmingCharacters(in: .whitespaces)
                    if !head.isEmpty {
                        #expect(lit.joined(separator: " ").contains(head), "\(at): highlight \(lit) lacks \(head)")
                    }
                }
                if want == "print:" && lit.count > 1 { want = "print" }
                #expect(!lit.isEmpty && lit.joined(separator: " ").contains(want),
                        "\(at): highlighted \(lit) is not the \(e.kind) event's rows")
            }
            // Scrolled far away from the step, the names still head the pane.
            for offset in [-1000, -7, 9, 1000] {
                let scrolled = reduce(state, .scrollPage(offset))
                let grid = view(scrolled)
                #expect(grid.row(scrolled.layout.main.y + 1).drop { $0 == " " }.hasPrefix("time "),
                        "\(id): scrolled \(offset), no participant names")
            }
        }
    }
}

extension String {
    func trimmingRight() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
