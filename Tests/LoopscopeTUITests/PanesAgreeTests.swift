import LoopscopeDemos
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Every pane of the player shows the same moment: at each step of every demo, the screen's
/// status bar, loop pane, output pane, source markers, lane states and lane cursor agree
/// with an independent replay of the trace (`StepReplay`, docs/steps.md).
@Suite struct PanesAgreeTests {
    static let size = TerminalSize(width: 200, height: 70)

    @Test(arguments: DemoCatalog.all.map(\.id))
    func everyPaneShowsTheStepItClaims(_ id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        let timeline = Timeline(trace: trace)
        let facts = StepReplay.facts(trace)
        #expect(facts.count == timeline.steps.count, "\(id): step count")
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: Self.size)
        for f in facts {
            if f.index > 0 { state = reduce(state, .stepForward) }
            try #require(state.step == f.index, "\(id): stepping forward reached step \(state.step + 1)")
            let screen = Screen(grid: view(state), layout: state.layout)
            let at = "\(id) step \(f.index + 1)"
            #expect(screen.row(0).contains("step \(f.index + 1) of \(facts.count)"), "\(at): status bar")
            checkLoopPane(screen, f, trace: trace, at: at)
            checkOutputPane(screen, f, at: at)
            checkSource(screen, f, state: state, trace: trace, at: at)
            checkLanes(state, screen, f, trace: trace, at: at)
            #expect(screen.row(state.layout.narration.y).contains("Step \(f.index + 1):"), "\(at): narration title")
        }
    }

    private func name(_ trace: Trace, _ task: Int32) -> String {
        trace.task(task).map { Sanitizer.line($0.name) } ?? "runner"
    }

    private func checkLoopPane(_ screen: Screen, _ f: StepFacts, trace: Trace, at: String) {
        let sections = screen.loopSections()
        if trace.tasks.contains(where: { $0.kind == .task }) {
            #expect(sections["running"] == (f.running >= 0 ? name(trace, f.running) : "nothing"), "\(at): running")
        }
        let ready = sections["ready"] ?? "?"
        if f.ready.isEmpty {
            #expect(ready == "empty" || sections["ready"] == nil, "\(at): ready queue should be empty, shows \(ready)")
        } else {
            // Callback labels may hold ", ": a piece that names no task nor callback continues one.
            let names = Set(trace.tasks.map { Sanitizer.line($0.name) })
            var items: [String] = []
            for piece in ready.components(separatedBy: ", ") {
                if piece.hasPrefix("callback") || names.contains(piece) || items.isEmpty {
                    items.append(piece)
                } else {
                    items[items.count - 1] += ", " + piece
                }
            }
            #expect(items.count == f.ready.count, "\(at): ready queue \(ready) vs \(f.ready)")
            for (item, want) in zip(items, f.ready) {
                if want.isCallback {
                    #expect(item.hasPrefix("callback"), "\(at): ready \(item) should be a callback")
                    if want.task >= 0 { #expect(item.contains(name(trace, want.task)), "\(at): callback owner") }
                } else {
                    #expect(item == name(trace, want.task), "\(at): ready \(item) vs \(name(trace, want.task))")
                }
            }
        }
        let timers = f.timers.map { "\(name(trace, $0.task)) at \($0.due)s" }
        let shownTimers = sections["timers"] ?? "none"
        if timers.isEmpty {
            #expect(shownTimers == "none", "\(at): timers should be none, shows \(shownTimers)")
        } else {
            let items = shownTimers.components(separatedBy: ", ")
            #expect(items.count == timers.count, "\(at): timers \(shownTimers) vs \(timers)")
            for (item, want) in zip(items, timers) {
                #expect(item.hasPrefix(want), "\(at): timer \(item) vs \(want)")
            }
        }
        let finished = sections["finished"] ?? "none"
        if f.finished.isEmpty {
            #expect(finished == "none", "\(at): finished should be none, shows \(finished)")
        } else {
            let items = finished.components(separatedBy: ", ")
            #expect(items.count == f.finished.count, "\(at): finished \(finished) vs \(f.finished)")
            for (item, want) in zip(items, f.finished) {
                #expect(item.hasPrefix(name(trace, want) + " "), "\(at): finished \(item) vs \(name(trace, want))")
            }
        }
    }

    private func checkOutputPane(_ screen: Screen, _ f: StepFacts, at: String) {
        let title = screen.row(screen.layout.output.y)
        let n = f.output.count
        #expect(title.contains("\(n) line\(n == 1 ? "" : "s")"), "\(at): output title \(title)")
        // Rows that start with the continuation mark go on the line above (a line whose start
        // scrolled away is left out).
        var shown: [String] = []
        var first = true
        for row in screen.lines(in: screen.layout.output).map({ String($0.dropFirst()) }) where !row.isEmpty {
            if row.hasPrefix("↪") {
                if !first { shown[shown.count - 1] += String(row.dropFirst(2)) }
            } else {
                shown.append(row)
            }
            first = false
        }
        if n == 0 { return }
        // The newest lines, oldest first (each may end in the ellipsis).
        let expected = f.output.suffix(shown.count).map { Sanitizer.line($0) }
        for (line, want) in zip(shown, expected) {
            let visible = line.hasSuffix("…") ? String(line.dropLast()) : line
            // Spaces aside: a wrapped row's trailing space is not read back.
            #expect(want.filter { $0 != " " }.hasPrefix(visible.filter { $0 != " " }), "\(at): output \(line) vs \(want)")
        }
    }

    private func checkSource(_ screen: Screen, _ f: StepFacts, state: AppState, trace: Trace, at: String) {
        let marks = screen.sourceMarks()
        let ran = f.ranSite.flatMap { trace.site($0) }
        let parkedSite = state.selectedTask >= 0 ? f.parked[Int(state.selectedTask)] : nil
        let parked = parkedSite.flatMap { trace.site($0) }
        let title = screen.row(screen.layout.source.y)
        let shownFile: Int32? = trace.files.firstIndex { title.contains(Sanitizer.line(lastComponent($0.path))) }
            .map(Int32.init)
        if let ran, ran.file == shownFile {
            #expect(marks.ran == Int(ran.line), "\(at): the ran line should be \(ran.line), marked \(String(describing: marks.ran))")
        } else {
            #expect(marks.ran == nil, "\(at): no line ran at this step, yet line \(marks.ran ?? 0) is marked")
        }
        if let parked, parked.file == shownFile, ran.map({ $0.line != parked.line || $0.file != parked.file }) ?? true {
            #expect(marks.parked == Int(parked.line), "\(at): parked line should be \(parked.line)")
        } else if parked == nil {
            #expect(marks.parked == nil, "\(at): the selected task is not parked, yet line \(marks.parked ?? 0) is marked")
        }
    }

    private func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private func checkLanes(_ state: AppState, _ screen: Screen, _ f: StepFacts, trace: Trace, at: String) {
        for task in trace.tasks.indices {
            let shown = state.loop.status(ofTask: Int32(task)).state?.name
            #expect(shown == f.states[task], "\(at): \(name(trace, Int32(task))) is \(shown ?? "absent"), should be \(f.states[task] ?? "absent")")
        }
    }
}

