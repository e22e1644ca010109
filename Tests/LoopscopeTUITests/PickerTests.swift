import LoopscopeDemos
import LoopscopeTUI
import Testing

/// The demo picker: each demo's id, language and what it teaches; `/` filters as you
/// type, Esc clears the filter, `?` shows the picker's keys.
@Suite struct PickerTests {
    static let demos: [DemoChoice] = DemoCatalog.all.flatMap { demo in
        ["swift", "python"].map {
            DemoChoice(id: demo.id, title: demo.info.title, origin: demo.info.origin, language: $0, lesson: demo.lesson)
        }
    }

    func press(_ s: PickerState, _ keys: [Key]) -> PickerState {
        keys.reduce(s) { PickerState.reduce($0, .key($1)) }
    }

    func type(_ s: PickerState, _ text: String) -> PickerState { press(s, text.map { Key.char($0) }) }

    @Test func everyDemoSaysWhatItTeaches() {
        for demo in DemoCatalog.all {
            #expect(!demo.lesson.isEmpty, "\(demo.id) has no lesson line")
            #expect(demo.lesson.count <= 36, "\(demo.id): the lesson does not fit beside the id at 80 columns")
        }
    }

    @Test func rowsShowIdLanguageAndLesson() {
        let s = PickerState(demos: Self.demos, size: .minimum)
        let text = s.view().text()
        #expect(text.contains("› seed000-fetch-url               swift   When does main give up control?\n"))
        #expect(text.contains("  seed000-fetch-url               python  When does main give up control?\n"))
        // The highlighted demo in full below the list.
        #expect(text.contains(" fetch_url: Task A (3 s) and Task B (1 s) (seed 000): When does main give up\n control?\n"))
        let end = press(s, [.end]).view().text()
        #expect(end.contains("› seed004-quiz-concurrent         python  Concurrent tasks: how long now?\n"))
        #expect(end.contains("  seed004-task-ordering           swift   In what order do tasks start?\n"))
    }

    @Test func slashFiltersAsYouTypeAndEscClears() {
        var s = PickerState(demos: Self.demos, size: .minimum)
        s = press(s, [.char("/")])
        #expect(s.typing)
        s = type(s, "python task-ord")
        #expect(s.shown.map { Self.demos[$0].id } == ["seed004-task-ordering"])
        #expect(Self.demos[s.selected].language == "python", "the highlight moves to the one demo shown")
        var text = s.view().text()
        #expect(text.contains("/python task-ord_   1 of \(Self.demos.count)"))
        #expect(!text.contains("seed000-fetch-url"))
        s = press(s, Array(repeating: .backspace, count: 8))
        #expect(s.filter == "python ")
        #expect(s.shown.count == DemoCatalog.all.count)
        s = press(s, [.escape])
        #expect(!s.typing && s.filter.isEmpty && s.result == nil, "Esc clears the filter and stays")
        #expect(s.shown.count == Self.demos.count)
        // Enter keeps the filter; then keys move and choose among the demos it shows.
        s = press(s, [.char("/")])
        s = type(s, "quiz")
        s = press(s, [.enter])
        #expect(!s.typing && s.filter == "quiz")
        s = press(s, [.down, .down, .enter])
        let chosen: Int? = if case .chose(let i) = s.result { i } else { nil }
        #expect(chosen.map { Self.demos[$0].id.contains("quiz") } == true)
        text = PickerState.reduce(PickerState(demos: Self.demos, size: .minimum), .key(.char("/"))).view().text()
        #expect(text.contains("type to filter"))
    }

    @Test func noMatchSaysSoAndEscThenLeaves() {
        var s = type(press(PickerState(demos: Self.demos, size: .minimum), [.char("/")]), "zzz")
        #expect(s.shown.isEmpty)
        #expect(s.view().text().contains("no demo matches"))
        s = press(s, [.enter, .enter])
        #expect(s.result == nil, "nothing to choose")
        s = press(s, [.escape])
        #expect(s.filter.isEmpty && s.result == nil)
        s = press(s, [.escape])
        #expect(s.result == .cancelled)
    }

    @Test func questionMarkShowsThePickersKeys() {
        var s = press(PickerState(demos: Self.demos, size: .minimum), [.char("?")])
        let text = s.view().text()
        #expect(text.contains("Picker keys"))
        #expect(text.contains("Enter keeps the filter, Esc clears it"))
        s = press(s, [.char("x")])
        #expect(!s.showHelp && s.result == nil, "any key closes the help")
        for y in 0..<s.view().height { #expect(s.view().columns(ofRow: y) == 80) }
    }
}
