import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Every row of every frame takes exactly the screen's width on a terminal, whatever the
/// names hold (before, wide characters cut by a pane edge or overwritten in half left rows
/// one column short or long, which shifted the separator out of place).
@Suite struct CellWidthTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 97, height: 31),
                        TerminalSize(width: 61, height: 20), TerminalSize(width: 120, height: 40)]

    @Test func everyRowOfEveryFrameIsTheScreenWidth() {
        let timeline = Timeline(trace: MixedScriptTraces.trace)
        for size in Self.sizes {
            for kind in ViewKind.allCases {
                var state = AppState(timeline: timeline, options: PlayerOptions(view: kind), size: size)
                for step in 0..<timeline.steps.count {
                    let grid = view(state)
                    for y in 0..<grid.height where grid.columns(ofRow: y) != size.width {
                        Issue.record("\(size.width)×\(size.height) \(kind) step \(step) row \(y): \(grid.columns(ofRow: y)) columns: \(grid.row(y))")
                        return
                    }
                    state = reduce(state, step % 4 == 3 ? .selectNext : .stepForward)
                }
                for action in [Action.toggleHelp, .dismiss, .toggleAbout] {
                    state = reduce(state, action)
                    let grid = view(state)
                    for y in 0..<grid.height where grid.columns(ofRow: y) != size.width {
                        Issue.record("\(size.width)×\(size.height) \(kind) after \(action) row \(y): \(grid.row(y))")
                        return
                    }
                }
            }
        }
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 6, height: 1)
        g.put("日本語", x: 0, y: 0)
        #expect(g.columns(ofRow: 0) == 6)
        g.put("|", x: 1, y: 0)   // the second half of 日
        #expect(g.row(0) == " |本語")
        #expect(g.columns(ofRow: 0) == 6)
        g.put("x", x: 2, y: 0)   // the first half of 本
        #expect(g.row(0) == " |x 語")
        #expect(g.columns(ofRow: 0) == 6)
        g.put("ab", x: 5, y: 0)  // cut at the edge: only "a" fits, over the half of 語
        #expect(g.row(0) == " |x  a")
        #expect(g.columns(ofRow: 0) == 6)
    }

    @Test func anEmojiSequenceTakesTwoCellsLikeItsWidth() {
        var g = Grid(width: 6, height: 1)
        g.put("👨‍👩‍👧x", x: 0, y: 0)
        #expect(g.columns(ofRow: 0) == 6)
        #expect(g.row(0) == "👨‍👩‍👧x   ")
    }

    @Test func mixedNamesGoldenScreen() {
        let timeline = Timeline(trace: MixedScriptTraces.trace)
        let state = AppState(timeline: timeline, options: PlayerOptions(startStep: 14),
                             size: TerminalSize(width: 80, height: 24))
        Golden.check(view(state), "mixed/step14-80x24", styles: true)
        let seq = AppState(timeline: timeline, options: PlayerOptions(view: .sequence, startStep: 14),
                           size: TerminalSize(width: 97, height: 31))
        Golden.check(view(seq), "mixed/sequence-step14-97x31")
    }
}
