/// A key press, as the backend decodes it.
package enum Key: Equatable, Sendable {
    /// A printable character (including space).
    case char(Character)
    case left, right, up, down, home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace
    /// Ctrl with a letter, e.g. `.ctrl("c")`.
    case ctrl(Character)
    /// A key the backend could not name.
    case unknown(Int32)
}

/// What the terminal tells the player: keys, resizes and signals.
package enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    /// Ctrl-C or SIGINT.
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP: the terminal went away.
    case hangup

    /// The signal number the process should end with after this event (SIGINT 2,
    /// SIGTERM 15, SIGHUP 1; POSIX fixes these numbers), or nil for keys and resizes.
    package var signalNumber: Int32? {
        switch self {
        case .interrupt: 2
        case .terminate: 15
        case .hangup: 1
        case .key(.ctrl("c")): 2
        default: nil
        }
    }
}

/// What a terminal can show.
package struct TerminalCapabilities: Equatable, Sendable {
    /// Whether colours are used (false with `NO_COLOR`, or a terminal without colours).
    package var colors: Bool
    /// Whether Unicode glyphs are used (false when the locale is not UTF-8 or `ascii` is on).
    package var unicode: Bool

    package init(colors: Bool, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}
