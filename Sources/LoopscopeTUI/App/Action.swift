/// Everything that can change the player's state. `reduce` applies one action; the key map
/// and the run loop produce them.
package enum Action: Equatable, Sendable {
    /// → : the next step.
    case stepForward
    /// ← : the previous step.
    case stepBack
    /// Home: the first step.
    case first
    /// End: the last step.
    case last
    /// space: play or pause.
    case togglePlay
    /// The clock, while playing: the time since any fixed origin (monotonic). `reduce`
    /// takes the steps due by then (see `Playback`).
    case tick(Duration)
    /// + : play faster.
    case faster
    /// − : play slower.
    case slower
    /// r : real-time playback (virtual seconds last real seconds) on or off.
    case toggleRealTime
    /// ↑ : the lane above.
    case selectPrevious
    /// ↓ : the lane below.
    case selectNext
    /// Tab / n : the selected task's next event.
    case nextEventOfSelected
    /// Shift-Tab / N : the selected task's previous event.
    case previousEventOfSelected
    /// g : open the go-to prompt.
    case openGoTo
    /// A character typed into the go-to prompt.
    case promptInput(Character)
    case promptBackspace
    case promptSubmit
    /// Escape: close the prompt, help or a pending question's reveal.
    case dismiss
    /// > : zoom the time axis in (cycles back to the whole run after the closest zoom).
    case zoomIn
    /// < : zoom the time axis out.
    case zoomOut
    /// f : hide or show finished tasks.
    case toggleFinished
    /// v : the next view.
    case cycleView
    /// 1 / 2 / 3 : a given view.
    case setView(ViewKind)
    /// PgUp / PgDn: scroll the current view by a page (negative: up).
    case scrollPage(Int)
    /// ? : help.
    case toggleHelp
    /// Show or hide what the demo teaches and where its article differs from CPython.
    case toggleAbout
    /// p : predict mode on or off.
    case togglePredict
    /// 1–9 while a question is asked: the chosen answer (0-based).
    case answer(Int)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// q, Ctrl-C, SIGTERM.
    case quit
    /// w : save the screen as text (the run loop writes the file).
    case saveScreen
    /// The run loop saved (or failed to save) a screen: the message to show.
    case screenSaved(String)
    /// [ / ] (or ↑ ↓ PgUp PgDn when the output pane is chosen): scroll the output pane by
    /// this many rows (negative: up, towards older lines).
    case scrollOutput(Int)
    /// c : move the focus to the next pane (the one `z` zooms).
    case cycleFocus
    /// z : zoom the chosen pane (the main view when none is chosen) to the full screen, or
    /// back.
    case zoomPane
    /// t : the next colour theme.
    case cycleTheme
}

/// The three ways to look at a run.
package enum ViewKind: Int, Sendable, CaseIterable {
    /// Lanes over a time axis.
    case timeline = 0
    /// A text sequence diagram.
    case sequence
    /// One line per step.
    case breakdown

    package var title: String {
        switch self {
        case .timeline: "timeline"
        case .sequence: "sequence"
        case .breakdown: "breakdown"
        }
    }

    package var next: ViewKind { ViewKind(rawValue: (rawValue + 1) % 3)! }
}
