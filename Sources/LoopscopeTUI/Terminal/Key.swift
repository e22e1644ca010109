/// A key press, as the backend decodes it.
public enum Key: Equatable, Sendable {
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
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    /// Ctrl-C or SIGINT.
    case interrupt
    /// SIGTERM, SIGHUP.
    case terminate
}

/// What a terminal can show.
public struct TerminalCapabilities: Equatable, Sendable {
    /// Whether colours are used (false with `NO_COLOR`, or a terminal without colours).
    public var colors: Bool
    /// Whether Unicode glyphs are used (false when the locale is not UTF-8 or `ascii` is on).
    public var unicode: Bool

    public init(colors: Bool, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}
