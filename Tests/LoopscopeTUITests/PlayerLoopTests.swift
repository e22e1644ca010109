import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The run loop and the key map, driven by a scripted backend.
@Suite(.timeLimit(.minutes(30))) struct PlayerLoopTests {
    let timeline = Timeline(trace: HandTraces.fetch)

    @Test func keysBecomeActionsAndFramesAreDrawn() {
        let backend = ScriptedBackend(size: .minimum, events: [
            .key(.right), .key(.right), .key(.left), .key(.char("?")), .key(.char("x")),
            .resize(TerminalSize(width: 100, height: 30)), .key(.end), .key(.char("q")),
        ])
        let outcome = Player.run(timeline: timeline, options: PlayerOptions(), on: backend)
        #expect(outcome.step == timeline.steps.count - 1)
        #expect(!outcome.interrupted)
        #expect(backend.frames.count == 9, "one frame at the start and one per event")
        #expect(backend.frames[4].text().contains("Keys"), "? opened the help")
        #expect(!backend.frames[5].text().contains("─ Keys"), "any key closed it")
        #expect(backend.frames[6].width == 100)
        #expect(backend.restoreCount == 0, "the caller restores the terminal")
    }

    @Test func signalsQuitAndSaySo() {
        let backend = ScriptedBackend(size: .minimum, events: [.key(.right), .terminate])
        let outcome = Player.run(timeline: timeline, options: PlayerOptions(), on: backend)
        #expect(outcome.interrupted)
        #expect(outcome.step == 1)
        let ctrlC = ScriptedBackend(size: .minimum, events: [.key(.ctrl("c"))])
        #expect(Player.run(timeline: timeline, options: PlayerOptions(), on: ctrlC).step == 0)
    }

    @Test func keyMapRoutesByMode() {
        var s = AppState(timeline: timeline, options: PlayerOptions(), size: .minimum)
        #expect(KeyMap.action(for: .key(.right), in: s) == .stepForward)
        #expect(KeyMap.action(for: .key(.tab), in: s) == .nextEventOfSelected)
        #expect(KeyMap.action(for: .key(.char("2")), in: s) == .setView(.sequence))
        s = reduce(s, .openGoTo)
        #expect(KeyMap.action(for: .key(.char("2")), in: s) == .promptInput("2"))
        #expect(KeyMap.action(for: .key(.char("q")), in: s) == nil)
        #expect(KeyMap.action(for: .key(.enter), in: s) == .promptSubmit)
        s = reduce(s, .dismiss)
        s = reduce(s, .toggleHelp)
        #expect(KeyMap.action(for: .key(.right), in: s) == .dismiss)
        #expect(KeyMap.action(for: .interrupt, in: s) == .quit)
    }

    @Test func pickerChoosesOrLeaves() {
        let demos = [DemoChoice(id: "a", title: "First", origin: "seed 000"),
                     DemoChoice(id: "b", title: "Second \u{1B}[2J", origin: "seed 001")]
        let choose = ScriptedBackend(size: .minimum, events: [.key(.down), .key(.down), .key(.enter)])
        #expect(Player.pick(demos: demos, on: choose) == 1)
        #expect(!choose.frames.last!.text().contains("\u{1B}"))
        let leave = ScriptedBackend(size: .minimum, events: [.key(.down), .key(.char("q"))])
        #expect(Player.pick(demos: demos, on: leave) == nil)
    }

    @Test func pickerInPredictModeDoesNotGiveTheOutcomeAway() {
        let demos = [DemoChoice(id: "seed004-task-ordering", title: "Task ordering: T1, T3, T2", origin: "seed 004",
                                language: "swift", lesson: "In what order do tasks start?")]
        let keys: [InputEvent] = [.key(.char("/")), .key(.char("T")), .key(.char("3")), .key(.enter), .key(.char("q"))]
        let predict = ScriptedBackend(size: .minimum, events: keys)
        #expect(Player.pickResult(demos: demos, predict: true, on: predict) == .cancelled)
        let first = predict.frames[0].text()
        #expect(!predict.frames.contains { $0.text().contains("T1, T3") }, "\(first)")
        #expect(first.contains("seed004-task-ordering (seed 004): In what order do tasks start?"), "\(first)")
        #expect(predict.frames.last!.text().contains("no demo matches"), "the filter does not search the title")
        // Without predict mode the highlighted demo's title is shown in full.
        let plain = ScriptedBackend(size: .minimum, events: [.key(.char("q"))])
        _ = Player.pickResult(demos: demos, on: plain)
        #expect(plain.frames[0].text().contains("Task ordering: T1, T3, T2 (seed 004)"))
    }

    @Test func pickerShowsEachVersionsLanguage() {
        let demos = [DemoChoice(id: "a", title: "First", origin: "seed 000", language: "swift"),
                     DemoChoice(id: "a", title: "First", origin: "seed 000", language: "python")]
        let state = PickerState(demos: demos, size: .minimum)
        let rows = state.view().text().split(separator: "\n").filter { $0.contains("First") && !$0.contains("(") }
        #expect(rows.count == 2)
        #expect(rows[0].contains("a  swift   First"), "\(rows)")
        #expect(rows[1].contains("a  python  First"), "\(rows)")
        // Without languages: the id, then the title.
        let plain = PickerState(demos: [DemoChoice(id: "a", title: "First", origin: "seed 000")], size: .minimum)
        #expect(plain.view().text().contains("a  First"))
    }
}
