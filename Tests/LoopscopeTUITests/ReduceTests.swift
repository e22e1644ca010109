import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// `reduce`, one action at a time, on the hand-built fetch trace (21 steps).
@Suite struct ReduceTests {
    let timeline = Timeline(trace: HandTraces.fetch)

    func start(step: Int = 0, predict: Bool = false, size: TerminalSize = .minimum) -> AppState {
        AppState(timeline: timeline, options: PlayerOptions(predict: predict, startStep: step), size: size)
    }

    @Test func stepsForwardAndBackWithinBounds() {
        var s = start()
        s = reduce(s, .stepBack)
        #expect(s.step == 0)
        s = reduce(s, .stepForward)
        #expect(s.step == 1)
        #expect(s.loop.step == 1)
        s = reduce(s, .last)
        #expect(s.step == timeline.steps.count - 1)
        s = reduce(s, .stepForward)
        #expect(s.step == timeline.steps.count - 1)
        s = reduce(s, .first)
        #expect(s.step == 0)
    }

    @Test func playTicksAndStopsAtTheEnd() {
        var s = start()
        s = reduce(s, .tick(.seconds(5)))
        #expect(s.step == 0, "a tick while paused does nothing")
        s = reduce(s, .togglePlay)
        #expect(s.playing)
        s = reduce(s, .tick(.zero))
        #expect(s.step == 0, "the first tick only starts the clock")
        s = reduce(s, .tick(.milliseconds(250)))
        #expect(s.step == 1, "4 steps a second: one step after 250 ms")
        s = reduce(s, .last)
        #expect(!s.playing)
        s = reduce(s, .togglePlay)
        #expect(s.playing && s.step == 0, "play at the end starts over")
        for i in 0..<(timeline.steps.count + 3) { s = reduce(s, .tick(.milliseconds(250 * i))) }
        #expect(!s.playing)
        #expect(s.step == timeline.steps.count - 1)
    }

    @Test func speedStaysWithinTheList() {
        var s = start()
        #expect(s.stepsPerSecond == 4)
        s = reduce(s, .faster)
        #expect(s.stepsPerSecond == 8)
        s = reduce(s, .slower)
        s = reduce(s, .slower)
        s = reduce(s, .slower)
        s = reduce(s, .slower)
        #expect(s.stepsPerSecond == 0.5)
        for _ in 0..<20 { s = reduce(s, .faster) }
        #expect(s.stepsPerSecond == PlayerOptions.speeds.last)
        for _ in 0..<20 { s = reduce(s, .slower) }
        #expect(s.stepsPerSecond == PlayerOptions.speeds.first)
    }

    @Test func selectionMovesAndClamps() {
        var s = start()
        #expect(s.selectedTask == 0)
        s = reduce(s, .selectPrevious)
        #expect(s.selectedTask == 0)
        s = reduce(s, .selectNext)
        s = reduce(s, .selectNext)
        #expect(s.selectedTask == 2)
        s = reduce(s, .selectNext)
        #expect(s.selectedTask == 2)
    }

    @Test func nextAndPreviousEventOfTheSelectedTask() {
        var s = start()
        s = reduce(s, .selectNext)  // Task-2
        s = reduce(s, .nextEventOfSelected)
        #expect(timeline.steps[s.step].task == 1)
        let first = s.step
        s = reduce(s, .nextEventOfSelected)
        #expect(s.step > first && timeline.steps[s.step].task == 1)
        s = reduce(s, .previousEventOfSelected)
        #expect(s.step == first)
        s = reduce(s, .previousEventOfSelected)
        #expect(s.step == first, "no earlier step of Task-2")
        #expect(s.notice != nil)
    }

    @Test func goToPromptTakesStepsAndTimes() {
        var s = start()
        s = reduce(s, .openGoTo)
        #expect(s.prompt == "")
        for c in "12" { s = reduce(s, .promptInput(c)) }
        s = reduce(s, .promptBackspace)
        s = reduce(s, .promptInput("5"))
        #expect(s.prompt == "15")
        s = reduce(s, .promptSubmit)
        #expect(s.prompt == nil)
        #expect(s.step == 14)
        s = reduce(s, .openGoTo)
        for c in "1s" { s = reduce(s, .promptInput(c)) }
        s = reduce(s, .promptSubmit)
        #expect(s.loop.time == VirtualTime(seconds: 1))
        #expect(s.step > 0 && timeline.steps[s.step - 1].time < VirtualTime(seconds: 1))
        s = reduce(s, .openGoTo)
        s = reduce(s, .promptInput("."))
        s = reduce(s, .promptSubmit)
        #expect(s.notice?.hasPrefix("not a time") == true)
        s = reduce(s, .openGoTo)
        s = reduce(s, .dismiss)
        #expect(s.prompt == nil)
    }

    @Test func zoomCyclesAndWidensTheAxis() {
        var s = start()
        let width = s.axis.width
        s = reduce(s, .zoomIn)
        #expect(s.axis.width > width)
        s = reduce(s, .zoomOut)
        #expect(s.axis.width == width)
        s = reduce(s, .zoomOut)
        #expect(s.axis.width == width)
        for _ in AppState.zoomLevels { s = reduce(s, .zoomIn) }
        #expect(s.axis.width == width, "zooming past the closest level returns to the whole run")
    }

    @Test func hidingFinishedTasksKeepsTheSelection() {
        var s = start(step: timeline.steps.count - 1)
        #expect(s.visibleLanes.count == 3)
        s = reduce(s, .toggleFinished)
        #expect(s.visibleLanes.map(\.task) == [0], "every task has finished; the selected one stays")
        s = reduce(s, .toggleFinished)
        #expect(s.visibleLanes.count == 3)
    }

    @Test func viewsCycleAndScroll() {
        var s = start()
        #expect(s.view == .timeline)
        s = reduce(s, .cycleView)
        #expect(s.view == .sequence)
        #expect(s.sequence != nil)
        s = reduce(s, .scrollPage(1))
        #expect(s.scrollOffset > 0)
        s = reduce(s, .stepForward)
        #expect(s.scrollOffset == 0, "a new step follows the cursor again")
        s = reduce(s, .setView(.breakdown))
        #expect(s.view == .breakdown)
        s = reduce(s, .cycleView)
        #expect(s.view == .timeline)
    }

    @Test func helpTogglesAndDismisses() {
        var s = start()
        s = reduce(s, .toggleHelp)
        #expect(s.showHelp)
        s = reduce(s, .dismiss)
        #expect(!s.showHelp)
    }

    @Test func resizeRelaysTheAxis() {
        var s = start()
        let narrow = s.axis.requestedWidth
        s = reduce(s, .resize(TerminalSize(width: 160, height: 50)))
        #expect(s.size.width == 160)
        #expect(s.axis.requestedWidth > narrow)
        s = reduce(s, .resize(TerminalSize(width: 40, height: 10)))
        #expect(!s.fits)
    }

    @Test func quitStopsPlaying() {
        var s = reduce(start(), .togglePlay)
        s = reduce(s, .quit)
        #expect(s.quitRequested && !s.playing)
    }
}
