import Foundation
import LoopscopeTimeline

/// Time axes already laid out, by width and zoom, so that zooming back and forth (and the
/// zoom levels prepared at start) redraw without laying a million-step run out again.
///
/// Pure memoisation of `TimeAxis(timeline:width:zoom:)` and the loop row drawn from it: an
/// entry never changes once made, so sharing one cache between copies of `AppState` keeps
/// `reduce` free of visible side effects.
final class AxisCache: @unchecked Sendable {
    struct Key: Hashable {
        let width: Int
        let zoomIndex: Int
    }

    struct Entry {
        let axis: TimeAxis
        let loopRow: [UInt8]
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    func entry(_ key: Key, make: () -> Entry) -> Entry {
        if let hit = lock.withLock({ entries[key] }) { return hit }
        let made = make()
        lock.withLock { entries[key] = made }
        return made
    }
}
