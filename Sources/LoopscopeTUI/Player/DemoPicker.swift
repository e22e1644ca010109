import LoopscopeTrace

/// A demo on the picker's list.
package struct DemoChoice: Equatable, Sendable {
    package var id: String
    package var title: String
    /// Where it comes from, e.g. `seed 000`.
    package var origin: String
    /// The language of this version of it, e.g. `swift` or `python` (empty: not shown).
    package var language: String
    /// One line on what it teaches (empty: the title is shown instead).
    package var lesson: String

    package init(id: String, title: String, origin: String, language: String = "", lesson: String = "") {
        self.id = id
        self.title = title
        self.origin = origin
        self.language = language
        self.lesson = lesson
    }

    /// The choice as predict mode lists it: a title may give the outcome away ("Task
    /// ordering: T1, T3, T2"), so the id stands in for it, as on the player's status line.
    package var withoutOutcome: DemoChoice {
        var choice = self
        choice.title = id
        return choice
    }

    /// Whether every word of `query` is in the id, language, origin, title or lesson
    /// (ignoring case).
    package func matches(_ query: String) -> Bool {
        let haystack = [id, language, origin, title, lesson].joined(separator: " ").lowercased()
        return query.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
    }
}

/// The demo picker's state: the list, the filter typed after `/`, the highlighted entry
/// and its scroll, the help. Pure like the player: `reduce` and `view` only.
package struct PickerState: Equatable, Sendable {
    package let demos: [DemoChoice]
    /// The highlighted entry, an index into `demos` (one the filter shows, if any does).
    package internal(set) var selected: Int
    package internal(set) var size: TerminalSize
    /// Set when the user chose (`Enter`) or left (`q`, `Esc`).
    package internal(set) var result: PickerResult?
    package let ascii: Bool
    /// The filter: the list shows the demos that match every word of it.
    package internal(set) var filter: String
    /// Whether keys type into the filter (after `/`, until Enter or Esc).
    package internal(set) var typing: Bool
    package internal(set) var showHelp: Bool
    package let theme: Theme

    package init(demos: [DemoChoice], size: TerminalSize, selected: Int = 0, ascii: Bool = false,
                theme: Theme = .dark) {
        self.demos = demos
        self.size = size
        self.selected = min(max(0, selected), max(0, demos.count - 1))
        self.ascii = ascii
        filter = ""
        typing = false
        showHelp = false
        self.theme = theme
    }

    /// The indices into `demos` the filter lets through, in order.
    package var shown: [Int] { filter.isEmpty ? Array(demos.indices) : demos.indices.filter { demos[$0].matches(filter) } }

    package static func reduce(_ state: PickerState, _ event: InputEvent) -> PickerState {
        var s = state
        switch event {
        case .resize(let size): s.size = size
        case .interrupt, .terminate, .hangup: s.result = .signalled(event.signalNumber ?? 15)
        case .key(let key):
            if case .ctrl("c") = key { s.result = .signalled(2); break }
            if s.showHelp {
                if key == .char("q") { s.result = .cancelled }
                s.showHelp = false
                break
            }
            if s.typing, s.type(key) { break }
            s.move(key)
        }
        return s
    }

    /// A key while typing the filter; false when it is not a typing key (arrows, Enter).
    private mutating func type(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            if filter.count < 40 { filter.append(c) }
        case .backspace:
            if !filter.isEmpty { filter.removeLast() }
        case .escape:
            filter = ""
            typing = false
        case .enter:
            typing = false
        default:
            return false
        }
        keepSelectionShown()
        return true
    }

    private mutating func move(_ key: Key) {
        let list = shown
        let at = list.firstIndex(of: selected) ?? 0
        func go(_ i: Int) { if !list.isEmpty { selected = list[min(max(0, i), list.count - 1)] } }
        switch key {
        case .up, .char("k"): go(at - 1)
        case .down, .char("j"): go(at + 1)
        case .home: go(0)
        case .end: go(list.count - 1)
        case .pageUp: go(at - listRows)
        case .pageDown: go(at + listRows)
        case .enter, .right, .char(" "): if list.contains(selected) { result = .chose(selected) }
        case .char("/"):
            typing = true
        case .char("?"): showHelp = true
        case .escape:
            if filter.isEmpty { result = .cancelled } else { filter = ""; keepSelectionShown() }
        case .char("q"): result = .cancelled
        default: break
        }
    }

    /// After the filter changed: the highlight moves to the first demo shown if it is hidden.
    private mutating func keepSelectionShown() {
        let list = shown
        if !list.contains(selected), let first = list.first { selected = first }
    }

    /// Rows of the list: the screen less the title, the filter line, the details and keys.
    var listRows: Int { max(1, size.height - 8) }

    /// Draws the list: a title, the filter, one row per demo shown (id, language, what it
    /// teaches), the highlighted demo's title and lesson in full, the keys; or the help.
    package func view() -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        grid.theme = theme
        let glyphs = Glyphs.forASCII(ascii)
        let ellipsis = glyphs.ellipsis
        guard size.width >= 40, size.height >= 10 else {
            grid.put("terminal too small", x: 0, y: 0, role: .warning)
            return grid
        }
        let width = size.width
        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", .status))
        grid.put(TextWidth.fit(" loopscope: pick a demo to replay", width, ellipsis: ellipsis), x: 0, y: 0, role: .status)
        let list = shown
        // The filter line.
        if typing || !filter.isEmpty {
            let line = "/" + Sanitizer.line(filter, ascii: ascii) + (typing ? "_" : "")
                + "   \(list.count) of \(demos.count)"
            grid.put(TextWidth.fit(line, width - 2, ellipsis: ellipsis), x: 1, y: 1, role: typing ? .prompt : .plain)
        }
        let rows = listRows
        let at = list.firstIndex(of: selected) ?? 0
        var top = max(0, at - rows / 2)
        top = min(top, max(0, list.count - rows))
        let idWidth = min(32, demos.map { TextWidth.columns(Sanitizer.line($0.id, ascii: ascii)) }.max() ?? 0)
        let languageWidth = min(8, demos.map { TextWidth.columns(Sanitizer.line($0.language, ascii: ascii)) }.max() ?? 0)
        if list.isEmpty {
            grid.put("no demo matches; Esc clears the filter", x: 3, y: 3, role: .dim)
        }
        for (row, i) in list.dropFirst(top).prefix(rows).enumerated() {
            let demo = demos[i]
            let y = 3 + row
            let chosen = i == selected
            let mark = chosen ? String(glyphs.pointer) : " "
            let id = TextWidth.pad(TextWidth.fit(Sanitizer.line(demo.id, ascii: ascii), idWidth, ellipsis: ellipsis), idWidth)
            let language = languageWidth == 0 ? "" : TextWidth.pad(Sanitizer.line(demo.language, ascii: ascii), languageWidth) + "  "
            let what = Sanitizer.line(demo.lesson.isEmpty ? demo.title : demo.lesson, ascii: ascii)
            let line = TextWidth.fit("\(mark) \(id)  \(language)\(what)", width - 2, ellipsis: ellipsis)
            let used = grid.put(line, x: 1, y: y, role: chosen ? .lineRan : .plain, maxWidth: width - 2)
            if chosen { grid.paint(x: 1 + used, y: y, width: width - 2 - used, role: .lineRan) }
        }
        // The highlighted demo in full: its title and origin, then what it teaches.
        if list.contains(selected), selected < demos.count {
            let demo = demos[selected]
            var about = Sanitizer.line(demo.title, ascii: ascii)
            if !demo.origin.isEmpty { about += " (\(Sanitizer.line(demo.origin, ascii: ascii)))" }
            if !demo.lesson.isEmpty { about += ": " + Sanitizer.line(demo.lesson, ascii: ascii) }
            let lines = TextWrap.clip(TextWrap.lines(about, width: width - 2, ellipsis: ellipsis), rows: 2,
                                      width: width - 2, ellipsis: ellipsis)
            for (k, line) in lines.enumerated() { grid.put(line, x: 1, y: size.height - 4 + k, role: .dim) }
        }
        let keys = typing
            ? "type to filter   Enter keep   Esc clear"
            : (ascii ? "up/down choose  Enter play  / filter  ? help  q quit" : "↑/↓ choose  Enter play  / filter  ? help  q quit")
        grid.put(TextWidth.fit(keys, width - 2, ellipsis: ellipsis), x: 1, y: size.height - 1, role: .dim)
        if showHelp { drawHelp(into: &grid, glyphs: glyphs) }
        return grid
    }

    static func helpText(ascii: Bool) -> [(String, String)] { [
        (ascii ? "up down  PgUp PgDn" : "↑ ↓  PgUp PgDn", "move through the list"),
        ("Enter", "play the highlighted demo (q in the player comes back here)"),
        ("/", "filter: type words from a demo's id, language or lesson, e.g. python or sleep; Enter keeps the filter, Esc clears it"),
        ("?", "this help"),
        ("q  Esc", "leave"),
        ("", "Each demo is the Swift port or the Python original of an article's program; the line says what it teaches."),
    ] }

    private func drawHelp(into grid: inout Grid, glyphs: Glyphs) {
        let width = min(72, size.width - 4)
        let inner = width - 4
        var lines: [(String, StyleRole)] = []
        for (k, meaning) in Self.helpText(ascii: ascii) {
            if !k.isEmpty { lines.append((k, .key)) }
            for line in TextWrap.lines(meaning, width: inner - 2, ellipsis: glyphs.ellipsis) { lines.append(("  " + line, .plain)) }
        }
        let height = min(lines.count + 2, size.height - 2)
        let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        grid.box(rect, title: "Picker keys", glyphs: glyphs)
        let texts = TextWrap.clip(lines.map(\.0), rows: height - 2, width: inner, ellipsis: glyphs.ellipsis)
        for (k, text) in texts.enumerated() {
            grid.put(text, x: rect.x + 2, y: rect.y + 1 + k, role: lines[k].1, maxWidth: inner)
        }
    }
}

