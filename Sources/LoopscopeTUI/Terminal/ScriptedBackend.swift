/// A backend without a terminal: it plays a fixed list of events and keeps every frame.
///
/// Used by tests and the benchmark to drive the player's loop headless. When the script runs
/// out it reports `.terminate`, so a loop always ends.
///
/// ```swift
/// let backend = ScriptedBackend(size: .minimum, events: [.key(.right), .key(.char("q"))])
/// ```
package final class ScriptedBackend: TerminalBackend {
    package private(set) var size: TerminalSize
    package let capabilities: TerminalCapabilities
    package private(set) var frames: [Grid] = []
    package private(set) var restoreCount = 0
    private var events: [InputEvent]
    private var next = 0

    package init(size: TerminalSize, events: [InputEvent],
                capabilities: TerminalCapabilities = TerminalCapabilities(colors: true, unicode: true)) {
        self.size = size
        self.events = events
        self.capabilities = capabilities
    }

    package func draw(_ grid: Grid) { frames.append(grid) }

    package func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard next < events.count else { return .terminate }
        let e = events[next]
        next += 1
        if case .resize(let s) = e { size = s }
        return e
    }

    package func restore() { restoreCount += 1 }
}
