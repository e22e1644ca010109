import CNcurses
import CTerminalGuard
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
package final class CursesBackend: TerminalBackend {
    package fileprivate(set) var size: TerminalSize
    package let capabilities: TerminalCapabilities
    private var screen: OpaquePointer?
    fileprivate var previous: Grid?
    private var restored = false
    private var styles: CursesStyles
    private let colors: Bool
    /// A test hook: crash this way after the first frame (see `TestCrash`).
    private var crashAfterFirstFrame: TestCrash?
    /// The controlling terminal, opened for keys when they do not come on standard input.
    private var keyboard: UnsafeMutablePointer<FILE>?

    /// Starts curses. Throws when the terminal cannot be opened (unknown `TERM`) or cannot
    /// move the cursor (`TERM=dumb`).
    ///
    /// Before curses changes the terminal, it saves the terminal's modes and installs a
    /// crash guard: on SIGSEGV, SIGABRT, SIGQUIT, a trap and the like, the terminal leaves
    /// the alternate screen, shows the cursor and gets its modes back before the crash
    /// report prints.
    ///
    /// - Parameters:
    ///   - forceASCII: use ASCII glyphs even when the locale is UTF-8.
    ///   - keys: where keys are read: standard input, or the controlling terminal (`/dev/tty`)
    ///     when standard input carries something else (a trace, for `play -`).
    ///   - environment: where `NO_COLOR` is looked up.
    package init(forceASCII: Bool = false, keys: KeySource = .standardInput, environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let utf8 = ls_locale_is_utf8() != 0
        var restoreBytes = [CChar](repeating: 0, count: 256)
        guard ls_terminal_probe(&restoreBytes, Int32(restoreBytes.count)) != 0 else {
            throw CursesError.noCursorAddressing
        }
        if keys == .controllingTerminal {
            guard let tty = fopen("/dev/tty", "re") else { throw CursesError.noControllingTerminal }
            keyboard = tty
        }
        _ = ls_guard_install(1, restoreBytes)
        guard let screen = keyboard.map(ls_newterm_keys) ?? ls_newterm() else {
            ls_guard_uninstall()
            if let keyboard { fclose(keyboard) }
            throw CursesError.cannotOpenTerminal
        }
        self.screen = screen
        crashAfterFirstFrame = environment["LOOPSCOPE_TEST_CRASH"].flatMap(TestCrash.init(rawValue:))
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
        self.colors = colors
        styles = CursesStyles(colors: colors, theme: .dark)
        capabilities = TerminalCapabilities(colors: colors, unicode: utf8 && !forceASCII)
        size = TerminalSize(width: Int(ls_cols()), height: Int(ls_rows()))
        erase()
        refresh()
    }

    package func draw(_ grid: Grid) {
        guard !restored else { return }
        var full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if grid.theme != styles.theme {
            styles = CursesStyles(colors: colors, theme: grid.theme)
            full = true
        }
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
                // A continuation stays in its wide character's run whatever its role, so the
                // next run never starts inside a wide character.
                while x < grid.width, grid[x, y].role == role || grid[x, y].isContinuation {
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
        if let crash = crashAfterFirstFrame {
            crashAfterFirstFrame = nil
            crash.trigger()
        }
    }

    package func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        EventPump.next(from: self, timeoutMilliseconds: timeoutMilliseconds, now: Player.monotonicNow)
    }

    package func restore() {
        guard !restored else { return }
        restored = true
        if isendwin() == false { endwin() }
        if let screen { delscreen(screen) }
        screen = nil
        if let keyboard { fclose(keyboard) }
        keyboard = nil
        SignalFlag.uninstall()
        ls_guard_uninstall()
    }

    deinit { restore() }

    private func rowEqual(_ a: Grid, _ b: Grid, _ y: Int) -> Bool {
        let start = y * b.width
        return a.cells[start..<start + b.width] == b.cells[start..<start + b.width]
    }
}

extension CursesBackend: RawInputSource {
    package func poll(waitMilliseconds: Int) -> InputEvent? {
        timeout(Int32(max(0, waitMilliseconds)))
        var ch: wint_t = 0
        let rc = get_wch(&ch)
        if rc == ERR { return nil }
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

    package func takeSignal() -> InputEvent? { SignalFlag.take() }
}

/// Where the player reads its keys.
package enum KeySource: Sendable {
    /// Standard input, which must be a terminal.
    case standardInput
    /// The process's controlling terminal (`/dev/tty`), as `less` does when standard input
    /// is the text to show: `play -` reads the trace from standard input.
    case controllingTerminal
}

/// Why the terminal could not be used.
package enum CursesError: Error, CustomStringConvertible {
    case cannotOpenTerminal
    case noCursorAddressing
    /// `/dev/tty` cannot be opened: the process has no controlling terminal.
    case noControllingTerminal

    package var description: String {
        switch self {
        case .cannotOpenTerminal: "cannot open the terminal (is TERM set to a known terminal type?)"
        case .noCursorAddressing: "the terminal type in TERM cannot move the cursor"
        case .noControllingTerminal: "this process has no controlling terminal (/dev/tty) to read keys from"
        }
    }
}

/// A test hook for the crash guard: with `LOOPSCOPE_TEST_CRASH` set to one of these, the
/// player crashes that way right after drawing its first frame, so the end-to-end test can
/// check that the terminal is usable afterwards. Not for anything else.
enum TestCrash: String {
    /// A Swift runtime trap (`fatalError`): SIGILL on x86-64, SIGTRAP on arm64.
    case trap
    /// A segmentation fault.
    case segv
    /// `abort()`: SIGABRT.
    case abort
    /// SIGQUIT, as Ctrl-\\ sends.
    case quit

    func trigger() -> Never {
        switch self {
        case .trap: fatalError("LOOPSCOPE_TEST_CRASH=trap: crashing on purpose (test hook)")
        case .segv: raise(SIGSEGV)
        case .abort: Glibc.abort()
        case .quit: raise(SIGQUIT)
        }
        Glibc.abort()
    }
}
