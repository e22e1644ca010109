/// Turns terminal events into actions, depending on what the screen shows: the help takes
/// any key to close, the go-to prompt takes typing, a predict question takes 1–9.
///
/// | key | action |
/// |---|---|
/// | → ← Home End | step, first, last |
/// | space + − r | play/pause, speed, real time |
/// | ↑ ↓ | select a lane |
/// | Tab n / Shift-Tab N | the selected task's next / previous step |
/// | g | go to a step or time |
/// | z | zoom the chosen pane to the full screen (z or Esc: back) |
/// | c | choose the next pane |
/// | [ ] | scroll the output pane (↑ ↓ PgUp PgDn too while it is chosen) |
/// | > < | zoom the time axis in / out |
/// | t | the next colour theme |
/// | f | hide finished tasks |
/// | v 1 2 3 | views |
/// | PgUp PgDn | scroll the view |
/// | p | predict mode |
/// | w | save the screen as text |
/// | ? | help |
/// | q Ctrl-C | quit |
package enum KeyMap {
    package static func action(for event: InputEvent, in state: AppState) -> Action? {
        switch event {
        case .resize(let size): return .resize(size)
        case .interrupt, .terminate, .hangup: return .quit
        case .key(let key): return action(for: key, in: state)
        }
    }

    static func action(for key: Key, in state: AppState) -> Action? {
        if case .ctrl("c") = key { return .quit }
        if state.showHelp || state.showAbout {
            return key == .char("q") ? .quit : .dismiss
        }
        if state.prompt != nil {
            switch key {
            case .enter: return .promptSubmit
            case .escape: return .dismiss
            case .backspace: return .promptBackspace
            case .char(let c) where c.isNumber || c == "." || c == "s" || c == "t":
                return .promptInput(c)
            default: return nil
            }
        }
        if let q = state.predict.question, case .char(let c) = key, let d = c.wholeNumberValue,
           d >= 1, d <= q.choices.count {
            return .answer(d - 1)
        }
        if state.predict.question != nil, state.fits {
            switch key {
            case .right, .char(" "), .end, .tab, .char("n"), .char("g"): return nil
            default: break
            }
        }
        if state.scrollsOutput {
            switch key {
            case .up, .char("k"): return .scrollOutput(-1)
            case .down, .char("j"): return .scrollOutput(1)
            default: break
            }
        }
        switch key {
        case .right, .char("l"): return .stepForward
        case .left, .char("h"): return .stepBack
        case .home: return .first
        case .end: return .last
        case .char(" "): return .togglePlay
        case .char("r"): return .toggleRealTime
        case .char("+"), .char("="): return .faster
        case .char("-"), .char("_"): return .slower
        case .up, .char("k"): return .selectPrevious
        case .down, .char("j"): return .selectNext
        case .tab, .char("n"): return .nextEventOfSelected
        case .backTab, .char("N"): return .previousEventOfSelected
        case .char("g"): return .openGoTo
        case .char("z"): return .zoomPane
        case .char("c"): return .cycleFocus
        case .char(">"), .char("."): return .zoomIn
        case .char("<"), .char(","): return .zoomOut
        case .char("["): return .scrollOutput(-1)
        case .char("]"): return .scrollOutput(1)
        case .char("t"): return .cycleTheme
        case .char("f"): return .toggleFinished
        case .char("v"): return .cycleView
        case .char("1"): return .setView(.timeline)
        case .char("2"): return .setView(.sequence)
        case .char("3"): return .setView(.breakdown)
        case .pageUp: return .scrollPage(-1)
        case .pageDown: return .scrollPage(1)
        case .char("p"): return .togglePredict
        case .char("?"): return .toggleHelp
        case .char("i"): return .toggleAbout
        case .char("w"): return .saveScreen
        case .escape: return .dismiss
        case .char("q"), .char("Q"): return .quit
        default: return nil
        }
    }
}
