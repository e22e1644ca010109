import LoopscopeTimeline
import LoopscopeTrace

/// Applies one action to the player's state. Pure: the same state and action always give
/// the same result, and nothing outside the state is touched.
///
/// ```swift
/// var s = AppState(timeline: timeline, options: PlayerOptions(), size: .minimum)
/// s = reduce(s, .stepForward)   // s.step == 1
/// ```
package func reduce(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    s.notice = nil
    s.screenRequest = nil
    switch action {
    case .stepForward:
        s.predict.reveal = nil
        s.advance()
    case .tick(let now):
        s.playTick(now: now)
    case .stepBack:
        s.predict.question = nil
        s.predict.reveal = nil
        s.go(to: s.step - 1)
    case .first:
        s.predict.question = nil
        s.predict.reveal = nil
        s.go(to: 0)
    case .last:
        s.predict.question = nil
        s.predict.reveal = nil
        s.playing = false
        s.go(to: s.stepCount - 1)
        if s.predict.enabled { s.predict.showSummary = true }
    case .togglePlay:
        if s.predict.question != nil { break }
        if !s.playing && s.step + 1 >= s.stepCount { s.go(to: 0) }
        s.playing.toggle()
        s.beatAnchor = nil
    case .faster:
        if s.realTime {
            s.realTimeIndex = max(s.realTimeIndex - 1, 0)
        } else {
            s.speedIndex = min(s.speedIndex + 1, PlayerOptions.speeds.count - 1)
        }
    case .slower:
        if s.realTime {
            s.realTimeIndex = min(s.realTimeIndex + 1, PlayerOptions.realTimeScales.count - 1)
        } else {
            s.speedIndex = max(s.speedIndex - 1, 0)
        }
    case .toggleRealTime:
        s.realTime.toggle()
    case .selectPrevious:
        s.moveSelection(by: -1)
    case .selectNext:
        s.moveSelection(by: 1)
    case .nextEventOfSelected:
        s.jumpToEventOfSelected(forward: true)
    case .previousEventOfSelected:
        s.jumpToEventOfSelected(forward: false)
    case .openGoTo:
        s.playing = false
        s.prompt = ""
    case .promptInput(let c):
        if s.prompt != nil, (s.prompt?.count ?? 0) < 16 { s.prompt?.append(c) }
    case .promptBackspace:
        if let p = s.prompt, !p.isEmpty { s.prompt = String(p.dropLast()) }
    case .promptSubmit:
        if let text = s.prompt {
            s.prompt = nil
            s.goTo(text)
        }
    case .dismiss:
        if s.prompt != nil {
            s.prompt = nil
        } else if s.showHelp {
            s.showHelp = false
        } else if s.showAbout {
            s.showAbout = false
        } else if s.predict.showSummary {
            s.predict.showSummary = false
        } else if let q = s.predict.question {
            // Skip the question: take the step without scoring it.
            s.predict.question = nil
            s.predict.answeredSteps.insert(q.step)
            s.go(to: q.step)
        } else if s.zoomedPane != nil {
            s.zoomedPane = nil
        } else {
            s.predict.reveal = nil
        }
    case .zoomIn:
        s.zoomIndex = (s.zoomIndex + 1) % AppState.zoomLevels.count
        s.refreshAxis()
    case .zoomOut:
        s.zoomIndex = max(0, s.zoomIndex - 1)
        s.refreshAxis()
    case .toggleFinished:
        s.hideFinished.toggle()
    case .cycleView:
        s.view = s.view.next
        s.scrollOffset = 0
    case .setView(let v):
        s.view = v
        s.scrollOffset = 0
    case .scrollPage(let pages):
        if s.scrollsOutput {
            s.scrollOutput(by: pages * max(1, s.layout.output.height - 2))
        } else {
            s.scrollOffset += pages * max(1, s.layout.main.height - 2)
        }
    case .toggleHelp:
        s.showHelp.toggle()
        s.showAbout = false
    case .toggleAbout:
        s.showAbout.toggle()
        s.showHelp = false
    case .togglePredict:
        s.predict.enabled.toggle()
        s.predict.question = nil
        s.predict.reveal = nil
        s.predict.showSummary = false
        s.notice = s.predict.enabled ? "predict mode on" : "predict mode off"
    case .answer(let i):
        guard let q = s.predict.question, i >= 0, i < q.choices.count else { break }
        s.predict.question = nil
        s.predict.answeredSteps.insert(q.step)
        s.predict.asked += 1
        if i == q.answer { s.predict.correct += 1 }
        if let m = q.misconceptions[i] { s.predict.tripped[m, default: 0] += 1 }
        s.predict.reveal = Reveal(question: q, chosen: i)
        s.go(to: q.step)
    case .resize(let size):
        s.size = size
        s.refreshAxis()
    case .quit:
        s.playing = false
        s.beatAnchor = nil
        s.quitRequested = true
    case .saveScreen:
        s.screenRequest = ScreenRequest(
            text: view(s).text(),
            fileName: ScreenShot.fileName(programID: s.timeline.trace.program.id, stepNumber: s.step + 1),
            stepNumber: s.step + 1)
    case .screenSaved(let message):
        s.notice = message
    case .scrollOutput(let rows):
        s.scrollOutput(by: rows)
    case .cycleFocus:
        s.focus = s.focus.map(\.next) ?? .main
        if s.zoomedPane != nil { s.zoomedPane = s.focus }
        s.notice = "chose the \(s.focus?.title ?? "main view") pane: z zooms it"
    case .zoomPane:
        s.zoomedPane = s.zoomedPane == nil ? (s.focus ?? .main) : nil
    case .cycleTheme:
        s.theme = s.theme.next
        s.notice = "theme: \(s.theme.rawValue)"
    }
    s.refreshVisibleLanes()
    s.prepareSequence()
    s.followCursor()
    s.refreshNarration()
    return s
}
