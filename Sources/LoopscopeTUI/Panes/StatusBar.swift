import LoopscopeTrace

/// Draws the status line (demo title, virtual time, step N of M, view, playback, score)
/// and the key bar (the keys that apply now).
struct StatusBar {
    let state: AppState

    func drawStatus(into grid: inout Grid, rect: Rect) {
        grid.fill(rect, with: Cell(" ", .status))
        let g = state.glyphs
        let sep = " \(g.vertical) "
        let program = state.timeline.trace.program
        // A title may give the outcome away ("T1, T3, T2"): in predict mode, the id until the end.
        var title = Sanitizer.line(state.hidesFuture ? program.id : program.title, ascii: state.ascii)
        if !program.origin.isEmpty { title += " (\(Sanitizer.line(program.origin, ascii: state.ascii)))" }
        let time = "t=\(state.loop.time.formatted(decimals: 3)) s"
        let step = "step \(state.step + 1) of \(state.stepCount)"
        var right = [time, step, state.view.title]
        right.append((state.playing ? "playing " : "paused ") + speedText)
        if state.predict.enabled { right.append("score \(state.predict.correct)/\(state.predict.asked)") }
        let rightText = right.joined(separator: sep) + " "
        let rightWidth = TextWidth.columns(rightText)
        let room = rect.width - rightWidth - 2
        grid.put(" " + TextWidth.fit(title, max(0, room - 1), ellipsis: g.ellipsis), x: rect.x, y: rect.y,
                 role: .status)
        grid.put(rightText, x: rect.maxX - rightWidth, y: rect.y, role: .status)
    }

    /// `4/s`, `0.5/s`, or in real time `real time ×2` (a virtual second lasts 2 s).
    var speedText: String {
        guard state.realTime else { return "\(Self.number(state.stepsPerSecond))/s" }
        return "real time \(state.ascii ? "x" : "×")\(Self.number(state.realTimeScale))"
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }

    func drawKeys(into grid: inout Grid, rect: Rect) {
        grid.fill(rect, with: Cell(" ", .plain))
        if let notice = state.notice {
            grid.put(" " + notice, x: rect.x, y: rect.y, role: .warning, maxWidth: rect.width)
            return
        }
        // Keep the keys that fit, most important first (help and quit always), shown in
        // their natural order.
        let all = keys()
        let widths = all.map { TextWidth.columns($0.0) + 1 + TextWidth.columns($0.1) + 2 }
        let order = all.indices.sorted { a, b in
            let (pa, pb) = (priority(all[a].0), priority(all[b].0))
            return pa != pb ? pa > pb : a < b
        }
        var keep = Set<Int>()
        var used = 0
        for i in order where used + widths[i] <= rect.width {
            keep.insert(i)
            used += widths[i]
        }
        var x = rect.x
        for i in all.indices where keep.contains(i) {
            let (key, meaning) = all[i]
            grid.put(key, x: x, y: rect.y, role: .key)
            grid.put(meaning, x: x + TextWidth.columns(key) + 1, y: rect.y, role: .plain)
            x += widths[i]
        }
    }

    private func priority(_ key: String) -> Int {
        switch key {
        case "?", "q", "p": 2
        case "i": state.timeline.trace.program.claims.isEmpty ? 0 : 2
        case "+-", "f", "z": 0
        default: 1
        }
    }

    /// The keys that apply in the current mode, in the order shown.
    func keys() -> [(String, String)] {
        let a = state.ascii
        let lr = a ? "<- ->" : "←→"
        let ud = a ? "up dn" : "↑↓"
        if state.prompt != nil {
            return [("Enter", "go"), ("Esc", "cancel"), ("42", "step"), ("1.5s", "time")]
        }
        if state.showHelp { return [("any key", "close help")] }
        if state.showAbout { return [("any key", "close")] }
        if state.predict.showSummary { return [("Esc", "close"), ("Home", "again"), ("q", "quit")] }
        if let q = state.predict.question {
            return [("1-\(q.choices.count)", "answer"), ("Esc", "skip"), (a ? "<-" : "←", "back"),
                    ("p", "predict off"), ("q", "quit")]
        }
        return [(lr, "step"), ("space", state.playing ? "pause" : "play"), ("+-", "speed"),
                (ud, "lane"), ("Tab", "next"), ("g", "go to"), ("z", "zoom"), ("f", "done"),
                ("v", "view"), ("p", "predict"), ("i", "about"), ("?", "help"), ("q", "quit")]
    }
}
