import CNcurses
import Glibc
import LoopscopeTUI

/// The real terminal: draws grids with ncurses and turns keys, resizes and signals into
/// `InputEvent`s.
///
/// Only this module imports ncurses. The backend draws what it is given, diffed row by row
/// against the previous frame, and never decides what to show. It restores the terminal
/// exactly once (`endwin`, guarded by `isendwin`), whether the player quits, is interrupted
/// or fails.
///
/// ```swift
/// let backend = try CursesBackend(forceASCII: false)
/// defer { backend.restore() }
/// backend.draw(grid)
/// ```
public final class CursesBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    public let capabilities: TerminalCapabilities
    private var screen: OpaquePointer?
    private var previous: Grid?
    private var restored = false
    private let styles: CursesStyles

    /// Starts curses. Throws when the terminal cannot be opened (unknown `TERM`).
    ///
    /// - Parameters:
    ///   - forceASCII: use ASCII glyphs even when the locale is UTF-8.
    ///   - environment: where `NO_COLOR` is looked up.
    public init(forceASCII: Bool = false, environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let utf8 = ls_locale_is_utf8() != 0
        guard let screen = ls_newterm() else { throw CursesError.cannotOpenTerminal }
        self.screen = screen
        SignalFlag.install()
        cbreak()
        noecho()
        nonl()
        keypad(ls_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        styles = CursesStyles(colors: colors)
        capabilities = TerminalCapabilities(colors: colors, unicode: utf8 && !forceASCII)
        size = TerminalSize(width: Int(ls_cols()), height: Int(ls_rows()))
        erase()
        refresh()
    }

    public func draw(_ grid: Grid) {
        guard !restored else { return }
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { erase() }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(grid.width + 1)
        for y in 0..<grid.height {
            if !full, let prev = previous, rowEqual(prev, grid, y) { continue }
            var x = 0
            while x < grid.width {
                let role = grid[x, y].role
                let start = x
                buffer.removeAll(keepingCapacity: true)
                while x < grid.width, grid[x, y].role == role {
                    let cell = grid[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { buffer.append(wchar_t(scalar.value)) }
                    }
                    x += 1
                }
                buffer.append(0)
                let style = styles[role]
                ls_set_style(style.attrs, style.pair)
                _ = buffer.withUnsafeBufferPointer { ls_put(Int32(y), Int32(start), $0.baseAddress) }
            }
        }
        ls_set_style(ls_a_normal(), 0)
        refresh()
        previous = grid
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if let signal = SignalFlag.take() { return signal }
        // Wake at least every 100 ms to notice signals.
        let wait = timeoutMilliseconds < 0 ? 100 : min(timeoutMilliseconds, 100)
        timeout(Int32(wait))
        var ch: wint_t = 0
        let rc = get_wch(&ch)
        if let signal = SignalFlag.take() { return signal }
        if rc == ERR { return timeoutMilliseconds < 0 ? nextEvent(timeoutMilliseconds: -1) : nil }
        if rc == KEY_CODE_YES {
            if Int32(ch) == KEY_RESIZE {
                size = TerminalSize(width: Int(ls_cols()), height: Int(ls_rows()))
                previous = nil
                return .resize(size)
            }
            return .key(KeyDecoder.key(code: Int32(ch)))
        }
        return .key(KeyDecoder.key(character: UInt32(ch)))
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        if isendwin() == false { endwin() }
        if let screen { delscreen(screen) }
        screen = nil
        SignalFlag.uninstall()
    }

    deinit { restore() }

    private func rowEqual(_ a: Grid, _ b: Grid, _ y: Int) -> Bool {
        let start = y * b.width
        return a.cells[start..<start + b.width] == b.cells[start..<start + b.width]
    }
}

/// Why the terminal could not be used.
public enum CursesError: Error, CustomStringConvertible {
    case cannotOpenTerminal

    public var description: String {
        switch self {
        case .cannotOpenTerminal: "cannot open the terminal (is TERM set to a known terminal type?)"
        }
    }
}
