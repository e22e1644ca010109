@testable import LoopscopeTUI

/// A keyboard that has `key` waiting once `keyIsThere()` says so, and nothing before: it
/// looks at the watch the load asks, keeps the frames drawn and how many questions the watch
/// had been asked when the key was first there. A subclass says when the key is there.
class WaitingKeyBackend: TerminalBackend, @unchecked Sendable {
    let size = TerminalSize(width: 80, height: 24)
    let capabilities = TerminalCapabilities(colors: true, unicode: true)
    let key: InputEvent
    var watch: LoadWatch?
    var frames: [Grid] = []
    /// How many questions the watch had been asked when the key was first there.
    var pressedAt: Int?

    init(key: InputEvent) { self.key = key }

    /// Whether the key is there yet.
    func keyIsThere() -> Bool { true }

    func draw(_ grid: Grid) { frames.append(grid) }
    func restore() {}
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard keyIsThere() else { return nil }
        if pressedAt == nil { pressedAt = watch?.questions }
        return key
    }
}
