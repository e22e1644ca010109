import LoopscopeRender
import LoopscopeTimeline

/// How lane marks look on screen: the glyphs are the lane renderer's (`LaneGlyphs`), so
/// the player and `loopscope export` draw the same chart; this adds the style role of each.
struct LaneLook {
    let glyphs: LaneGlyphs

    init(ascii: Bool) { glyphs = ascii ? .ascii : .unicode }

    func glyph(_ mark: LaneMark) -> Character { Character(glyphs.glyph(mark)) }

    func glyph(_ state: LaneState) -> Character { glyph(LaneMark(state)) }

    func role(_ mark: LaneMark) -> StyleRole {
        switch mark {
        case .empty: .plain
        case .created: .dim
        case .ready: .ready
        case .running: .running
        case .suspended: .waiting
        case .blocking: .blocked
        case .thread: .running
        case .done: .done
        case .failed: .failed
        case .cancelled: .cancelled
        case .breakMarker: .dim
        }
    }

    func role(_ state: LaneState) -> StyleRole { role(LaneMark(state)) }

    /// The legend entries, in the order shown, with short names that fit 80 columns. A
    /// program without an event loop speaks of threads: they wait (sleep, join), not await.
    func legend(loopless: Bool) -> [(LaneMark, String)] {
        let all: [(LaneMark, String)] = [
            (.running, "run"), (.ready, "ready"), (.suspended, loopless ? "wait" : "await"), (.blocking, "block"),
            (.thread, "thread"), (.created, "new"), (.done, "done"), (.failed, "fail"), (.cancelled, "cancel"),
            (.breakMarker, "skip")]
        // Threads never queue: a program without an event loop has no ready queue to name.
        return loopless ? all.filter { $0.0 != .ready } : all
    }
}
