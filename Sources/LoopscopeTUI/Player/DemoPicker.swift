import LoopscopeTrace

/// A demo on the picker's list.
public struct DemoChoice: Equatable, Sendable {
    public var id: String
    public var title: String
    /// Where it comes from, e.g. `seed 000`.
    public var origin: String
    /// The language of this version of it, e.g. `swift` or `python` (empty: not shown).
    public var language: String

    public init(id: String, title: String, origin: String, language: String = "") {
        self.id = id
        self.title = title
        self.origin = origin
        self.language = language
    }
}

/// The demo picker's state: the list, the highlighted entry and its scroll. Pure like the
/// player: `reduce` and `view` only.
public struct PickerState: Equatable, Sendable {
    public let demos: [DemoChoice]
    public internal(set) var selected: Int
    public internal(set) var size: TerminalSize
    /// Set when the user chose (`Enter`) or left (`q`, `Esc`).
    public internal(set) var result: PickerResult?
    public let ascii: Bool

    public init(demos: [DemoChoice], size: TerminalSize, selected: Int = 0, ascii: Bool = false) {
        self.demos = demos
        self.size = size
        self.selected = min(max(0, selected), max(0, demos.count - 1))
        self.ascii = ascii
    }

    public static func reduce(_ state: PickerState, _ event: InputEvent) -> PickerState {
        var s = state
        switch event {
        case .resize(let size): s.size = size
        case .interrupt, .terminate, .hangup: s.result = .signalled(event.signalNumber ?? 15)
        case .key(let key):
            switch key {
            case .up, .char("k"): s.selected = max(0, s.selected - 1)
            case .down, .char("j"): s.selected = min(s.demos.count - 1, s.selected + 1)
            case .home: s.selected = 0
            case .end: s.selected = max(0, s.demos.count - 1)
            case .pageUp: s.selected = max(0, s.selected - s.listRows)
            case .pageDown: s.selected = min(s.demos.count - 1, s.selected + s.listRows)
            case .enter, .right, .char(" "): if !s.demos.isEmpty { s.result = .chose(s.selected) }
            case .ctrl("c"): s.result = .signalled(2)
            case .char("q"), .escape: s.result = .cancelled
            default: break
            }
        }
        return s
    }

    var listRows: Int { max(1, size.height - 5) }

    /// Draws the list: a title, one row per demo (origin and title), the keys.
    public func view() -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        let glyphs = Glyphs.forASCII(ascii)
        guard size.width >= 40, size.height >= 8 else {
            grid.put("terminal too small", x: 0, y: 0, role: .warning)
            return grid
        }
        grid.fill(Rect(x: 0, y: 0, width: size.width, height: 1), with: Cell(" ", .status))
        grid.put(" loopscope: pick a demo to replay", x: 0, y: 0, role: .status)
        let rows = listRows
        var top = max(0, selected - rows / 2)
        top = min(top, max(0, demos.count - rows))
        let originWidth = min(16, demos.map { TextWidth.columns(Sanitizer.line($0.origin, ascii: ascii)) }.max() ?? 0)
        let languageWidth = min(8, demos.map { TextWidth.columns(Sanitizer.line($0.language, ascii: ascii)) }.max() ?? 0)
        for (i, demo) in demos.enumerated().dropFirst(top).prefix(rows) {
            let y = 2 + i - top
            let mark = i == selected ? String(glyphs.pointer) : " "
            let role: StyleRole = i == selected ? .lineRan : .plain
            let origin = TextWidth.pad(Sanitizer.line(demo.origin, ascii: ascii), originWidth)
            let language = languageWidth == 0 ? "" : TextWidth.pad(Sanitizer.line(demo.language, ascii: ascii), languageWidth) + "  "
            let line = "\(mark) \(origin)  \(language)\(Sanitizer.line(demo.title, ascii: ascii))"
            let used = grid.put(line, x: 1, y: y, role: role, maxWidth: size.width - 2)
            if i == selected { grid.paint(x: 1 + used, y: y, width: size.width - 2 - used, role: .lineRan) }
        }
        let keys = ascii ? "up/down choose   Enter play   q quit" : "↑/↓ choose   Enter play   q quit"
        grid.put(keys, x: 1, y: size.height - 1, role: .dim)
        return grid
    }
}

/// What the picker ended with.
public enum PickerResult: Equatable, Sendable {
    case chose(Int)
    case cancelled
    /// Ended by Ctrl-C or a signal (its number).
    case signalled(Int32)
}

extension Player {
    /// Shows the demo list on `backend` and returns the index chosen, or nil when the user
    /// left. Does not restore the terminal.
    public static func pick(demos: [DemoChoice], selected: Int = 0, on backend: any TerminalBackend) -> Int? {
        if case .chose(let i) = pickResult(demos: demos, selected: selected, on: backend) { return i }
        return nil
    }

    /// Like `pick`, but says how the picker ended.
    public static func pickResult(demos: [DemoChoice], selected: Int = 0,
                                  on backend: any TerminalBackend) -> PickerResult {
        var state = PickerState(demos: demos, size: backend.size, selected: selected,
                                ascii: !backend.capabilities.unicode)
        backend.draw(state.view())
        while state.result == nil {
            guard let event = backend.nextEvent(timeoutMilliseconds: -1) else { continue }
            state = PickerState.reduce(state, event)
            backend.draw(state.view())
        }
        return state.result ?? .cancelled
    }
}
