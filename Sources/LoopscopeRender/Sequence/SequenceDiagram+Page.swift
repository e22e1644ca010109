import LoopscopeTrace

/// Draws one page of a sequence diagram: the loop and a group of tasks.
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
    /// Every participant's lifeline at the message being drawn.
    private var lifelines: [SequenceScript.Lifeline]

    /// The most lines one note may take before it is cut.
    static let noteLines = 3

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

    mutating func draw() -> [String] {
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
        for message in script.messages {
            for change in message.changes { lifelines[change.participant] = change.state }
            add(message)
        }
        return rows
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

    private mutating func emit(_ row: TextRow, _ m: SequenceScript.Message) {
        var row = row
        if m.time != lastTime {
            lastTime = m.time
            let label = "\(m.time)s"
            row.put(label, at: margin - 1 - label.count)
        }
        rows.append(row.text)
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
        let left = x(p) + 2
        let room = width - left
        var lines = Wrap.lines(text, width: room, ellipsis: glyphs.ellipsis)
        if lines.count > Self.noteLines {
            let rest = lines[(Self.noteLines - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(Self.noteLines - 1))
                + [TextWidth.fit(rest, room, ellipsis: glyphs.ellipsis)]
        }
        for line in lines {
            var row = base(m)
            row.put(line, at: left)
            emit(row, m)
        }
    }

    private mutating func arrow(_ m: SequenceScript.Message, from a: Int, to b: Int, dashed: Bool) {
        let (xa, xb) = (x(a), x(b))
        let (lo, hi) = (min(xa, xb), max(xa, xb))
        let span = hi - lo
        let labelWidth = TextWidth.columns(m.label)
        let embed = labelWidth + 5 <= span
        if !embed {
            var above = base(m)
            above.put(TextWidth.fit(m.label, width - lo - 2, ellipsis: glyphs.ellipsis), at: lo + 2)
            emit(above, m)
        }
        var row = base(m)
        let fill = dashed ? glyphs.dashed : glyphs.solid
        for c in (lo + 1)..<hi { row.put(fill, at: c) }
        if xb > xa {
            row.put(glyphs.right, at: hi - 1)
            if embed { row.put(m.label, at: lo + 3) }
        } else {
            row.put(glyphs.left, at: lo + 1)
            if embed { row.put(m.label, at: lo + 4) }
        }
        emit(row, m)
    }
}