/// What the picker ended with.
package enum PickerResult: Equatable, Sendable {
    case chose(Int)
    case cancelled
    /// Ended by Ctrl-C or a signal (its number).
    case signalled(Int32)
}

extension Player {
    /// Shows the demo list on `backend` and returns the index chosen, or nil when the user
    /// left. Does not restore the terminal.
    package static func pick(demos: [DemoChoice], selected: Int = 0, on backend: any TerminalBackend) -> Int? {
        if case .chose(let i) = pickResult(demos: demos, selected: selected, on: backend) { return i }
        return nil
    }

    /// Like `pick`, but says how the picker ended. With `predict`, titles are not shown
    /// (nor searched by the filter): the lessons ask without telling.
    package static func pickResult(demos: [DemoChoice], selected: Int = 0, theme: Theme = .dark,
                                  predict: Bool = false, on backend: any TerminalBackend) -> PickerResult {
        let listed = predict ? demos.map(\.withoutOutcome) : demos
        var state = PickerState(demos: listed, size: backend.size, selected: selected,
                                ascii: !backend.capabilities.unicode, theme: theme)
        backend.draw(state.view())
        while state.result == nil {
            guard let event = backend.nextEvent(timeoutMilliseconds: -1) else { continue }
            state = PickerState.reduce(state, event)
            backend.draw(state.view())
        }
        return state.result ?? .cancelled
    }
}
