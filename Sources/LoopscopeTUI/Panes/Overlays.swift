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
        } else if let r = state.predict.reveal, r.question.step == state.step {
            reveal(r, into: &grid)
        }
    }

    static func helpLines(ascii: Bool) -> [(String, String)] {
        [
            (ascii ? "-> / <-" : "→ / ←", "next / previous step;  Home / End: first / last"),
            ("space", "play or pause;  + / -  faster / slower"),
            ("r", "real time: a virtual second lasts N real seconds (+ / -)"),
            (ascii ? "up / down" : "↑ / ↓", "select a lane (the source pane marks where it waits)"),
            ("Tab or n", "the selected task's next step (Shift-Tab or N: previous)"),
            ("g", "go to a step (42) or a time (1.5s)"),
            ("c", "choose a pane (its title rule starts with \(ascii ? ">" : "›"))"),
            ("z", "zoom the chosen pane to the full screen (z or Esc: back)"),
            ("[ / ]", "scroll the output pane (\(ascii ? "up down" : "↑ ↓") PgUp PgDn once chosen)"),
            ("> / <", "zoom the time axis in / out"),
            ("f", "hide or show finished tasks"),
            ("v or 1 2 3", "timeline, sequence diagram, breakdown list"),
            ("PgUp / PgDn", "scroll the sequence or breakdown view"),
            ("p", "predict mode: guess what runs or prints next"),
            ("i", "about this demo: what to watch, where the article is wrong"),
            ("t", "colours: dark, light, projector (also --theme)"),
            ("w", "save this screen as a text file (for a handout)"),
            ("? / q", "this help / quit"),
        ]
    }

    /// The help box's rows for a box `width` columns wide: each key, its meaning wrapped
    /// beside it, then the note on lanes (key column empty on continuation rows).
    static func helpRows(ascii: Bool, width: Int, ellipsis: String) -> [(key: String, text: String, role: StyleRole)] {
        let meaningWidth = max(1, width - 18)
        var rows: [(key: String, text: String, role: StyleRole)] = []
        for (key, meaning) in helpLines(ascii: ascii) {
            for (k, line) in TextWrap.lines(meaning, width: meaningWidth, ellipsis: ellipsis).enumerated() {
                rows.append((k == 0 ? key : "", line, .plain))
            }
        }
        rows.append(("", "", .plain))
        for line in TextWrap.lines("Lanes: each row a task; the loop row shows what holds the loop.",
                                   width: max(1, width - 4), ellipsis: ellipsis) {
            rows.append(("", line, .dim))
        }
        return rows
    }

    private func centered(width: Int, height: Int) -> Rect {
        let w = min(width, grid_width - 2), h = min(height, grid_height - 2)
        return Rect(x: (grid_width - w) / 2, y: (grid_height - h) / 2, width: w, height: h)
    }

    private var grid_width: Int { state.size.width }
    private var grid_height: Int { state.size.height }

    private func help(into grid: inout Grid) {
        let width = min(76, state.size.width - 2)
        let rows = Self.helpRows(ascii: state.ascii, width: width, ellipsis: state.glyphs.ellipsis)
        let rect = centered(width: width, height: rows.count + 2)
        grid.box(rect, title: "Keys", glyphs: state.glyphs)
        let inside = rect.height - 2
        for (i, row) in rows.prefix(inside).enumerated() {
            let y = rect.y + 1 + i
            let cut = i == inside - 1 && rows.count > inside
            if row.role == .dim {
                let text = cut ? TextWrap.ended(row.text, width: rect.width - 4, ellipsis: state.glyphs.ellipsis) : row.text
                grid.put(text, x: rect.x + 2, y: y, role: .dim, maxWidth: rect.width - 4)
                continue
            }
            grid.put(row.key, x: rect.x + 2, y: y, role: .key)
            let text = cut ? TextWrap.ended(row.text, width: rect.width - 18, ellipsis: state.glyphs.ellipsis) : row.text
            grid.put(text, x: rect.x + 16, y: y, maxWidth: rect.width - 18)
        }
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
        var lines = Self.aboutLines(state.timeline.trace.program, width: width - 4, ellipsis: state.glyphs.ellipsis)
        var title = Sanitizer.line(state.timeline.trace.program.title)
        if state.hidesFuture {
            // The note and the claims tell the outcome: they wait for the end of predict mode.
            title = "About this demo"
            lines = wrap("What this demo teaches, and where its article differs from CPython, shows at the end "
                + "of predict mode (or turn predict mode off with p).", width - 4, .plain)
        }
        let rect = centered(width: width, height: min(lines.count + 4, state.size.height - 2))
        grid.box(rect, title: TextWidth.fit(title, width - 6, ellipsis: state.glyphs.ellipsis), glyphs: state.glyphs)
        for (i, (text, role)) in clipped(lines, rows: rect.height - 3, width: rect.width - 4).enumerated() {
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

    /// The first `rows` lines; when some are left out, the last one kept ends in the ellipsis.
    private func clipped(_ lines: [(String, StyleRole)], rows: Int, width: Int) -> [(String, StyleRole)] {
        guard lines.count > rows else { return lines }
        let texts = TextWrap.clip(lines.map(\.0), rows: rows, width: width, ellipsis: state.glyphs.ellipsis)
        return zip(texts, lines).map { ($0, $1.1) }
    }

    /// Wrapped lines of `text` for a box `width` columns wide inside (sanitized already).
    private func wrap(_ text: String, _ width: Int, _ role: StyleRole) -> [(String, StyleRole)] {
        TextWrap.lines(text, width: max(1, width), ellipsis: state.glyphs.ellipsis).map { ($0, role) }
    }

    private func question(_ q: Question, into grid: inout Grid) {
        let width = min(70, state.size.width - 4)
        let inner = width - 4
        let heading = wrap(q.text, inner, .heading)
        let footer = "press 1-\(q.choices.count) to answer, Esc to skip"
        let rect = centered(width: width, height: heading.count + q.choices.count + 4)
        grid.box(rect, title: "Predict", glyphs: state.glyphs)
        var y = rect.y + 1
        for (line, role) in clipped(heading, rows: max(1, rect.height - 4 - q.choices.count), width: inner) {
            grid.put(line, x: rect.x + 2, y: y, role: role, maxWidth: inner)
            y += 1
        }
        for (i, choice) in q.choices.enumerated() {
            grid.put("\(i + 1)", x: rect.x + 3, y: y, role: .key)
            grid.put(TextWidth.fit(choice, rect.width - 8, ellipsis: state.glyphs.ellipsis), x: rect.x + 6, y: y,
                     role: .plain, maxWidth: rect.width - 8)
            y += 1
        }
        grid.put(TextWidth.fit(footer, inner, ellipsis: state.glyphs.ellipsis), x: rect.x + 2, y: rect.maxY - 2,
                 role: .dim, maxWidth: inner)
    }

    /// The verdict on the last answer, across the bottom of the screen: right or not, which
    /// misconception the choice came from, and why the right answer is right.
    func reveal(_ reveal: Reveal, into grid: inout Grid) {
        let width = state.size.width
        let inner = width - 4
        let lines = wrap(reveal.question.feedback(for: reveal.chosen), inner, reveal.isCorrect ? .good : .bad)
            + [("", .plain)] + wrap("Esc hides this; any step goes on.", inner, .dim)
        let height = min(lines.count + 2, state.size.height / 2)
        let rect = Rect(x: 0, y: state.size.height - 1 - height, width: width, height: height)
        grid.box(rect, title: reveal.isCorrect ? "Right" : "Not quite", glyphs: state.glyphs)
        for (i, (line, role)) in clipped(lines, rows: height - 2, width: inner).enumerated() {
            grid.put(line, x: 2, y: rect.y + 1 + i, role: role, maxWidth: inner)
        }
    }

    /// The end of predict mode: the score, and the misconceptions that tripped the student.
    static func summaryLines(_ p: PredictState, width: Int, ellipsis: String) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole, indent: String = "") {
            for (k, line) in TextWrap.lines(text, width: max(1, width - indent.count), ellipsis: ellipsis).enumerated() {
                lines.append(((k == 0 ? indent : String(repeating: " ", count: indent.count)) + line, role))
            }
        }
        let percent = p.asked > 0 ? p.correct * 100 / p.asked : 0
        add("You answered \(p.correct) of \(p.asked) right (\(percent)%).", p.correct == p.asked ? .good : .plain)
        lines.append(("", .plain))
        if p.tripped.isEmpty {
            add(p.asked > 0 ? "No misconception tripped you." : "No question was answered.", .good)
        } else {
            add("What tripped you:", .heading)
            for (m, n) in p.tripped.sorted(by: { $0.key < $1.key }) {
                add("\(m.name) (\(n) time\(n == 1 ? "" : "s"))", .bad, indent: "- ")
            }
        }
        lines.append(("", .plain))
        add("i: what this demo teaches. Home: again. Esc: look around. q: quit.", .dim)
        return lines
    }

    private func summary(into grid: inout Grid) {
        let width = min(60, state.size.width - 4)
        let lines = Self.summaryLines(state.predict, width: width - 4, ellipsis: state.glyphs.ellipsis)
        let rect = centered(width: width, height: lines.count + 2)
        grid.box(rect, title: "Predict: the end", glyphs: state.glyphs)
        for (i, (text, role)) in clipped(lines, rows: rect.height - 2, width: rect.width - 4).enumerated() {
            grid.put(text, x: rect.x + 2, y: rect.y + 1 + i, role: role, maxWidth: rect.width - 4)
        }
    }
}
