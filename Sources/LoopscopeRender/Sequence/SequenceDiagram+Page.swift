import LoopscopeTrace

/// Draws one page of a sequence diagram: the loop and a group of tasks.
///
/// No label touches or crosses a lifeline: a note, or a label too long for its arrow, is
/// wrapped into the room between its own lifeline and the next lifeline to its right that
/// exists at that row (one blank column kept on each side), and cut with the ellipsis past
/// `noteLines` lines. An arrow carries its label only where the label clears every
/// lifeline the arrow passes.
struct PageDrawer {
    let script: SequenceScript
    let page: [Int]
    let margin: Int
    let width: Int
    let glyphs: SequenceGlyphs
    /// Columns per participant.
    let column: Int
    /// Slot on this page of each participant, or nil when it is on another page.
    private var slot: [Int?]
    private var lastTime: VirtualTime? = nil
    private var rows: [String] = []
    /// The trace event each row shows (-1: none), row for row with `rows`.
    private var rowEvents: [Int32] = []
    /// Every participant's lifeline at the message being drawn.
    private var lifelines: [SequenceScript.Lifeline]

    /// The most lines one note may take before it is cut.
    static let noteLines = 3
    /// Rows at the top of a page that name the participants (names, then subtitles).
    static let headerRows = 2

    init(script: SequenceScript, page: [Int], margin: Int, width: Int, glyphs: SequenceGlyphs) {
        self.script = script
        self.page = page
        self.margin = margin
        self.width = width
        self.glyphs = glyphs
        column = min(SequenceDiagram.maxColumn, (width - margin) / max(1, page.count))
        slot = Array(repeating: nil, count: script.participants.count)
        lifelines = script.initialLifelines
        for (i, p) in page.enumerated() { slot[p] = i }
    }

    /// The lifeline column of a participant on this page.
    private func x(_ participant: Int) -> Int { margin + slot[participant]! * column }

    /// The page's lines, and the trace event each one shows (-1 for none).
    mutating func draw() -> (lines: [String], events: [Int32]) {
        var names = TextRow(width: width)
        var subtitles = TextRow(width: width)
        names.put("time", at: margin - 5)
        for p in page {
            let room = min(column - 1, width - x(p))
            let info = script.participants[p]
            names.put(TextWidth.fit(info.name, room, ellipsis: glyphs.ellipsis), at: x(p))
            subtitles.put(TextWidth.fit(info.subtitle, room, ellipsis: glyphs.ellipsis), at: x(p))
        }
        rows = [names.text, subtitles.text]
        var start = TextRow(width: width)
        start.put(glyphs.lifeline, at: x(0))
        rows.append(start.text)
        rowEvents = [-1, -1, -1]
        for message in script.messages {
            for change in message.changes { lifelines[change.participant] = change.state }
            add(message)
        }
        return (rows, rowEvents)
    }

    private func base(_ m: SequenceScript.Message) -> TextRow {
        var row = TextRow(width: width)
        for p in page {
            switch lifelines[p] {
            case .absent: break
            case .alive: row.put(glyphs.lifeline, at: x(p))
            case .running: row.put(glyphs.running, at: x(p))
            }
        }
        return row
    }

    /// The column of the first lifeline drawn right of `column` at this message, or nil.
    private func nextLifeline(after column: Int) -> Int? {
        var best: Int? = nil
        for p in page where lifelines[p] != .absent {
            let c = x(p)
            if c > column && c < (best ?? Int.max) { best = c }
        }
        return best
    }

    /// Columns a label starting at `left` may take: up to one blank before the next
    /// lifeline right of `from`, or to the edge.
    private func room(from: Int, left: Int) -> Int {
        let end = nextLifeline(after: from).map { $0 - 1 } ?? width
        return max(1, end - left)
    }

    private mutating func emit(_ row: TextRow, _ m: SequenceScript.Message) {
        var row = row
        if m.time != lastTime {
            lastTime = m.time
            let label = "\(m.time)s"
            row.put(label, at: margin - 1 - label.count)
        }
        rows.append(row.text)
        rowEvents.append(Int32(clamping: m.index))
    }

    private mutating func add(_ m: SequenceScript.Message) {
        switch m.shape {
        case let .note(at: p):
            if slot[p] != nil { note(m, at: p, m.label) }
        case let .arrow(from: a, to: b, dashed: dashed):
            func name(_ p: Int) -> String { script.participants[p].name }
            switch (slot[a] != nil, slot[b] != nil) {
            case (true, true) where a == b:
                note(m, at: a, m.label)
            case (true, true):
                arrow(m, from: a, to: b, dashed: dashed)
            case (true, false) where a != 0:
                note(m, at: a, "\(m.label) -> \(name(b))")
            case (false, true) where b != 0:
                note(m, at: b, "<- \(m.label) from \(name(a))")
            default:
                // Arrows between the loop and a task on another page are drawn there.
                break
            }
        }
    }

    private mutating func note(_ m: SequenceScript.Message, at p: Int, _ text: String) {
        for line in lines(text, from: x(p)) {
            var row = base(m)
            row.put(line, at: x(p) + 2)
            emit(row, m)
        }
    }

    /// `text` wrapped into the room right of the lifeline at `from` (at most `noteLines`).
    private func lines(_ text: String, from: Int) -> [String] {
        let room = room(from: from, left: from + 2)
        var lines = Wrap.lines(text, width: room, ellipsis: glyphs.ellipsis)
        if lines.count > Self.noteLines {
            let rest = lines[(Self.noteLines - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(Self.noteLines - 1))
                + [TextWidth.fit(rest, room, ellipsis: glyphs.ellipsis)]
        }
        return lines
    }

    private mutating func arrow(_ m: SequenceScript.Message, from a: Int, to b: Int, dashed: Bool) {
        let (xa, xb) = (x(a), x(b))
        let (lo, hi) = (min(xa, xb), max(xa, xb))
        let labelWidth = TextWidth.columns(m.label)
        let at = xb > xa ? lo + 3 : lo + 4
        // The label rides the arrow only if a fill character is left between it and the
        // next lifeline (or the arrowhead).
        let stop = min(nextLifeline(after: lo) ?? hi, xb > xa ? hi - 1 : hi)
        let embed = at + labelWidth + 1 <= stop
        if !embed {
            for line in lines(m.label, from: lo) {
                var above = base(m)
                above.put(line, at: lo + 2)
                emit(above, m)
            }
        }
        var row = base(m)
        let fill = dashed ? glyphs.dashed : glyphs.solid
        for c in (lo + 1)..<hi { row.put(fill, at: c) }
        if xb > xa {
            row.put(glyphs.right, at: hi - 1)
        } else {
            row.put(glyphs.left, at: lo + 1)
        }
        if embed { row.put(m.label, at: at) }
        emit(row, m)
    }
}
