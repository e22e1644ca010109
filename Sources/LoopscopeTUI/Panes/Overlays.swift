import LoopscopeTrace

/// Draws what floats over the screen: the help, the go-to prompt, a predict question and
/// the end-of-run summary.
struct Overlays {
    let state: AppState

    func draw(into grid: inout Grid) {
        if state.showHelp {
            help(into: &grid)
        } else if state.showAbout {
            about(into: &grid)
        } else if let text = state.prompt {
            prompt(text, into: &grid)
        } else if let q = state.predict.question {
            question(q, into: &grid)
        } else if state.predict.showSummary {
            summary(into: &grid)
        }
    }

    static func helpLines(ascii: Bool) -> [(String, String)] {
        [
            (ascii ? "-> / <-" : "→ / ←", "next / previous step"),
            ("Home / End", "first / last step"),
            ("space", "play or pause;  + / -  faster / slower"),
            ("r", "real time: a virtual second lasts N real seconds (+ / -)"),
            (ascii ? "up / down" : "↑ / ↓", "select a lane (the source pane marks where it waits)"),
            ("Tab or n", "the selected task's next step (Shift-Tab or N: previous)"),
            ("g", "go to a step (42) or a time (1.5s)"),
            ("z / Z", "zoom the time axis in / out"),
            ("f", "hide or show finished tasks"),
            ("v or 1 2 3", "timeline, sequence diagram, breakdown list"),
            ("PgUp / PgDn", "scroll the sequence or breakdown view"),
            ("p", "predict mode: guess what runs or prints next"),
            ("i", "about this demo: what to watch, where the article is wrong"),
            ("?", "this help"),
            ("q", "quit"),
        ]
    }

    private func centered(width: Int, height: Int) -> Rect {
        let w = min(width, grid_width - 2), h = min(height, grid_height - 2)
        return Rect(x: (grid_width - w) / 2, y: (grid_height - h) / 2, width: w, height: h)
    }

    private var grid_width: Int { state.size.width }
    private var grid_height: Int { state.size.height }

    private func help(into grid: inout Grid) {
        let lines = Self.helpLines(ascii: state.ascii)
        let rect = centered(width: 74, height: lines.count + 4)
        grid.box(rect, title: "Keys", glyphs: state.glyphs)
        for (i, (key, meaning)) in lines.enumerated() where rect.y + 1 + i < rect.maxY - 1 {
            grid.put(key, x: rect.x + 2, y: rect.y + 1 + i, role: .key)
            grid.put(meaning, x: rect.x + 16, y: rect.y + 1 + i, maxWidth: rect.width - 18)
        }
        grid.put("Lanes: each row a task; the loop row shows what holds the loop.", x: rect.x + 2,
                 y: rect.maxY - 2, role: .dim, maxWidth: rect.width - 4)
    }

    /// The program's teaching note, then each article claim beside what CPython does.
    static func aboutLines(_ program: ProgramInfo, width: Int, ellipsis: String) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole, indent: String = "") {
            for line in TextWrap.lines(Sanitizer.line(text), width: width - indent.count, ellipsis: ellipsis) {
                lines.append((indent + line, role))
            }
        }
        if !program.origin.isEmpty { add("From \(program.origin).", .dim) }
        add(program.note.isEmpty ? "No teaching note." : program.note, .plain)
        if program.claims.isEmpty {
            lines.append(("", .plain))
            add("The article's claims about this program match CPython.", .good)
        }
        for claim in program.claims {
            lines.append(("", .plain))
            add("The article says: \(claim.article)", .bad)
            add("CPython does: \(claim.actual)", .good)
        }
        return lines
    }

    private func about(into grid: inout Grid) {
        let width = min(76, state.size.width - 4)
        let lines = Self.aboutLines(state.timeline.trace.program, width: width - 4, ellipsis: state.glyphs.ellipsis)
        let rect = centered(width: width, height: min(lines.count + 4, state.size.height - 2))
        grid.box(rect, title: Sanitizer.line(state.timeline.trace.program.title), glyphs: state.glyphs)
        for (i, (text, role)) in lines.enumerated() where rect.y + 1 + i < rect.maxY - 2 {
            grid.put(text, x: rect.x + 2, y: rect.y + 1 + i, role: role, maxWidth: rect.width - 4)
        }
        grid.put("i or Esc: close", x: rect.x + 2, y: rect.maxY - 2, role: .dim, maxWidth: rect.width - 4)
    }

    private func prompt(_ text: String, into grid: inout Grid) {
        let rect = centered(width: 44, height: 4)
        grid.box(rect, title: "Go to", glyphs: state.glyphs)
        grid.put("step or time: " + text + "_", x: rect.x + 2, y: rect.y + 1, role: .plain,
                 maxWidth: rect.width - 4)
        grid.put("e.g. 42, 1.5s   Enter go, Esc cancel", x: rect.x + 2, y: rect.y + 2, role: .dim,
                 maxWidth: rect.width - 4)
    }

    private func question(_ q: Question, into grid: inout Grid) {
        let width = min(70, state.size.width - 4)
        let rect = centered(width: width, height: q.choices.count + 5)
        grid.box(rect, title: "Predict", glyphs: state.glyphs)
        grid.put(q.text, x: rect.x + 2, y: rect.y + 1, role: .heading, maxWidth: rect.width - 4)
        for (i, choice) in q.choices.enumerated() {
            let y = rect.y + 2 + i
            grid.put("\(i + 1)", x: rect.x + 3, y: y, role: .key)
            grid.put(choice, x: rect.x + 6, y: y, role: .plain, maxWidth: rect.width - 8)
        }
        grid.put("press 1-\(q.choices.count) to answer, Esc to skip", x: rect.x + 2, y: rect.maxY - 2,
                 role: .dim, maxWidth: rect.width - 4)
    }

    private func summary(into grid: inout Grid) {
        let p = state.predict
        let rect = centered(width: 46, height: 6)
        grid.box(rect, title: "Predict: the end", glyphs: state.glyphs)
        let percent = p.asked > 0 ? p.correct * 100 / p.asked : 0
        grid.put("You answered \(p.correct) of \(p.asked) right (\(percent)%).", x: rect.x + 2,
                 y: rect.y + 1, role: p.correct == p.asked ? .good : .plain, maxWidth: rect.width - 4)
        grid.put("Home to go again, Esc to look around, q to quit", x: rect.x + 2, y: rect.y + 3,
                 role: .dim, maxWidth: rect.width - 4)
    }
}
