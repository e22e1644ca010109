import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Step numbers in the player (`g N`, numbered from 1 like the status bar) and the `w` key
/// that saves the screen as text.
@Suite struct ScreenShotTests {
    let timeline = Timeline(trace: HandTraces.fetch)

    private func goTo(_ text: String, from state: AppState) -> AppState {
        var s = reduce(state, .openGoTo)
        for c in text { s = reduce(s, .promptInput(c)) }
        return reduce(s, .promptSubmit)
    }

    @Test func goToTakesTheStatusBarsNumbers() {
        let start = AppState(timeline: timeline, options: PlayerOptions(startStep: 4), size: .minimum)
        let count = timeline.steps.count
        let nine = goTo("9", from: start)
        #expect(nine.step == 8)
        #expect(view(nine).text().contains("step 9 of \(count)"))
        let zero = goTo("0", from: start)
        #expect(zero.step == 4, "g 0 does not move")
        #expect(zero.notice == "there is no step 0: steps are numbered 1 to \(count)")
        let past = goTo("\(count + 1)", from: start)
        #expect(past.step == 4, "a step past the end does not move")
        #expect(past.notice == "there is no step \(count + 1): steps are numbered 1 to \(count)")
    }

    @Test func wSavesTheScreenShownAndSaysWhere() {
        let backend = ScriptedBackend(size: .minimum, events: [.key(.right), .key(.right), .key(.char("w")),
                                                               .key(.char("q"))])
        var saved: [ScreenRequest] = []
        _ = Player.run(timeline: timeline, options: PlayerOptions(), on: backend, saveScreen: { request in
            saved.append(request)
            return "screen of step \(request.stepNumber) saved to /somewhere/\(request.fileName)"
        })
        #expect(saved.count == 1)
        let request = saved[0]
        #expect(request.stepNumber == 3)
        #expect(request.fileName == "loopscope-\(timeline.trace.program.id)-step3.txt")
        // The text is the frame on screen when w was pressed.
        #expect(request.text == backend.frames[2].text())
        #expect(request.text.contains("step 3 of \(timeline.steps.count)"))
        let after = backend.frames[3].text()
        #expect(after.contains("saved to /somewhere/loopscope-"), "the key bar tells where the file went")
    }

    @Test func fileNamesAreSafe() {
        #expect(ScreenShot.fileName(programID: "../etc/pass wd", stepNumber: 2) == "loopscope-.._etc_pass_wd-step2.txt")
        #expect(ScreenShot.fileName(programID: "", stepNumber: 1) == "loopscope-run-step1.txt")
    }

    @Test func screenShotMatchesThePlayersFrame() throws {
        let text = try ScreenShot.text(timeline: timeline, stepNumber: 5, size: .minimum, ascii: false)
        let state = AppState(timeline: timeline, options: PlayerOptions(startStep: 4), size: .minimum)
        #expect(text == view(state).text())
        #expect(throws: ScreenShotError.self) {
            try ScreenShot.text(timeline: timeline, stepNumber: 0, size: .minimum, ascii: false)
        }
    }
}
