import LoopscopeTimeline
import LoopscopeTrace

/// Draws the loop pane: the running task, the ready queue front first, pending timers with
/// their deadlines, and the tasks that have finished (newest last). A program without an
/// event loop has no queue and no timers: the pane is "Threads", and says which threads
/// work, which wait (asleep, or joining another) and which have finished.
struct LoopPane {
    let state: AppState
    let rect: Rect

    func draw(into grid: inout Grid) {
        let g = state.glyphs
        let tl = state.timeline
        let loop = state.loop
        grid.titleRule(rect, tl.loopless ? "Threads" : "Loop", note: "t=\(loop.time.formatted(decimals: 3))", glyphs: g)
        let width = rect.width - 1
        let rows = rect.height - 1
        guard rows > 0, width > 10 else { return }
        let labelWidth = 9
        if tl.loopless {
            draw(threadSections(), into: &grid, rows: rows, width: width, labelWidth: labelWidth)
            return
        }
        let running = loop.running >= 0 ? tl.taskName(loop.running, ascii: state.ascii) : "nothing"
        let queue = loop.readyQueue.prefix(AppState.loopFront).map { entry in
            entry.kind == .taskStep ? tl.taskName(entry.task, ascii: state.ascii) : tl.describe(entry, ascii: state.ascii)
        }
        let timers = loop.timers.prefix(AppState.loopFront).map { timer in
            let owner = timer.task >= 0 ? tl.taskName(timer.task, ascii: state.ascii) : "timer"
            let purpose = timer.purpose == .sleep ? "" : " (\(timer.purpose))"
            return "\(owner) at \(timer.deadline)s\(purpose)"
        }
        let finished = loop.finished.suffix(12).map { f in
            "\(tl.taskName(f.task, ascii: state.ascii)) \(LaneLook(ascii: state.ascii).glyph(f.outcome))"
        }
        let finishedNote = loop.finishedCount > 12 ? "\(loop.finishedCount) finished: " : ""
        let sections: [(String, [String], StyleRole, String)] = [
            ("running", [running], loop.running >= 0 ? .running : .dim, ""),
            ("ready", queue.isEmpty ? ["empty"] : queue, queue.isEmpty ? .dim : .ready, ""),
            ("timers", timers.isEmpty ? ["none"] : timers, timers.isEmpty ? .dim : .waiting, ""),
            ("finished", finished.isEmpty ? ["none"] : finished, finished.isEmpty ? .dim : .done, finishedNote),
        ]
        draw(sections, into: &grid, rows: rows, width: width, labelWidth: labelWidth)
    }

    /// How many lanes the Threads pane looks at (working and waiting) per frame.
    static let threadScan = 2_000

    /// The threads of a loop-less program: at work, waiting (and on what), finished.
    private func threadSections() -> [(String, [String], StyleRole, String)] {
        let tl = state.timeline
        let loop = state.loop
        var working: [String] = []
        var waiting: [String] = []
        // Only the first lanes are looked at, so a frame of a huge thread program stays cheap.
        for lane in tl.lanes.prefix(Self.threadScan) where working.count + waiting.count < 60 {
            let status = loop.status(ofTask: lane.task)
            guard let s = status.state else { continue }
            let name = tl.displayName(lane.task, ascii: state.ascii)
            if s.isActive {
                working.append(name)
            } else if s == .suspended, status.event >= 0 {
                let e = tl.trace.events[Int(status.event)]
                switch e.waitReason {
                case .sleep?: waiting.append("\(name) asleep")
                case .join?, .thread?, .task?:
                    waiting.append(e.other >= 0 ? "\(name) joins \(tl.displayName(e.other, ascii: state.ascii))" : name)
                default: waiting.append(name)
                }
            }
        }
        let finished = loop.finished.suffix(12).map { f in
            "\(tl.taskName(f.task, ascii: state.ascii)) \(LaneLook(ascii: state.ascii).glyph(f.outcome))"
        }
        let finishedNote = loop.finishedCount > 12 ? "\(loop.finishedCount) finished: " : ""
        return [
            ("working", working.isEmpty ? ["none"] : working, working.isEmpty ? .dim : .running, ""),
            ("waiting", waiting.isEmpty ? ["none"] : waiting, waiting.isEmpty ? .dim : .waiting, ""),
            ("finished", finished.isEmpty ? ["none"] : finished, finished.isEmpty ? .dim : .done, finishedNote),
        ]
    }

    private func draw(_ sections: [(String, [String], StyleRole, String)], into grid: inout Grid, rows: Int,
                      width: Int, labelWidth: Int) {
        let g = state.glyphs
        var sections = sections
        if rows < sections.count { sections = Array(sections.prefix(rows)) }
        // One row per section, extra rows to the ready queue, then timers, then finished.
        var budget = sections.map { _ in 1 }
        var spare = rows - sections.count
        for i in [1, 2, 3] where i < sections.count {
            let need = wrapped(sections[i], width: width - labelWidth).count - 1
            let give = min(spare, max(0, need))
            budget[i] += give
            spare -= give
        }
        var y = rect.y + 1
        for (i, section) in sections.enumerated() {
            grid.put(section.0, x: rect.x + 1, y: y, role: .heading)
            var lines = wrapped(section, width: width - labelWidth)
            if lines.count > budget[i] {
                lines = Array(lines.prefix(budget[i]))
                let more = "\(g.ellipsis)more"
                if let last = lines.last {
                    lines[lines.count - 1] = TextWidth.fit(last, width - labelWidth - TextWidth.columns(more) - 1,
                                                           ellipsis: "") + " " + more
                }
            }
            for line in lines {
                grid.put(line, x: rect.x + 1 + labelWidth, y: y, role: section.2, maxWidth: width - labelWidth)
                y += 1
            }
        }
    }

    /// A section's items joined with commas and wrapped to `width`.
    private func wrapped(_ section: (String, [String], StyleRole, String), width: Int) -> [String] {
        let text = section.3 + section.1.prefix(50).joined(separator: ", ")
        return TextWrap.lines(text, width: max(1, width), ellipsis: state.glyphs.ellipsis)
    }
}
