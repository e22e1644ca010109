import LoopscopeTrace

/// Drawing helpers shared by the panes: title rules, word wrapping, framed boxes.
extension Grid {
    /// A pane's title rule: `─ Title ─────` across the rectangle's first row, with an
    /// optional note right-aligned (e.g. `zoom ×2`).
    mutating func titleRule(_ rect: Rect, _ title: String, note: String = "", glyphs: Glyphs) {
        guard rect.height > 0, rect.width > 0 else { return }
        let line = String(repeating: String(glyphs.horizontal), count: rect.width)
        put(line, x: rect.x, y: rect.y, role: .border)
        let fitted = TextWidth.fit(title, max(0, rect.width - 4), ellipsis: glyphs.ellipsis)
        let used = put(" " + fitted + " ", x: rect.x + 1, y: rect.y, role: .heading, maxWidth: rect.width - 2)
        if !note.isEmpty {
            let n = " " + note + " "
            let w = TextWidth.columns(n)
            let x = rect.maxX - 1 - w
            if x > rect.x + 1 + used { put(n, x: x, y: rect.y, role: .dim) }
        }
    }

    /// Writes lines into a rectangle, one per row, cut at its width and height.
    mutating func lines(_ lines: [String], in rect: Rect, role: StyleRole = .plain) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + i, role: role, maxWidth: rect.width)
        }
    }

    /// A framed box with a title, for overlays; its inside is cleared.
    mutating func box(_ rect: Rect, title: String, glyphs: Glyphs) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        fill(rect, with: Cell(" ", .plain))
        let (h, v) = (String(glyphs.horizontal), String(glyphs.vertical))
        let (tl, tr, bl, br) = glyphs.isASCII ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘")
        put(tl + String(repeating: h, count: rect.width - 2) + tr, x: rect.x, y: rect.y, role: .prompt)
        put(bl + String(repeating: h, count: rect.width - 2) + br, x: rect.x, y: rect.maxY - 1, role: .prompt)
        for row in rect.y + 1..<rect.maxY - 1 {
            put(v, x: rect.x, y: row, role: .prompt)
            put(v, x: rect.maxX - 1, y: row, role: .prompt)
        }
        put(" " + title + " ", x: rect.x + 2, y: rect.y, role: .prompt, maxWidth: rect.width - 4)
    }
}
