import LoopscopeTimeline
import LoopscopeTrace

/// Drives the player headless over a trace: every view at a few screen sizes, stepping
/// forward and back, jumping to the ends, zooming, scrolling, filtering, the overlays, a
/// go-to and predict mode — drawing every frame and checking that each row takes exactly
/// the screen's width. For the fuzzer (`loopscope frames`) and tests: it exercises the view
/// code a terminal session would, without a terminal.
///
/// ```swift
/// let report = FrameWalk.run(trace: trace, frames: 200)
/// report.problems   // [] when every frame was whole
/// ```
package enum FrameWalk {
    package struct Report: Sendable {
        /// Frames drawn.
        package var frames = 0
        /// Rows whose width was wrong, described.
        package var problems: [String] = []
    }

    /// The screen sizes walked: one below the smallest the player supports, the smallest
    /// (80×24), an odd one and a wide one.
    package static let sizes = [TerminalSize(width: 40, height: 12), TerminalSize.minimum,
                               TerminalSize(width: 97, height: 31), TerminalSize(width: 203, height: 61)]

    /// Walks `trace`, drawing about `frames` frames per view and size, at every size in
    /// `sizes` (by default all three).
    package static func run(trace: Trace, frames: Int = 60, sizes: [TerminalSize] = FrameWalk.sizes) -> Report {
        let timeline = Timeline(trace: trace)
        var report = Report()
        for size in sizes {
            for kind in ViewKind.allCases {
                for predict in [false, true] where !predict || kind == .timeline {
                    var state = AppState(timeline: timeline, options: PlayerOptions(predict: predict, view: kind),
                                         size: size)
                    for action in script(frames: frames, steps: state.stepCount) {
                        var a = action
                        if let q = state.predict.question, action == .stepForward { a = .answer(q.answer) }
                        state = reduce(state, a)
                        check(view(state), "\(size.width)×\(size.height) \(kind) after \(a)", &report)
                    }
                }
            }
        }
        return report
    }

    static func script(frames: Int, steps: Int) -> [Action] {
        let forward = max(1, frames / 2)
        var keys: [Action] = Array(repeating: .stepForward, count: forward)
        keys += [.selectNext, .selectNext, .nextEventOfSelected, .previousEventOfSelected, .selectPrevious]
        keys += [.zoomIn, .zoomIn, .stepForward, .zoomIn, .zoomOut, .zoomOut, .zoomOut]
        keys += [.last, .stepBack, .stepBack, .first, .stepBack]
        keys += [.toggleFinished, .stepForward, .toggleFinished, .scrollPage(1), .scrollPage(-3), .scrollPage(100)]
        keys += [.toggleHelp, .dismiss, .toggleAbout, .toggleAbout]
        keys += [.openGoTo] + String(max(0, steps / 2)).map { Action.promptInput($0) } + [.promptSubmit]
        keys += [.openGoTo, .promptInput("9"), .promptInput("x"), .promptBackspace, .promptSubmit, .dismiss]
        keys += [.togglePlay, .tick(.zero), .tick(.milliseconds(250)), .faster, .tick(.seconds(1)), .slower,
                 .tick(.seconds(10)), .toggleRealTime, .tick(.seconds(11)), .tick(.seconds(1_000_000)),
                 .toggleRealTime, .togglePlay, .cycleView]
        keys += [.resize(TerminalSize(width: 97, height: 33)), .stepForward, .last]
        keys += Array(repeating: .stepBack, count: max(1, frames - forward))
        return keys
    }

    static func check(_ grid: Grid, _ what: @autoclosure () -> String, _ report: inout Report) {
        report.frames += 1
        guard report.problems.count < 10 else { return }
        for y in 0..<grid.height {
            let columns = grid.columns(ofRow: y)
            if columns != grid.width {
                report.problems.append("\(what()): row \(y) takes \(columns) columns, not \(grid.width)")
                return
            }
        }
    }
}
