/// A terminal the player draws on and reads keys from.
///
/// The backend only draws whole grids (it may diff them against the previous frame) and
/// turns keys, resizes and signals into `InputEvent`s; it never decides what to show.
/// `LoopscopeCurses.CursesBackend` is the real one; tests use `ScriptedBackend`.
package protocol TerminalBackend: AnyObject {
    /// The terminal's current size.
    var size: TerminalSize { get }
    var capabilities: TerminalCapabilities { get }
    /// Puts a grid on the terminal; cells outside it are left blank.
    func draw(_ grid: Grid)
    /// Waits up to `timeoutMilliseconds` (negative: until something happens) and returns
    /// the next event, or nil when the time ran out.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Gives the terminal back as it was. Safe to call more than once.
    func restore()
}