extension String {
    func trimmedSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        return String(s).trimmingTrailingSpaces()
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// A drawn screen, read back pane by pane.
struct Screen {
    let grid: Grid
    let layout: Layout

    func row(_ y: Int) -> String { grid.row(y) }

    /// The text of a pane's rows below its title rule, trailing spaces trimmed.
    func lines(in rect: Rect) -> [String] {
        (rect.y + 1..<rect.maxY).map { y in
            String(grid.row(y).dropFirst(rect.x).prefix(rect.width)).trimmingTrailingSpaces()
        }
    }

    /// The loop pane's sections (`running`, `ready`, `timers`, `finished`), wrapped lines joined.
    func loopSections() -> [String: String] {
        var out: [String: String] = [:]
        var current: String?
        for line in lines(in: layout.loop) {
            let head = String(line.prefix(9)).trimmedSpaces()
            let body = String(line.dropFirst(10))
            if !head.isEmpty {
                current = head
                out[head] = body
            } else if let c = current, !body.isEmpty {
                out[c, default: ""] += " " + body
            }
        }
        return out
    }

    /// The source pane's marked lines: the line that ran and the selected task's parked line.
    func sourceMarks() -> (ran: Int?, parked: Int?) {
        var ran: Int?, parked: Int?
        for line in lines(in: layout.source) {
            guard let mark = line.first else { continue }
            let number = Int(String(line.dropFirst().prefix { $0 == " " || $0.isNumber }).trimmedSpaces())
            if mark == "▶" { ran = number }
            if mark == "◆" || mark == "▷" { parked = number }
        }
        return (ran, parked)
    }
}
